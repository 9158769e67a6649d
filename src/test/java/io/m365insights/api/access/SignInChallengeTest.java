package io.m365insights.api.access;

import io.m365insights.testsupport.HttpGet;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request without a valid token is told where to sign in, as Power BI's "Organizational account" needs: 401 with
 * {@code WWW-Authenticate: Bearer authorization_uri="https://login.microsoftonline.com/<tenant>/oauth2/authorize"}
 * (no resource_id unless configured: TrustedDocumentsOnlyTest has it), on the API and on the exports.
 */
@QuarkusTest
class SignInChallengeTest {
    @TestHTTPResource("/")
    URI root;

    private static String tenant() {
        return ConfigProvider.getConfig().getValue("m365.tenant-id", String.class);
    }

    @Test
    void anAnonymousGetIs401WithEntraIdsAuthorizeEndpoint() {
        HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/license-seats"), null, "*/*");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer authorization_uri=\"https://login.microsoftonline.com/"
                + tenant() + "/oauth2/authorize\"");
        assertThat(r.response().headers().allValues("WWW-Authenticate")).hasSize(1);
    }

    @Test
    void anInvalidTokenIsToldSoAndWhereToSignIn() {
        HttpGet.Reply r = HttpGet.get(root, "graphql", Map.of("query", "{ __typename }"), "not-a-jwt", "*/*");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer authorization_uri=\"https://login.microsoftonline.com/"
                + tenant() + "/oauth2/authorize\", error=\"invalid_token\"");
    }

    @Test
    void theExportsAndTheSchemaChallengeToo() {
        for (String path : new String[]{"export/users.csv", "export/usage.csv", "graphql/schema.graphql"}) {
            HttpGet.Reply r = HttpGet.get(root, path, Map.of(), null, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).as(path).startsWith("Bearer authorization_uri=\"https://login.microsoftonline.com/"
                    + tenant() + "/oauth2/authorize\"");
        }
    }
}
