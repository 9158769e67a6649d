package io.m365insights.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.Audit;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.m365insights.actions.UnassignLicenseTest.assigned;
import static io.m365insights.actions.UnassignLicenseTest.assignments;
import static io.m365insights.actions.UnassignLicenseTest.json;
import static io.m365insights.actions.UnassignLicenseTest.storedUser;
import static io.m365insights.testsupport.Tenant42.EMS;
import static io.m365insights.testsupport.Tenant42.ENTERPRISEPACK;
import static io.m365insights.testsupport.Tenant42.POWER_BI_STANDARD;
import static io.m365insights.testsupport.Tenant42.ROOM;
import static io.m365insights.testsupport.Tenant42.SWAY_PLAN;
import static org.assertj.core.api.Assertions.assertThat;

/** assignLicense over HTTP against the simulator. */
@QuarkusTest
class AssignLicenseTest {
    static final String ASSIGN = """
            mutation($input: AssignLicenseInput!) {
              assignLicense(input: $input) {
                assigned summary auditEventId
                user { id usageLocation licenses { direct disabledPlanIds license { skuId } } }
                license { skuId assigned }
                userErrors { code message field }
              }
            }""";
    private final SimulatorClient simulator = SimulatorClient.current();

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

    static JsonNode assign(Map<String, Object> input) {
        return GraphQL.data(ASSIGN, Map.of("input", input)).get("assignLicense");
    }

    /** Enabled users with a usage location who hold nothing of the SKU. */
    private List<String> candidates(String sku) {
        return simulator.users(u -> u.get("accountEnabled").asBoolean() && !u.get("usageLocation").isNull()
                && assignments(u, sku).isEmpty()).stream().map(u -> u.get("id").asText()).toList();
    }

    private static String code(JsonNode payload) {
        return payload.get("userErrors").get(0).get("code").asText();
    }

    @Test
    void assignsWithDisabledPlansAtGraphAndHereAndTheNextSyncAgrees() {
        String user = candidates(ENTERPRISEPACK).get(0);
        int before = assigned(ENTERPRISEPACK);

        JsonNode p = assign(Map.of("userId", user, "skuId", ENTERPRISEPACK, "disabledPlanIds", List.of(SWAY_PLAN)));

        assertThat(p.get("userErrors")).isEmpty();
        assertThat(p.get("assigned").asBoolean()).isTrue();
        assertThat(p.get("license").get("assigned").asInt()).isEqualTo(before + 1);
        assertThat(p.get("user").get("licenses")).filteredOn(l -> l.get("license").get("skuId").asText()
                .equals(ENTERPRISEPACK)).singleElement().satisfies(l -> {
                    assertThat(l.get("direct").asBoolean()).isTrue();
                    assertThat(l.get("disabledPlanIds")).extracting(JsonNode::asText).containsExactly(SWAY_PLAN);
                });
        List<JsonNode> posts = simulator.requests("POST", "/v1.0/users/" + user + "/assignLicense");
        assertThat(posts).hasSize(1);
        assertThat(json(posts.get(0).get("body").asText())).isEqualTo(json("{\"addLicenses\":[{\"disabledPlans\":[\""
                + SWAY_PLAN + "\"],\"skuId\":\"" + ENTERPRISEPACK + "\"}],\"removeLicenses\":[]}"));
        JsonNode event = Audit.byId(p.get("auditEventId").asText());
        assertThat(event.get("action").asText()).isEqualTo("ASSIGN_LICENSE");
        assertThat(event.get("graphRequestId").asText()).isEqualTo(posts.get(0).get("requestId").asText());

        JsonNode local = storedUser(user);
        Syncs.syncNow();
        assertThat(storedUser(user).get("licenses")).isEqualTo(local.get("licenses"));
        assertThat(assigned(ENTERPRISEPACK)).isEqualTo(before + 1);
    }

    @Test
    void repeatingAnAssignmentIsSafeAndTakesNoSecondSeat() {
        String user = candidates(ENTERPRISEPACK).get(0);
        int before = assigned(ENTERPRISEPACK);
        assertThat(assign(Map.of("userId", user, "skuId", ENTERPRISEPACK)).get("assigned").asBoolean()).isTrue();
        JsonNode again = assign(Map.of("userId", user, "skuId", ENTERPRISEPACK));
        assertThat(again.get("userErrors")).isEmpty();
        assertThat(again.get("assigned").asBoolean()).isTrue();
        assertThat(again.get("license").get("assigned").asInt()).isEqualTo(before + 1);
        Syncs.syncNow();
        assertThat(assigned(ENTERPRISEPACK)).isEqualTo(before + 1);
    }

    @Test
    void withoutAUsageLocationItIsAUserErrorSayingHowToSetIt() {
        JsonNode p = assign(Map.of("userId", ROOM, "skuId", ENTERPRISEPACK));
        assertThat(p.get("assigned").asBoolean()).isFalse();
        assertThat(code(p)).isEqualTo("USAGE_LOCATION_REQUIRED");
        assertThat(p.get("userErrors").get(0).get("message").asText()).contains("pass usageLocation")
                .contains("Microsoft 365 admin center");
        assertThat(p.get("userErrors").get(0).get("field")).extracting(JsonNode::asText)
                .containsExactly("input", "usageLocation");
        assertThat(simulator.requests(null, null)).isEmpty();
    }

