package io.m365insights.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.m365insights.testsupport.Audit;
import io.m365insights.testsupport.CapturedLogs;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.m365insights.actions.UnassignLicenseTest.assigned;
import static io.m365insights.actions.UnassignLicenseTest.json;
import static io.m365insights.actions.UnassignLicenseTest.storedUser;
import static io.m365insights.testsupport.Tenant42.EMS;
import static io.m365insights.testsupport.Tenant42.ENTERPRISEPACK;
import static io.m365insights.testsupport.Tenant42.POWER_BI_STANDARD;
import static org.assertj.core.api.Assertions.assertThat;

/** createUser (onboarding) over HTTP against the simulator. */
@QuarkusTest
class CreateUserTest {
    static final String CREATE = """
            mutation($input: CreateUserInput!) {
              createUser(input: $input) {
                user { id userPrincipalName displayName accountEnabled usageLocation department jobTitle
                       licenses { direct license { skuId } } }
                temporaryPassword summary auditEventId
                licenses { skuId assigned summary auditEventId license { skuPartNumber } userError { code message field } }
                userErrors { code message field }
              }
            }""";
    private final SimulatorClient simulator = SimulatorClient.current();

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void synced() {
        simulator.reset();
        Syncs.syncNow();
        simulator.clearRequests();
    }

    @AfterEach
    void noFaultsLeft() {
        simulator.clearFaults();
    }

    private static Map<String, Object> newHire(String email) {
        Map<String, Object> input = new HashMap<>();
        input.put("displayName", "Ada Newhire");
        input.put("email", email);
        input.put("usageLocation", "US");
        input.put("department", "Engineering");
        input.put("jobTitle", "Software Engineer");
        return input;
    }

    private static JsonNode create(Map<String, Object> input) {
        return GraphQL.data(CREATE, Map.of("input", input)).get("createUser");
    }

    private long usersNamed(String upn) {
        return simulator.users(u -> u.get("userPrincipalName").asText().equalsIgnoreCase(upn)).size();
    }

    private static List<String> codes(JsonNode payload) {
        return payload.get("userErrors").findValuesAsText("code");
    }

