package io.m365insights.api.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.HttpGet;
import io.m365insights.testsupport.SimulatorClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A locked-down deployment: only trusted documents (m365.api.trusted-documents.only), except for admins
 * (free-form-roles), and the API's App ID URI in the sign-in challenge (m365.api.resource-id).
 */
@QuarkusTest
@TestProfile(TrustedDocumentsOnlyTest.LockedDown.class)
class TrustedDocumentsOnlyTest {
    static final String RESOURCE = "api://m365-insights.example.com";

    public static class LockedDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("m365.api.trusted-documents.only", "true",
                    "m365.api.trusted-documents.free-form-roles", Roles.ADMIN,
                    "m365.api.resource-id", RESOURCE);
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void aReadersOwnDocumentIsRefusedWith403AndNothingRuns() {
        String reader = SimulatorClient.current().apiToken("bi.reader@contoso.com", Roles.READER);
        HttpGet.Reply r = HttpGet.get(root, "graphql", Map.of("query", "{ licenses { skuId } }"), reader, "*/*");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/errors/0/extensions/code").asText()).isEqualTo("TRUSTED_DOCUMENTS_ONLY");
        assertThat(r.json().at("/errors/0/message").asText()).contains("documentId");
        assertThat(r.json().has("data")).isFalse();
        JsonNode posted = GraphQL.postAs(reader, "{ licenses { skuId } }", Map.of());
        assertThat(posted.at("/errors/0/extensions/code").asText()).isEqualTo("TRUSTED_DOCUMENTS_ONLY");
    }

    @Test
    void aTrustedDocumentRunsByIdOrByItsExactText() throws Exception {
        String reader = SimulatorClient.current().apiToken("bi.reader@contoso.com", Roles.READER);
        HttpGet.Reply byId = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/license-seats"), reader, "*/*");
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().has("errors")).as(byId.body()).isFalse();
        // Grafana sends the text itself: accepted when it is a trusted document byte for byte
        String text = Files.readString(Path.of("graphql-schema/bi/license-seats.graphql"), StandardCharsets.UTF_8);
        JsonNode asText = GraphQL.postAs(reader, text, Map.of());
        assertThat(asText.has("errors")).as("%s", asText).isFalse();
        assertThat(GraphQL.postAs(reader, text + " ", Map.of()).at("/errors/0/extensions/code").asText())
                .isEqualTo("TRUSTED_DOCUMENTS_ONLY");
    }

    @Test
    void anAdminMayStillSendAnyDocument() {
        JsonNode r = GraphQL.post("{ licenses { skuId } }", Map.of());
        assertThat(r.has("errors")).as("%s", r).isFalse();
    }

    @Test
    void theChallengeNamesTheApisResource() {
        HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/license-seats"), null, "*/*");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer authorization_uri=\"https://login.microsoftonline.com/"
                + ConfigProvider.getConfig().getValue("m365.tenant-id", String.class) + "/oauth2/authorize\", resource_id=\""
                + RESOURCE + "\"");
    }
}
