package io.m365insights.api.http;

import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Keeps operations written against the old schema valid. {@code usage(apps:, platforms:)} and
 * {@code OffboardingPlan.items(actions:)} took lists whose items could be null ({@code [UsageApp]}); they now take
 * {@code [UsageApp!]}, as the API contract always said. A literal list is valid either way, but GraphQL refuses a
 * variable declared {@code [UsageApp]} where {@code [UsageApp!]} is expected, so a dashboard's saved query would
 * break. This reads such a declaration as {@code [UsageApp!]} (one {@code !} inserted after the item type): a variable
 * whose items are all values works as before, one with a null item gets GraphQL's error for it. These item types are
 * used in lists only at those arguments, so no other meaning changes.
 */
final class ListVariableTypes {
    static final Set<String> ITEM_TYPES = Set.of("UsageApp", "Platform", "OffboardingAction");

    private ListVariableTypes() {
    }

    /** The document with old list variable types made non-null in their items; unchanged when it has none. */
    static String upgrade(String query) {
        if (ITEM_TYPES.stream().noneMatch(query::contains)) {
            return query;
        }
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (InvalidSyntaxException e) {
            return query; // GraphQL reports it
        }
        List<TypeName> nullableItems = new ArrayList<>();
        for (OperationDefinition o : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition v : o.getVariableDefinitions()) {
                Type<?> type = v.getType() instanceof NonNullType n ? n.getType() : v.getType();
                if (type instanceof ListType list && list.getType() instanceof TypeName item
                        && ITEM_TYPES.contains(item.getName()) && item.getSourceLocation() != null) {
                    nullableItems.add(item);
                }
            }
        }
        if (nullableItems.isEmpty()) {
            return query;
        }
        List<Integer> lineStarts = lineStarts(query);
        StringBuilder upgraded = new StringBuilder(query);
        nullableItems.stream().sorted(Comparator.comparing(TypeName::getSourceLocation,
                        Comparator.comparingInt(SourceLocation::getLine).thenComparingInt(SourceLocation::getColumn))
                .reversed())
                .forEach(item -> {
                    SourceLocation at = item.getSourceLocation();
                    int offset = lineStarts.get(at.getLine() - 1) + at.getColumn() - 1 + item.getName().length();
                    upgraded.insert(offset, '!');
                });
        return upgraded.toString();
    }

    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts;
    }
}