    @Test
    void createsTheUserWithAGeneratedPasswordThenEachLicenseAndTheNextSyncSeesTheSame() {
        int enterprise = assigned(ENTERPRISEPACK);
        Map<String, Object> input = newHire("Ada.Newhire@contoso.com");
        input.put("licenseSkuIds", List.of(ENTERPRISEPACK, POWER_BI_STANDARD));

        JsonNode p = create(input);

        assertThat(p.get("userErrors")).isEmpty();
        JsonNode user = p.get("user");
        assertThat(user.get("userPrincipalName").asText()).isEqualTo("Ada.Newhire@contoso.com");
        assertThat(user.get("usageLocation").asText()).isEqualTo("US");
        assertThat(user.get("accountEnabled").asBoolean()).isTrue();
        assertThat(user.get("licenses").findValuesAsText("skuId")).containsExactlyInAnyOrder(ENTERPRISEPACK,
                POWER_BI_STANDARD);
        assertThat(p.get("temporaryPassword").asText()).hasSize(16);
        assertThat(p.get("licenses")).extracting(l -> l.get("skuId").asText() + "=" + l.get("assigned").asBoolean())
                .containsExactly(ENTERPRISEPACK + "=true", POWER_BI_STANDARD + "=true");

        // what Microsoft Graph received, in order: a look-up, the creation, then one assignLicense per license
        List<JsonNode> sent = simulator.requests(null, null);
        String id = user.get("id").asText();
        assertThat(sent).extracting(r -> r.get("method").asText() + " " + r.get("path").asText() + " "
                + r.get("status").asInt()).containsExactly(
                "GET /v1.0/users/Ada.Newhire%40contoso.com 404",
                "POST /v1.0/users 201",
                "POST /v1.0/users/" + id + "/assignLicense 200",
                "POST /v1.0/users/" + id + "/assignLicense 200");
        JsonNode body = json(sent.get(1).get("body").asText());
        assertThat(body.get("userPrincipalName").asText()).isEqualTo("Ada.Newhire@contoso.com");
        assertThat(body.get("mailNickname").asText()).isEqualTo("Ada.Newhire");
        assertThat(body.get("displayName").asText()).isEqualTo("Ada Newhire");
        assertThat(body.get("accountEnabled").asBoolean()).isTrue();
        assertThat(body.get("usageLocation").asText()).isEqualTo("US");
        assertThat(body.get("passwordProfile").get("forceChangePasswordNextSignIn").asBoolean()).isTrue();
        assertThat(body.get("passwordProfile").get("passwordLength").asInt()).isEqualTo(16);
        assertThat(body.get("passwordProfile").get("passwordComplexEnough").asBoolean()).isTrue();
        assertThat(json(sent.get(2).get("body").asText())).isEqualTo(json("{\"addLicenses\":[{\"disabledPlans\":[],"
                + "\"skuId\":\"" + ENTERPRISEPACK + "\"}],\"removeLicenses\":[]}"));

        // each step audited with its own Graph request id, under one correlation id
        JsonNode created = Audit.byId(p.get("auditEventId").asText());
        assertThat(created.get("action").asText()).isEqualTo("CREATE_USER");
        assertThat(created.get("graphRequestId").asText()).isEqualTo(sent.get(1).get("requestId").asText());
        assertThat(json(created.get("input").asText()).get("passwordGiven").asBoolean()).isFalse();
        List<JsonNode> steps = Audit.events("{correlationId: \"" + created.get("correlationId").asText() + "\"}");
        assertThat(steps).extracting(e -> e.get("action").asText() + " " + e.get("outcome").asText())
                .containsExactly("ASSIGN_LICENSE SUCCEEDED", "ASSIGN_LICENSE SUCCEEDED", "CREATE_USER SUCCEEDED");

        JsonNode local = storedUser(id);
        assertThat(assigned(ENTERPRISEPACK)).isEqualTo(enterprise + 1);
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "USERS").get("created").asInt()).isZero(); // it was already here
        assertThat(storedUser(id)).isEqualTo(local);
        assertThat(assigned(ENTERPRISEPACK)).isEqualTo(enterprise + 1);
    }

    @Test
    void theGeneratedPasswordIsInThePayloadOnceAndNowhereElse() throws SQLException {
        String response;
        try (CapturedLogs logs = CapturedLogs.start()) {
            Map<String, Object> input = newHire("grace.hopper@contoso.com");
            input.put("licenseSkuIds", List.of(ENTERPRISEPACK));
            response = GraphQL.request(GraphQL.adminToken()).body(Map.of("query", CREATE, "variables",
                    Map.of("input", input))).post("/graphql").then().statusCode(200).extract().asString();
            String password = json(response).get("data").get("createUser").get("temporaryPassword").asText();
            assertThat(password).hasSize(16);
            assertThat(response.split(java.util.regex.Pattern.quote(password), -1)).hasSize(2); // exactly once

            Syncs.syncNow();
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(password));
            assertThat(everyRowOfEveryTable()).isNotEmpty().doesNotContain(password);
            assertThat(simulator.send("GET", "/_simulator/requests", null).toString()).contains("[redacted]")
                    .doesNotContain(password);
            assertThat(simulator.tenant().toString()).doesNotContain(password);
        }
    }

    @Test
    void aSecondCallWithTheSameEmailIsAUserErrorNotASecondUser() {
        Map<String, Object> input = newHire("twice@contoso.com");
        assertThat(create(input).get("userErrors")).isEmpty();

        JsonNode again = create(input);
        assertThat(again.get("user").isNull()).isTrue();
        assertThat(again.get("temporaryPassword").isNull()).isTrue();
        assertThat(codes(again)).containsExactly("DUPLICATE_USER_PRINCIPAL_NAME");
        assertThat(again.get("userErrors").get(0).get("field")).extracting(JsonNode::asText)
                .containsExactly("input", "email");
        assertThat(usersNamed("twice@contoso.com")).isEqualTo(1);
        assertThat(simulator.requests("POST", "/v1.0/users")).hasSize(1);
        assertThat(Audit.byId(again.get("auditEventId").asText()).get("errorCode").asText())
                .isEqualTo("DUPLICATE_USER_PRINCIPAL_NAME");
    }

    @Test
    void anUnverifiedDomainAndAWeakPasswordAreRefusedByGraphWithTheirOwnCodes() {
        JsonNode domain = create(newHire("someone@fabrikam.com"));
        assertThat(codes(domain)).containsExactly("DOMAIN_NOT_VERIFIED");
        assertThat(domain.get("user").isNull()).isTrue();

        Map<String, Object> weak = newHire("weak.password@contoso.com");
        weak.put("password", "password1");
        JsonNode refused = create(weak);
        assertThat(codes(refused)).containsExactly("WEAK_PASSWORD");
        assertThat(refused.get("userErrors").get(0).get("field")).extracting(JsonNode::asText)
                .containsExactly("input", "password");
        assertThat(refused.get("temporaryPassword").isNull()).isTrue();

        List<JsonNode> posts = simulator.requests("POST", "/v1.0/users");
        assertThat(posts).extracting(r -> r.get("status").asInt()).containsExactly(400, 400);
        assertThat(json(posts.get(1).get("body").asText()).get("passwordProfile").get("passwordComplexEnough")
                .asBoolean()).isFalse();
        assertThat(usersNamed("someone@fabrikam.com") + usersNamed("weak.password@contoso.com")).isZero();
        assertThat(Audit.byId(refused.get("auditEventId").asText()).get("graphRequestId").asText())
                .isEqualTo(posts.get(1).get("requestId").asText());

        Map<String, Object> given = newHire("strong.password@contoso.com");
        given.put("password", "Corr3ct-Horse-Battery");
        JsonNode ok = create(given);
        assertThat(ok.get("userErrors")).isEmpty();
        assertThat(ok.get("temporaryPassword").isNull()).isTrue(); // only a generated password is returned
    }

    @Test
    void inputThatCannotWorkIsRefusedBeforeAnythingIsSent() {
        assertThat(codes(create(newHire("not an address")))).containsExactly("INVALID_INPUT");
        assertThat(codes(create(newHire("a(b)@contoso.com")))).containsExactly("INVALID_INPUT");
        Map<String, Object> noLocation = newHire("no.location@contoso.com");
        noLocation.remove("usageLocation");
        noLocation.put("licenseSkuIds", List.of(ENTERPRISEPACK));
        JsonNode p = create(noLocation);
        assertThat(codes(p)).containsExactly("USAGE_LOCATION_REQUIRED");
        Map<String, Object> unknownSku = newHire("unknown.sku@contoso.com");
        unknownSku.put("licenseSkuIds", List.of(ENTERPRISEPACK, "11111111-2222-4333-8444-555555555555"));
        JsonNode u = create(unknownSku);
        assertThat(codes(u)).containsExactly("UNKNOWN_SKU");
        assertThat(u.get("userErrors").get(0).get("field")).extracting(JsonNode::asText)
                .containsExactly("input", "licenseSkuIds", "1");
        assertThat(simulator.requests(null, null)).isEmpty();
    }

    @Test
    void aLicenseThatCannotBeAssignedIsReportedOnItsOwnAndTheUserStillExists() {
        Map<String, Object> input = newHire("partial@contoso.com");
        input.put("licenseSkuIds", List.of(ENTERPRISEPACK, EMS));

        JsonNode p = create(input);

        assertThat(p.get("user").get("id").asText()).isNotBlank();
        assertThat(p.get("licenses").get(0).get("assigned").asBoolean()).isTrue();
        assertThat(p.get("licenses").get(1).get("assigned").asBoolean()).isFalse();
        assertThat(p.get("licenses").get(1).get("userError").get("code").asText()).isEqualTo("NO_SEATS_AVAILABLE");
        assertThat(p.get("userErrors")).singleElement().satisfies(e -> {
            assertThat(e.get("code").asText()).isEqualTo("NO_SEATS_AVAILABLE");
            assertThat(e.get("field")).extracting(JsonNode::asText).containsExactly("input", "licenseSkuIds", "1");
        });
        assertThat(p.get("user").get("licenses").findValuesAsText("skuId")).containsExactly(ENTERPRISEPACK);
        assertThat(usersNamed("partial@contoso.com")).isEqualTo(1);
    }

    @Test
    void aLostAnswerIsRetriedAndTheUserCreatedOnce() {
        simulator.addFault(Map.of("method", "POST", "pathRegex", "/v1\\.0/users", "times", 1, "kind", "DROP_RESPONSE"));

        JsonNode p = create(newHire("lost.answer@contoso.com"));

        assertThat(p.get("userErrors")).isEmpty();
        assertThat(p.get("user").get("userPrincipalName").asText()).isEqualTo("lost.answer@contoso.com");
        assertThat(p.get("summary").asText()).contains("first answer was lost");
        assertThat(p.get("temporaryPassword").asText()).hasSize(16);
        assertThat(simulator.requests("POST", "/v1.0/users")).extracting(r -> r.get("status").asInt())
                .containsExactly(0, 400);
        assertThat(usersNamed("lost.answer@contoso.com")).isEqualTo(1);
        String simId = simulator.users(u -> u.get("userPrincipalName").asText().equals("lost.answer@contoso.com"))
                .get(0).get("id").asText();
        assertThat(p.get("user").get("id").asText()).isEqualTo(simId);
    }

    /** Every row of every table of our database, as text. */
    private String everyRowOfEveryTable() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where "
                    + "table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("audit_event", "directory_user");
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select t::text from \"" + t + "\" t")) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
