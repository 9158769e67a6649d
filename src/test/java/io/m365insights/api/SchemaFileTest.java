package io.m365insights.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-schema/schema.graphql is the committed contract. This test fails when the running schema differs; run
 * {@code ./mvnw verify -Dgraphql.schema.update=true} to rewrite the file, then review the diff (renames need a
 * deprecation first).
 */
@QuarkusTest
class SchemaFileTest {
    private static final Path SCHEMA = Path.of("graphql-schema", "schema.graphql");

    @Test
    void committedSchemaMatchesTheRunningSchema() throws IOException {
        String running = io.m365insights.testsupport.GraphQL.request(io.m365insights.testsupport.GraphQL.adminToken()).get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("graphql.schema.update")) {
            Files.createDirectories(SCHEMA.getParent());
            Files.writeString(SCHEMA, running, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SCHEMA) ? Files.readString(SCHEMA, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("graphql-schema/schema.graphql differs from the running schema; regenerate it with "
                        + "`./mvnw verify -Dgraphql.schema.update=true` and review the diff")
                .isEqualTo(running);
    }
}
