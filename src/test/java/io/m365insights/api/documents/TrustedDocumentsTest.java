package io.m365insights.api.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.HttpGet;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operations committed under graphql-schema/ run by id, with GET (and POST), as a BI tool's static URL calls them. */
@QuarkusTest
class TrustedDocumentsTest {
    private static boolean synced;

    @TestHTTPResource("/")
    URI root;

    private String reader;

    @BeforeEach
    void syncedOnce() {
        if (!synced) {
            TestClock.setOffsetDays(0);
            SimulatorClient.current().reset();
            Syncs.syncNow();
            synced = true;
        }
        reader = SimulatorClient.current().apiToken("bi.reader@contoso.com", Roles.READER);
    }

    private String variables() {
        LocalDate last = TestClock.latestReportDay();
        return "{\"from\":\"" + last.minusDays(6) + "\",\"to\":\"" + last + "\",\"granularity\":\"DAY\",\"apps\":[\"SUITE\",\"TEAMS\"]}";
    }

    @Test
    void aGetWithADocumentIdAndVariablesRunsTheCommittedDocument() throws Exception {
        HttpGet.Reply byName = HttpGet.get(root, "graphql",
                HttpGet.params("documentId", "bi/usage-series", "variables", variables()), reader, "*/*");
        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        JsonNode points = byName.json().at("/data/usage");
        assertThat(points).hasSize(7 * 2); // 7 stored days x (SUITE, TEAMS), platform null
        assertThat(points.get(0).get("app").asText()).isEqualTo("SUITE");
        assertThat(points.get(0).get("platform").isNull()).isTrue();

        // the same as the document's text sent as a query, and the same by its sha256 id
        String text = Files.readString(Path.of("graphql-schema/bi/usage-series.graphql"), StandardCharsets.UTF_8);
        JsonNode asQuery = GraphQL.data(text, SimulatorClient.JSON.readValue(variables(), Map.class));
        assertThat(points).isEqualTo(asQuery.get("usage"));
        HttpGet.Reply byHash = HttpGet.get(root, "graphql",
                HttpGet.params("documentId", TrustedDocuments.idOf(text), "variables", variables()), reader, null);
        assertThat(byHash.status()).isEqualTo(200);
        assertThat(byHash.header("Content-Type")).startsWith("application/graphql-response+json");
        assertThat(byHash.json().at("/data/usage")).isEqualTo(points);
    }

    @Test
    void everyBiDocumentRunsByIdWithoutErrors() {
        Map<String, String> variables = Map.of("bi/usage-series", variables(),
                "bi/users-with-licenses", "{\"first\":100}", "bi/license-seats", "{\"days\":30}",
                "bi/idle-seats", "{\"skuId\":\"05e9a617-0261-4cee-bb44-138d3ef5d965\",\"first\":10}", // SPE_E3
                "bi/savings", "{}");
        variables.forEach((id, vars) -> {
            HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", id, "variables", vars), reader, "*/*");
            assertThat(r.status()).as(id).isEqualTo(200);
            assertThat(r.json().has("errors")).as("%s: %s", id, r.body()).isFalse();
            assertThat(r.json().get("data").fields().next().getValue().isEmpty()).as(id).isFalse();
        });
    }

    @Test
    void aPostMayNameADocumentToo() {
        JsonNode r = GraphQL.request(reader).body(Map.of("documentId", "bi/license-seats"))
                .post("/graphql").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(r.at("/data/licenses").isArray()).isTrue();
        assertThat(r.has("errors")).isFalse();
    }

    @Test
    void anUnknownIdIsAClear400WhateverTheResponseType() {
        for (String accept : new String[]{"*/*", "application/graphql-response+json"}) {
            HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/no-such-report"), reader, accept);
            assertThat(r.status()).isEqualTo(400);
            JsonNode error = r.json().at("/errors/0");
            assertThat(error.at("/extensions/code").asText()).isEqualTo("TRUSTED_DOCUMENT_NOT_FOUND");
            assertThat(error.get("message").asText()).contains("bi/no-such-report").contains("trusted-documents.txt");
            assertThat(r.json().has("data")).isFalse();
        }
        HttpGet.Reply wrongHash = HttpGet.get(root, "graphql", HttpGet.params("documentId", "sha256:" + "0".repeat(64)),
                reader, "*/*");
        assertThat(wrongHash.status()).isEqualTo(400);
    }

    @Test
    void queryAndDocumentIdTogetherAre400AndAMutationByIdStillNeedsPost() {
        HttpGet.Reply both = HttpGet.get(root, "graphql", HttpGet.params("query", "{ __typename }",
                "documentId", "bi/license-seats"), reader, "*/*");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().at("/errors/0/message").asText()).contains("not both");
        HttpGet.Reply mutation = HttpGet.get(root, "graphql", HttpGet.params("documentId", "examples/sync-now"),
                GraphQL.adminToken(), "*/*");
        assertThat(mutation.status()).isEqualTo(405);
    }
}
