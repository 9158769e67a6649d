package io.m365insights.api;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.Classes;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;

/**
 * Gives the plain properties of our GraphQL types a {@link PropertyFetcher} instead of SmallRye GraphQL's
 * {@code FieldDataFetcher}, which for every field of every object builds a SmallRye context (the field's selection,
 * path and arguments, as JSON) and passes the value through its transformation step — on a users page, ~1,400 fields
 * (bench/RESULTS.md, "Where a users page's time goes"). Found by SmallRye's {@link DataFetcherService} SPI
 * (META-INF/services, loaded when the schema is built), whose {@link #getFieldDataFetcher} SmallRye asks for the fields
 * of types only: operations ({@code @Query}, {@code @Mutation}, {@code @Source} resolvers, fields with arguments) keep
 * SmallRye's fetchers, with their context, security interceptors and batching. Quarkus's own provider (priority 1)
 * answers for operations only.
 *
 * <p>A field is plain when SmallRye's fetcher would return its accessor's value unchanged ({@link #isPlain}); every
 * other field is left to SmallRye.
 */
public final class PropertyFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return isPlain(field) ? new PropertyFetcher<>(field, type, owner) : null;
    }

    /**
     * Whether SmallRye's {@code FieldDataFetcher} passes the field's value through as its accessor returns it
     * (SmallRye 2.17, {@code FieldHelper}/{@code AbstractHelper.transformOrAdapt}). It does for enums and objects, and
     * for a scalar whose Java class is the one graphql-java's scalar takes (String, boolean/Boolean, Integer, an
     * {@code @Id} of any class, UUID included); for the other number classes (int, long...) its transformer's output is
     * the value itself. It does not for what it formats or converts: dates and times (to ISO strings), UUID/URL/char
     * as plain String scalars, {@code @DateFormat}/{@code @NumberFormat}, adapters ({@code @AdaptWith},
     * {@code @AdaptToScalar}); nor for lists, arrays, Optionals and maps, which it copies into new containers; nor for
     * a public Java field without an accessor.
     */
    static boolean isPlain(Field field) {
        Reference reference = field.getReference();
        if (field.getMethodName() == null || field.hasWrapper() || field.hasTransformation() || field.isAdaptingTo()
                || field.isAdaptingWith() || reference.isAdaptingTo() || reference.isAdaptingWith()) {
            return false;
        }
        return switch (reference.getType()) {
            case ENUM, TYPE, INTERFACE, UNION -> true;
            case SCALAR -> reference.getClassName().equals(reference.getGraphQLClassName())
                    || Classes.isNumberLikeType(reference.getClassName());
            case INPUT -> false;
        };
    }

    /** The schema with SmallRye's own fetcher wherever a {@link PropertyFetcher} was installed. */
    static GraphQLSchema withSmallRyeFetchers(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry smallRye = registry.transform(builder -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLFieldsContainer container) {
                    for (GraphQLFieldDefinition definition : container.getFieldDefinitions()) {
                        FieldCoordinates at = FieldCoordinates.coordinates(container.getName(), definition.getName());
                        if (registry.getDataFetcher(at, definition) instanceof PropertyFetcher<?> fetcher) {
                            builder.dataFetcher(at, fetcher.smallRyeFetcher());
                        }
                    }
                }
            }
        });
        return schema.transformWithoutTypes(builder -> builder.codeRegistry(smallRye));
    }
}
