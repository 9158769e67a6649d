package io.m365insights.api.http;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.m365insights.api.DocumentCache;
import io.m365insights.api.documents.TrustedDocuments;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A well-formed GraphQL-over-HTTP request: {@code query} (a string) or {@code documentId} (a trusted document's id),
 * optional {@code operationName} (a string), {@code variables} and {@code extensions} (maps), read from a JSON body
 * (POST) or the URL's query (GET). Anything else
 * is not a GraphQL-over-HTTP request and is refused with {@link Malformed} (400) before GraphQL sees it.
 */
record GraphQLHttpRequest(String query, String operationName, JsonObject variables, JsonObject extensions) {

    /** Not a well-formed GraphQL-over-HTTP request; the message says what to send instead. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** A {@code documentId} that names no trusted document: 400, and nothing runs. */
    static final class UnknownDocument extends Exception {
        UnknownDocument(String id) {
            super("Unknown documentId \"" + id + "\": a trusted document is named by its file under graphql-schema/ "
                    + "without .graphql (e.g. bi/usage-daily) or by sha256:<hex of the file>; "
                    + TrustedDocuments.MANIFEST + " lists them");
        }
    }

    /**
     * The document to run: the request's {@code query}, or the trusted document its {@code documentId} names (never
     * both). {@code trusted} says whether the text is one of the trusted documents (by id or by identical text).
     */
    private static String document(String query, String documentId, TrustedDocuments documents)
            throws Malformed, UnknownDocument {
        if (documentId == null) {
            if (query == null) {
                throw new Malformed("Send the GraphQL document in \"query\", or a trusted document's id in \"documentId\"");
            }
            return query;
        }
        if (query != null) {
            throw new Malformed("Send either \"query\" or \"documentId\", not both");
        }
        return documents.find(documentId).map(TrustedDocuments.Document::text)
                .orElseThrow(() -> new UnknownDocument(documentId));
    }

    /** Whether the document is one of the trusted documents (named by id, or sent as their exact text). */
    boolean trusted(TrustedDocuments documents) {
        return documents.isTrusted(query);
    }

    /** A POST body in {@code application/json}: {@code query} or {@code documentId}. */
    static GraphQLHttpRequest fromJson(String body, JsonReaderFactory json, TrustedDocuments documents)
            throws Malformed, UnknownDocument {
        if (body == null || body.isBlank()) {
            throw new Malformed("The request body is empty: send a JSON object with a \"query\" string");
        }
        JsonValue parsed;
        try (var reader = json.createReader(new StringReader(body))) {
            parsed = reader.readValue();
        } catch (JsonException e) {
            throw new Malformed("The request body is not valid JSON");
        }
        if (!(parsed instanceof JsonObject request)) {
            throw new Malformed("The request body must be a JSON object with a \"query\" string");
        }
        JsonValue query = request.getOrDefault("query", JsonValue.NULL);
        JsonValue documentId = request.getOrDefault("documentId", JsonValue.NULL);
        if (query != JsonValue.NULL && !(query instanceof JsonString)) {
            throw new Malformed("\"query\" must be a string holding the GraphQL document");
        }
        if (documentId != JsonValue.NULL && !(documentId instanceof JsonString)) {
            throw new Malformed("\"documentId\" must be a string: the id of a trusted document");
        }
        if (query == JsonValue.NULL && documentId == JsonValue.NULL) {
            throw new Malformed("\"query\" must be a string holding the GraphQL document (or send \"documentId\")");
        }
        String text = document(query instanceof JsonString q ? q.getString() : null,
                documentId instanceof JsonString d ? d.getString() : null, documents);
        JsonValue operationName = request.getOrDefault("operationName", JsonValue.NULL);
        if (operationName != JsonValue.NULL && !(operationName instanceof JsonString)) {
            throw new Malformed("\"operationName\" must be a string or null");
        }
        return new GraphQLHttpRequest(text,
                operationName instanceof JsonString name ? emptyToNull(name.getString()) : null,
                map(request.getOrDefault("variables", JsonValue.NULL), "variables"),
                map(request.getOrDefault("extensions", JsonValue.NULL), "extensions"));
    }

    /**
     * A GET: parameters already URL-decoded; {@code variables} and {@code extensions} are JSON strings. The document
     * is in {@code query}, or {@code documentId} names a trusted one.
     */
    static GraphQLHttpRequest fromQueryParameters(Map<String, String> params, JsonReaderFactory json,
                                                  TrustedDocuments documents) throws Malformed, UnknownDocument {
        String query = emptyToNull(params.get("query"));
        String documentId = emptyToNull(params.get("documentId"));
        if (query == null && documentId == null) {
            throw new Malformed("The \"query\" URL parameter is missing: pass the GraphQL document in it (or a "
                    + "trusted document's id in \"documentId\")");
        }
        return new GraphQLHttpRequest(document(query, documentId, documents), emptyToNull(params.get("operationName")),
                jsonMap(params.get("variables"), "variables", json), jsonMap(params.get("extensions"), "extensions", json));
    }

    /** The operation a request would run: its type and the names (not aliases) of the fields it asks at the root. */
    record Operation(OperationDefinition.Operation type, Set<String> rootFields) {
    }

    /**
     * The operation this request would run. A document that does not parse, or names no runnable operation, has none:
     * it is left to GraphQL to report, and it would run nothing.
     */
    Optional<Operation> operation() {
        return OPERATIONS.get(new DocumentAndName(query, operationName), query.length(), GraphQLHttpRequest::operationOf);
    }

    /** What {@link #operation()} depends on. */
    private record DocumentAndName(String query, String operationName) {
    }

    /** The operations of documents seen lately: parsing a document again costs more than its execution's allocation. */
    private static final DocumentCache<DocumentAndName, Optional<Operation>> OPERATIONS = new DocumentCache<>(500);

    private static Optional<Operation> operationOf(DocumentAndName request) {
        String query = request.query();
        String operationName = request.operationName();
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        Optional<OperationDefinition> selected = operationName == null
                ? (operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty())
                : operations.stream().filter(o -> operationName.equals(o.getName())).findFirst();
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        return selected.map(o -> {
            Set<String> fields = new TreeSet<>();
            collectFields(o.getSelectionSet(), fragments, fields, new HashSet<>());
            return new Operation(o.getOperation(), fields);
        });
    }

    private static void collectFields(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> fields,
                                      Set<String> visited) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                fields.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                collectFields(inline.getSelectionSet(), fragments, fields, visited);
            } else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                collectFields(fragments.get(spread.getName()).getSelectionSet(), fragments, fields, visited);
            }
        }
    }

    /** The request as SmallRye GraphQL's execution takes it. */
    JsonObject toJson(JsonProvider json) {
        JsonObjectBuilder b = json.createObjectBuilder().add("query", ListVariableTypes.upgrade(query));
        Optional.ofNullable(operationName).ifPresent(n -> b.add("operationName", n));
        Optional.ofNullable(variables).ifPresent(v -> b.add("variables", v));
        Optional.ofNullable(extensions).ifPresent(e -> b.add("extensions", e));
        return b.build();
    }

    private static JsonObject map(JsonValue value, String name) throws Malformed {
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject o) {
            return o;
        }
        throw new Malformed("\"" + name + "\" must be a JSON object (a map) or null");
    }

    private static JsonObject jsonMap(String raw, String name, JsonReaderFactory json) throws Malformed {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try (var reader = json.createReader(new StringReader(raw))) {
            return map(reader.readValue(), name);
        } catch (JsonException e) {
            throw new Malformed("The \"" + name + "\" URL parameter must be a JSON object");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
