package io.m365insights.api.planned;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import io.m365insights.api.model.UsagePoint;
import io.m365insights.usage.Granularity;
import io.m365insights.usage.Platform;
import io.m365insights.usage.UsageApp;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.m365insights.api.planned.QueryPlan.object;
import static io.m365insights.api.planned.QueryPlan.properties;

/**
 * The plan of a {@code usage} series (a {@link QueryPlan}): the points' properties ({@code periodStart}, {@code app},
 * {@code platform}, {@code activeUsers}) in the document's order, for the series {@code UsageApi.usage} answers.
 */
record UsageSeriesPlan(OperationDefinition operation, Field root, GraphQLFieldDefinition rootDefinition,
                       List<Part<UsagePoint>> point) implements QueryPlan {

    static final String ROOT_FIELD = "usage";

    private static final Map<String, Function<UsagePoint, Object>> POINT = Map.of(
            "periodStart", UsagePoint::periodStart, "app", UsagePoint::app, "platform", UsagePoint::platform,
            "activeUsers", UsagePoint::activeUsers);

    static UsageSeriesPlan plan(OperationDefinition operation, Field root, GraphQLFieldDefinition definition,
                                GraphQLSchema schema) throws NotPlanned {
        return new UsageSeriesPlan(operation, root, definition,
                properties(root.getSelectionSet(), object(schema, "UsagePoint"), POINT));
    }

    @Override
    public void answer(Map<String, Object> arguments, Resolvers resolvers, PlannedAnswer answer) {
        List<UsagePoint> series = resolvers.usage(Arguments.date(arguments.get("from")),
                Arguments.date(arguments.get("to")), Arguments.enumValue(Granularity.class, arguments.get("granularity")),
                Arguments.enumList(UsageApp.class, arguments.get("apps")),
                Arguments.enumList(Platform.class, arguments.get("platforms")));
        answer.rootList(ROOT_FIELD, series, point);
    }
}
