package io.m365insights.msgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The listings a sync pages through by the hundred thousand — users and group members — read as JSON trees with
 * Jackson instead of through the SDK's models. The SDK still builds each request (its request builders: URL,
 * {@code $select}, headers), sends it (tokens, retries, redirects) and maps its errors to {@link ODataError}, as it does
 * for its own models; only the body is read differently ({@code sendPrimitive} with an {@link InputStream}, as the SDK
 * reads its reports). The models keep every property in a change-tracking backing store: parsing pages of 999 users
 * into them took more than half of a 100,000-user sync's users part (bench/RESULTS.md). Values are read as the SDK's
 * JSON parse node reads them (a missing property and JSON null are null; date-times with an offset, or in UTC without
 * one); MsGraphJsonPagesTest proves the users and members read here equal to the SDK's models of the same pages.
 */
final class MsGraphJsonPages {
    private static final ObjectMapper JSON = JsonMapper.builder().build(); // trees only: nothing to register for native
    private static final String NEXT_LINK = "@odata.nextLink";

    private MsGraphJsonPages() {
    }

    /** One page: its items (the {@code value} array) and the link to the next one, null on the last page. */
    record Page(List<JsonNode> items, String nextLink) {
    }

    /** Sends a request the SDK built and reads the page it answers; an unreadable body is an I/O fault (retried). */
    static Page get(RequestAdapter adapter, RequestInformation request) {
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue); // as the SDK's request builders map errors
        try (InputStream body = adapter.sendPrimitive(request, errors, InputStream.class)) {
            JsonNode page = body == null ? MissingNode.getInstance() : JSON.readTree(body);
            List<JsonNode> items = new ArrayList<>();
            page.path("value").forEach(items::add);
            return new Page(items, text(page, NEXT_LINK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user of {@link MsGraphClient#USER_FIELDS}, as {@link SdkMsGraphClient#toUser} makes it from the SDK's model. */
    static MsGraphUser user(JsonNode u) {
        List<MsGraphUser.LicenseState> states = new ArrayList<>();
        for (JsonNode s : u.path("licenseAssignmentStates")) {
            List<UUID> disabled = new ArrayList<>();
            for (JsonNode plan : s.path("disabledPlans")) {
                if (!plan.isNull()) {
                    disabled.add(UUID.fromString(plan.asText()));
                }
            }
            states.add(new MsGraphUser.LicenseState(uuid(s, "skuId"), SdkMsGraphClient.uuidOrNull(text(s, "assignedByGroup")),
                    text(s, "state"), SdkMsGraphClient.errorOrNull(text(s, "error")), List.copyOf(disabled),
                    dateTime(s, "lastUpdatedDateTime")));
        }
        return new MsGraphUser(UUID.fromString(text(u, "id")), text(u, "userPrincipalName"), text(u, "displayName"),
                text(u, "mail"), u.path("accountEnabled").isBoolean() && u.path("accountEnabled").booleanValue(),
                text(u, "department"), text(u, "jobTitle"), text(u, "usageLocation"), dateTime(u, "createdDateTime"),
                states);
    }

    /**
     * A group member that is a user (the SDK makes a {@code User} of {@code #microsoft.graph.user}, or of a member
     * without a type): its id; null for other members (groups, devices: they inherit no license) and members without id.
     */
    static UUID userMemberId(JsonNode member) {
        String type = text(member, "@odata.type");
        String id = text(member, "id");
        return (type == null || type.equals("#microsoft.graph.user")) && id != null ? UUID.fromString(id) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static UUID uuid(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : UUID.fromString(v);
    }

    /** As the SDK's JSON parse node: ISO-8601 with an offset, or without one, then in UTC. */
    private static OffsetDateTime dateTime(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
        }
    }
}
