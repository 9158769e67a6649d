package io.m365insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.LogCapture;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client secret, Microsoft Graph access tokens, our API's bearer tokens and the database password appear in no
 * log line, no GraphQL error and no sync status, even when Graph and the token endpoint fail in every way we know.
 */
@QuarkusTest
class SecretsNeverLeakTest {
    /** What the simulated Entra ID issues for Microsoft Graph. */
    private static final Pattern GRAPH_TOKEN = Pattern.compile("sim\\.[0-9a-f]{48}");
    /** Any JWT: a header and a payload, both base64url JSON objects. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");
    private static final String TOKEN = ".*/oauth2/v2\\.0/token";

    private final SimulatorClient simulator = SimulatorClient.current();

    @AfterEach
    void leaveNoFaults() {
        simulator.reset();
    }

    @Test
    void secretsStayOutOfLogsErrorsAndSyncStatusWhateverFails() {
        List<String> apiTokens = new ArrayList<>(List.of(GraphQL.adminToken()));
        List<String> answers = new ArrayList<>();
        String logs;
        try (LogCapture capture = LogCapture.start()) {
            simulator.reset();
            assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");

            // the token endpoint fails transiently, then refuses the secret for good
            simulator.expireTokens();
            simulator.addFault(Map.of("pathRegex", TOKEN, "mode", "SEQUENCE", "faults", List.of(
                    Map.of("status", 503), Map.of("kind", "DROP_CONNECTION"), Map.of("status", 429, "retryAfter", "0.05"),
                    Map.of("kind", "DELAY", "delayMillis", 3_500))));
            simulator.addFault(Map.of("pathRegex", TOKEN, "status", 401));
            JsonNode refused = Syncs.syncNow();
            assertThat(refused.get("status").asText()).isEqualTo("FAILED");
            answers.add(refused.toString());

            // Graph rejects tokens (revoked, expired, refused) and fails in every transient way
            simulator.clearFaults();
            simulator.revokeTokens();
            simulator.addFault(Map.of("pathRegex", "/v1\\.0/.*", "mode", "SEQUENCE", "faults", List.of(
                    Map.of("status", 401), Map.of("status", 429, "retryAfter", "0.05"), Map.of("status", 503),
                    Map.of("kind", "DROP_CONNECTION"), Map.of("status", 401), Map.of("kind", "DELAY", "delayMillis", 3_500),
                    Map.of("status", 403))));
            JsonNode faulty = Syncs.syncNow();
            assertThat(faulty.get("status").asText()).isIn("SUCCEEDED", "PARTIAL");
            answers.add(faulty.toString());

            // callers with bad, expired, foreign and under-privileged tokens, and bad requests
            String expired = simulator.send("POST", "/_simulator/api-tokens", Map.of("upn", "old@contoso.com",
                    "roles", List.of(Roles.ADMIN), "expiresInSeconds", -600)).get("access_token").asText();
            String foreign = simulator.send("POST", "/_simulator/api-tokens", Map.of("roles", List.of(Roles.ADMIN),
                    "audience", "some-other-api")).get("access_token").asText();
            String reader = simulator.apiToken("rita.reader@contoso.com", Roles.READER);
            String tampered = reader.substring(0, reader.length() - 4) + "AAAA";
            apiTokens.addAll(List.of(expired, foreign, reader, tampered));
            for (String token : List.of(expired, foreign, tampered)) {
                var r = GraphQL.request(token).body(Map.of("query", "{ licenses { skuId } }")).post("/graphql");
                assertThat(r.statusCode()).isEqualTo(401);
                answers.add(r.asString() + r.headers());
            }
            answers.add(GraphQL.postAs(reader, "mutation { syncNow { alreadyRunning } }", Map.of()).toString());
            answers.add(GraphQL.post("{ users(first: 1 { totalCount } }", Map.of()).toString());
            answers.add(GraphQL.data("{ syncStatus { running lastRun { status error parts { detail } } "
                    + "recentRuns { status error parts { part status detail } } } }").toString());
            logs = capture.text();
            assertThat(capture.records()).as("the capture saw the application's logs").isPositive();
        }

        assertThat(logs).contains("Sync run").contains("invalid_client"); // the failures were logged, and read here
        String clientSecret = ConfigProvider.getConfig().getValue("m365.client-secret", String.class);
        String dbPassword = ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
        assertThat(clientSecret).isNotBlank();
        assertThat(dbPassword).isNotBlank();
        for (String text : List.of(logs, String.join("\n", answers))) {
            assertThat(text).doesNotContain(clientSecret).doesNotContain(dbPassword);
            assertThat(GRAPH_TOKEN.matcher(text).find()).as("a Microsoft Graph token in:\n%s", excerpt(text, GRAPH_TOKEN))
                    .isFalse();
            assertThat(JWT.matcher(text).find()).as("a JWT in:\n%s", excerpt(text, JWT)).isFalse();
            for (String token : apiTokens) {
                assertThat(text).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
            }
        }
    }

    private static String excerpt(String text, Pattern p) {
        var m = p.matcher(text);
        return m.find() ? text.substring(Math.max(0, m.start() - 300), Math.min(text.length(), m.end() + 100)) : "";
    }
}
