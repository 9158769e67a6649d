package io.m365insights.api;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;

import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Serves a plain property of a GraphQL type ({@link PropertyFetchers} says which) by calling its accessor, and nothing
 * else: no SmallRye context per field, no transformation step, and — as a graphql-java {@link LightDataFetcher} — no
 * {@link DataFetchingEnvironment} either. The value is what SmallRye's {@link FieldDataFetcher} returns for the same
 * field: the same accessor called the same way ({@link Method#invoke}, exceptions not unwrapped either).
 *
 * <p>Native: the accessor is found by reflection, as SmallRye's own fetcher finds it. Quarkus registers every class of
 * the GraphQL schema for reflection with its methods (the SmallRye GraphQL extension's {@code ReflectiveClassBuildItem}
 * of the schema's classes), which is what both rely on. It is looked up on first use, at run time: the fetchers are
 * created with the schema during static init, which a native build runs while building the image.
 */
final class PropertyFetcher<T> implements PlugableDataFetcher<T>, LightDataFetcher<T> {
    private static final Object[] NO_ARGUMENTS = {};

    private final Field field;
    private final Type type;
    private final Reference owner;
    /** Looked up once; a race only looks it up twice. */
    private volatile Method accessor;

    PropertyFetcher(Field field, Type type, Reference owner) {
        this.field = field;
        this.type = type;
        this.owner = owner;
    }

    @Override
    public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
            throws Exception {
        return read(source);
    }

    @Override
    public T get(DataFetchingEnvironment environment) throws Exception {
        return read(environment.getSource());
    }

    @SuppressWarnings("unchecked")
    private T read(Object source) throws ReflectiveOperationException {
        Method method = accessor;
        if (method == null) {
            method = ClassloadingService.get().loadClass(owner.getClassName()).getMethod(field.getMethodName());
            accessor = method;
        }
        return (T) method.invoke(source, NO_ARGUMENTS);
    }

    /** The fetcher SmallRye GraphQL itself gives this field ({@code m365.api.property-fetchers=false}). */
    FieldDataFetcher<T> smallRyeFetcher() {
        return new FieldDataFetcher<>(field, type, owner);
    }
}
