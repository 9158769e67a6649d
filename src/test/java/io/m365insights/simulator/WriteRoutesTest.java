package io.m365insights.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365insights.simulator.http.GraphSimulator;
import io.m365insights.simulator.http.RequestLog;
import io.m365insights.simulator.tenant.SkuCatalog;
import io.m365insights.simulator.tenant.SimUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's write side over plain HTTP: Microsoft Graph's contract (CONTRACT.md §5-6), refusals included. */
class WriteRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JORG = "ad98bc04-e64e-43b7-96bc-3af4ce1a0e50";  // direct E5, E3 through a group
    private static final String ROOM = "db375250-319b-4490-913e-1b9203bb1010";  // no usage location, no license
    private static final String ZOE = "12c015a9-7019-4937-8c06-c31652ebf438";   // E3 direct and through a group
    private static GraphSimulator sim;
    private static String token;

    record Answer(int status, JsonNode body) {
        String code() {
            return body.path("error").path("code").asText();
        }

        String message() {
            return body.path("error").path("message").asText();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSimulator.start(SimulatorOptions.defaults().withUsers(300).withClientSecret("s3cret"));
        token = SimulatorTokens.appToken(sim, "s3cret");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void freshTenant() {
        sim.reset(42, 300);
    }

    private static Answer send(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.graphBaseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body()));
    }

    private static SimUser user(String id) {
        return sim.tenant().read(t -> t.user(id).orElseThrow());
    }

    private static int consumed(java.util.UUID sku) {
        return sim.tenant().read(t -> t.consumedUnits(sku));
    }

    @Test
    void assignLicenseNeedsBothArrays() throws Exception {
        Answer a = send("POST", "/users/" + JORG + "/assignLicense", "{\"removeLicenses\":[]}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("Request_BadRequest");
        assertThat(a.message()).isEqualTo("One or more parameters of the operation 'assignLicense' are missing from the "
                + "request payload. The missing parameters are: addLicenses.");
        assertThat(send("POST", "/users/" + JORG + "/assignLicense", "{\"addLicenses\":[]}").message())
                .endsWith("The missing parameters are: removeLicenses.");
    }

    @Test
    void removingADirectLicenseFreesItsSeatAndAGroupInheritedOneIsRefused() throws Exception {
        int e5 = consumed(SkuCatalog.SPE_E5);
        Answer ok = send("POST", "/users/" + JORG + "/assignLicense",
                "{\"addLicenses\":[],\"removeLicenses\":[\"" + SkuCatalog.SPE_E5 + "\"]}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("id").asText()).isEqualTo(JORG);
        assertThat(user(JORG).effectiveSkuIds()).containsExactly(SkuCatalog.SPE_E3);
        assertThat(consumed(SkuCatalog.SPE_E5)).isEqualTo(e5 - 1);

        Answer inherited = send("POST", "/users/" + JORG + "/assignLicense",
                "{\"addLicenses\":[],\"removeLicenses\":[\"" + SkuCatalog.SPE_E3 + "\"]}");
        assertThat(inherited.status()).isEqualTo(400);
        assertThat(inherited.message()).isEqualTo("User license is inherited from a group membership and it cannot be "
                + "removed directly from the user.");
        Answer notHeld = send("POST", "/users/" + JORG + "/assignLicense",
                "{\"addLicenses\":[],\"removeLicenses\":[\"" + SkuCatalog.SPE_E5 + "\"]}");
        assertThat(notHeld.status()).isEqualTo(400);
        assertThat(user(JORG).effectiveSkuIds()).containsExactly(SkuCatalog.SPE_E3);
    }

    @Test
    void removingTheDirectHalfOfADoubleAssignmentKeepsTheSeat() throws Exception {
        int e3 = consumed(SkuCatalog.SPE_E3);
        assertThat(send("POST", "/users/" + ZOE + "/assignLicense",
                "{\"addLicenses\":[],\"removeLicenses\":[\"" + SkuCatalog.SPE_E3 + "\"]}").status()).isEqualTo(200);
        assertThat(user(ZOE).holdsDirectly(SkuCatalog.SPE_E3)).isFalse();
        assertThat(user(ZOE).effectiveSkuIds()).contains(SkuCatalog.SPE_E3);
        assertThat(consumed(SkuCatalog.SPE_E3)).isEqualTo(e3);
    }

    @Test
    void addingNeedsAKnownSkuAUsageLocationAndAFreeSeat() throws Exception {
        String unknown = "11111111-2222-4333-8444-555555555555";
        Answer a = send("POST", "/users/" + JORG + "/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"" + unknown + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.message()).isEqualTo("License " + unknown + " does not correspond to a valid company License.");

        Answer noLocation = send("POST", "/users/" + ROOM + "/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"" + SkuCatalog.ENTERPRISEPACK + "\",\"disabledPlans\":[]}],"
                        + "\"removeLicenses\":[]}");
        assertThat(noLocation.status()).isEqualTo(400);
        assertThat(noLocation.code()).isEqualTo("Request_BadRequest");
        assertThat(noLocation.message()).isEqualTo("License assignment cannot be done for user with invalid usage location.");

        Answer full = send("POST", "/users/" + JORG + "/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"" + SkuCatalog.EMS + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}");
        assertThat(full.status()).isEqualTo(400);
        assertThat(full.message()).endsWith("does not have any available licenses.");
        assertThat(user(JORG).effectiveSkuIds()).doesNotContain(SkuCatalog.EMS);
    }

    @Test
    void aPatchedUsageLocationAllowsTheAssignmentAndTheDisabledPlansAreKept() throws Exception {
        Answer bad = send("PATCH", "/users/" + ROOM, "{\"usageLocation\":\"Norway\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(send("PATCH", "/users/" + ROOM, "{\"usageLocation\":\"NO\"}").status()).isEqualTo(204);
        String sway = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";
        Answer ok = send("POST", "/users/" + ROOM + "/assignLicense", "{\"addLicenses\":[{\"skuId\":\""
                + SkuCatalog.ENTERPRISEPACK + "\",\"disabledPlans\":[\"" + sway + "\"]}],\"removeLicenses\":[]}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(user(ROOM).usageLocation).isEqualTo("NO");
        assertThat(user(ROOM).assignments).singleElement().satisfies(a -> {
            assertThat(a.skuId()).isEqualTo(SkuCatalog.ENTERPRISEPACK);
            assertThat(a.direct()).isTrue();
            assertThat(a.disabledPlans()).extracting(Object::toString).containsExactly(sway);
        });
        // assigning it again changes the disabled plans and takes no second seat
        int consumed = consumed(SkuCatalog.ENTERPRISEPACK);
        assertThat(send("POST", "/users/" + ROOM + "/assignLicense", "{\"addLicenses\":[{\"skuId\":\""
                + SkuCatalog.ENTERPRISEPACK + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}").status()).isEqualTo(200);
        assertThat(user(ROOM).assignments).singleElement().satisfies(a -> assertThat(a.disabledPlans()).isEmpty());
        assertThat(consumed(SkuCatalog.ENTERPRISEPACK)).isEqualTo(consumed);
    }

    @Test
    void createUserChecksRequiredFieldsDomainDuplicatesAndPasswordAndNeverLogsThePassword() throws Exception {
        String good = "{\"accountEnabled\":true,\"displayName\":\"Adele Vance\",\"mailNickname\":\"adele.vance\","
                + "\"userPrincipalName\":\"adele.vance@contoso.com\",\"usageLocation\":\"US\","
                + "\"passwordProfile\":{\"forceChangePasswordNextSignIn\":true,\"password\":\"xWwvJ]6NMw+bWH-d\"}}";
        assertThat(send("POST", "/users", good.replace("\"mailNickname\":\"adele.vance\",", "")).message())
                .isEqualTo("Invalid value specified for property 'mailNickname' of resource 'User'.");
        assertThat(send("POST", "/users", good.replace("contoso.com", "fabrikam.com")).message())
                .isEqualTo("The domain portion of the userPrincipalName property is invalid. You must use one of the "
                        + "verified domain names in your organization.");
        Answer weak = send("POST", "/users", good.replace("xWwvJ]6NMw+bWH-d", "password"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.message()).isEqualTo("The specified password does not comply with password complexity "
                + "requirements. Please provide a different password.");

        Answer created = send("POST", "/users", good);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("@odata.context").asText()).endsWith("#users/$entity");
        SimUser u = user(created.body().get("id").asText());
        assertThat(u.userPrincipalName).isEqualTo("adele.vance@contoso.com");
        assertThat(u.usageLocation).isEqualTo("US");
        assertThat(u.assignments).isEmpty();

        Answer again = send("POST", "/users", good.replace("adele.vance@", "ADELE.VANCE@"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).isEqualTo("Another object with the same value for property userPrincipalName "
                + "already exists.");
        long adeles = sim.tenant().read(t -> t.users().stream()
                .filter(x -> x.userPrincipalName.equalsIgnoreCase("adele.vance@contoso.com")).count());
        assertThat(adeles).isEqualTo(1L);

        List<RequestLog.Entry> posts = sim.requestLog().entries().stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("/v1.0/users")).toList();
        assertThat(posts).hasSize(5);
        assertThat(posts).allSatisfy(e -> assertThat(e.body()).doesNotContain("xWwvJ]6NMw+bWH-d", "\"password\":\"password\""));
        JsonNode logged = JSON.readTree(posts.get(3).body()).get("passwordProfile");
        assertThat(logged.get("password").asText()).isEqualTo("[redacted]");
        assertThat(logged.get("passwordLength").asInt()).isEqualTo(16);
        assertThat(logged.get("passwordComplexEnough").asBoolean()).isTrue();
        assertThat(JSON.readTree(posts.get(2).body()).get("passwordProfile").get("passwordComplexEnough").asBoolean())
                .isFalse();
        assertThat(posts.get(3).requestId()).isNotBlank();
    }
}
