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
 * A well-formed GraphQL-over-HTTP request: {@code query} (a string), optional {@code operationName} (a string),
 * {@code variables} and {@code extensions} (maps), read from a JSON body (POST) or the URL's query (GET). Anything else
 * is not a GraphQL-over-HTTP request and is refused with {@link Malformed} (400) before GraphQL sees it.
 */
record GraphQLHttpRequest(String query, String operationName, JsonObject variables, JsonObject extensions) {

    /** Not a well-formed GraphQL-over-HTTP request; the message says what to send instead. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** A POST body in {@code application/json}. */
    static GraphQLHttpRequest fromJson(String body, JsonReaderFactory json) throws Malformed {
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
        JsonValue query = request.get("query");
        if (!(query instanceof JsonString q)) {
            throw new Malformed("\"query\" must be a string holding the GraphQL document");
        }
        JsonValue operationName = request.getOrDefault("operationName", JsonValue.NULL);
        if (operationName != JsonValue.NULL && !(operationName instanceof JsonString)) {
            throw new Malformed("\"operationName\" must be a string or null");
        }
        return new GraphQLHttpRequest(q.getString(),
                operationName instanceof JsonString name ? emptyToNull(name.getString()) : null,
                map(request.getOrDefault("variables", JsonValue.NULL), "variables"),
                map(request.getOrDefault("extensions", JsonValue.NULL), "extensions"));
    }

    /** A GET: parameters already URL-decoded; {@code variables} and {@code extensions} are JSON strings. */
    static GraphQLHttpRequest fromQueryParameters(Map<String, String> params, JsonReaderFactory json) throws Malformed {
        String query = params.get("query");
        if (query == null || query.isEmpty()) {
            throw new Malformed("The \"query\" URL parameter is missing: pass the GraphQL document in it");
        }
        return new GraphQLHttpRequest(query, emptyToNull(params.get("operationName")),
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
