package io.m365insights.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The example operations in graphql-schema/examples run without errors and return data: documentation that runs. */
@QuarkusTest
class SchemaExamplesTest {

    private static boolean synced;

    @BeforeEach
    void syncedOnce() {
        if (!synced) {
            SimulatorClient.current().reset();
            Syncs.syncNow();
            synced = true;
        }
    }

    static Stream<Path> examples() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("graphql-schema", "examples"))) {
            files = s.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleRuns(Path example) throws IOException {
        JsonNode data = GraphQL.data(Files.readString(example), Map.of());
        assertThat(data).isNotNull();
        assertThat(data.fields().hasNext()).isTrue();
        data.fields().forEachRemaining(f -> assertThat(f.getValue().isNull()).as(f.getKey()).isFalse());
    }
}