    @Test
    void aGivenUsageLocationIsSetFirstThenTheLicenseAssigned() {
        JsonNode p = assign(Map.of("userId", ROOM, "skuId", ENTERPRISEPACK, "usageLocation", "no"));

        assertThat(p.get("userErrors")).isEmpty();
        assertThat(p.get("user").get("usageLocation").asText()).isEqualTo("NO");
        List<JsonNode> sent = simulator.requests(null, null);
        assertThat(sent).extracting(r -> r.get("method").asText() + " " + r.get("path").asText()).containsExactly(
                "PATCH /v1.0/users/" + ROOM, "POST /v1.0/users/" + ROOM + "/assignLicense");
        assertThat(json(sent.get(0).get("body").asText()).get("usageLocation").asText()).isEqualTo("NO");
        JsonNode event = Audit.byId(p.get("auditEventId").asText());
        List<JsonNode> steps = Audit.events("{correlationId: \"" + event.get("correlationId").asText() + "\"}");
        assertThat(steps).extracting(e -> e.get("action").asText())
                .containsExactly("ASSIGN_LICENSE", "SET_USAGE_LOCATION");
        assertThat(steps.get(1).get("graphRequestId").asText()).isEqualTo(sent.get(0).get("requestId").asText());
    }

    @Test
    void aFullSkuIsAUserErrorFromOurDataAndFromGraphWhenOurDataIsStale() {
        String user = candidates(EMS).get(0);
        JsonNode full = assign(Map.of("userId", user, "skuId", EMS));
        assertThat(code(full)).isEqualTo("NO_SEATS_AVAILABLE");
        assertThat(simulator.requests(null, null)).isEmpty();

        // after the sync, others took every free Power BI (free) seat
        JsonNode sku = null;
        for (JsonNode s : simulator.tenant().get("skus")) {
            if (s.get("skuId").asText().equals(POWER_BI_STANDARD)) {
                sku = s;
            }
        }
        int free = sku.get("enabled").asInt() - sku.get("consumed").asInt();
        List<String> takers = candidates(POWER_BI_STANDARD);
        for (int i = 0; i < free; i++) {
            simulator.changeLicenses(takers.get(i), List.of(Map.of("skuId", POWER_BI_STANDARD)), List.of());
        }
        String late = takers.get(free);
        JsonNode refused = assign(Map.of("userId", late, "skuId", POWER_BI_STANDARD));
        assertThat(code(refused)).isEqualTo("NO_SEATS_AVAILABLE");
        assertThat(refused.get("userErrors").get(0).get("message").asText()).contains("Microsoft Graph");
        assertThat(simulator.requests("POST", "/v1.0/users/" + late + "/assignLicense"))
                .extracting(r -> r.get("status").asInt()).containsExactly(400);
        assertThat(storedUser(late).get("licenses").findValuesAsText("skuId")).doesNotContain(POWER_BI_STANDARD);
    }

    @Test
    void whenTheUsageLocationWasClearedSinceTheSyncGraphsRefusalIsMapped() {
        String user = candidates(ENTERPRISEPACK).get(0);
        Map<String, Object> clear = new HashMap<>();
        clear.put("usageLocation", null);
        simulator.patchUser(user, clear);
        JsonNode p = assign(Map.of("userId", user, "skuId", ENTERPRISEPACK));
        assertThat(code(p)).isEqualTo("USAGE_LOCATION_REQUIRED");
        assertThat(p.get("userErrors").get(0).get("message").asText()).contains("invalid usage location");
    }

    @Test
    void anUnknownSkuOrServicePlanIsAUserErrorAndGraphIsNotAsked() {
        String user = candidates(ENTERPRISEPACK).get(0);
        JsonNode unknown = assign(Map.of("userId", user, "skuId", "11111111-2222-4333-8444-555555555555"));
        assertThat(code(unknown)).isEqualTo("UNKNOWN_SKU");
        assertThat(unknown.get("userErrors").get(0).get("field")).extracting(JsonNode::asText)
                .containsExactly("input", "skuId");
        JsonNode plan = assign(Map.of("userId", user, "skuId", POWER_BI_STANDARD, "disabledPlanIds", List.of(SWAY_PLAN)));
        assertThat(code(plan)).isEqualTo("INVALID_INPUT");
        assertThat(plan.get("userErrors").get(0).get("field")).extracting(JsonNode::asText)
                .containsExactly("input", "disabledPlanIds", "0");
        JsonNode badLocation = assign(Map.of("userId", ROOM, "skuId", ENTERPRISEPACK, "usageLocation", "Norway"));
        assertThat(code(badLocation)).isEqualTo("INVALID_INPUT");
        assertThat(simulator.requests(null, null)).isEmpty();
        // a malformed id is bad input to the API itself, not a business outcome
        JsonNode malformed = GraphQL.post(ASSIGN, Map.of("input", Map.of("userId", "nope", "skuId", ENTERPRISEPACK)));
        assertThat(malformed.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("BAD_USER_INPUT");
        assertThat(new ArrayList<>(simulator.requests(null, null))).isEmpty();
    }
}
