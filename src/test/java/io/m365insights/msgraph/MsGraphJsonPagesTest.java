package io.m365insights.msgraph;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365insights.testsupport.SimulatorClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users and group members that {@link SdkMsGraphClient} reads as JSON ({@link MsGraphJsonPages}) are those the
 * SDK's own models give for the same simulated tenant, page after page (small pages, so that next links are followed).
 */
@QuarkusTest
class MsGraphJsonPagesTest {
    private static final int PAGE = 7;

    @Inject
    GraphServiceClient graph;

    @Inject
    MsGraphClient client;

    @AfterEach
    void fullPages() {
        SimulatorClient.current().reset(); // the default tenant, full pages
    }

    @Test
    void usersReadAsJsonAreTheUsersOfTheSdksModels() {
        SimulatorClient.current().reset(4242, 120);
        SimulatorClient.current().maxPageSize(PAGE);
        List<MsGraphUser> json = new ArrayList<>();
        int[] pages = {0};
        client.listUsers(page -> {
            pages[0]++;
            json.addAll(page);
        });

        List<MsGraphUser> sdk = new ArrayList<>();
        UserCollectionResponse r = graph.users().get(rc -> {
            rc.queryParameters.select = MsGraphClient.USER_FIELDS.toArray(String[]::new);
            rc.queryParameters.top = MsGraphClient.USERS_PAGE_SIZE;
        });
        while (true) {
            for (User u : r.getValue()) {
                sdk.add(SdkMsGraphClient.toUser(u));
            }
            String next = r.getOdataNextLink();
            if (next == null) {
                break;
            }
            r = graph.users().withUrl(next).get();
        }

        assertThat(pages[0]).isGreaterThanOrEqualTo(120 / PAGE);
        assertThat(json).hasSize(120).isEqualTo(sdk);
        List<MsGraphUser.LicenseState> states = json.stream().flatMap(u -> u.licenseStates().stream()).toList();
        assertThat(states).as("group-assigned states").anyMatch(s -> s.assignedByGroup() != null);
        assertThat(states).as("direct states").anyMatch(s -> s.assignedByGroup() == null);
        assertThat(states).as("states with disabled plans").anyMatch(s -> !s.disabledPlans().isEmpty());
        assertThat(states).as("update times").allMatch(s -> s.lastUpdatedAt() != null);
        assertThat(json).as("disabled accounts").anyMatch(u -> !u.accountEnabled());
        assertThat(json).as("users without mail or department").anyMatch(u -> u.mail() == null || u.department() == null);
    }

    @Test
    void groupMembersReadAsJsonAreTheUsersAmongTheSdksMembers() {
        SimulatorClient.current().reset(4242, 120);
        SimulatorClient.current().maxPageSize(PAGE);
        List<MsGraphLicensingGroup> groups = client.listLicensingGroups();
        assertThat(groups).isNotEmpty();
        int members = 0;
        for (MsGraphLicensingGroup g : groups) {
            List<UUID> sdk = new ArrayList<>();
            String id = g.id().toString();
            DirectoryObjectCollectionResponse r = graph.groups().byGroupId(id).members().get(rc -> {
                rc.queryParameters.select = new String[]{"id"};
                rc.queryParameters.top = MsGraphClient.USERS_PAGE_SIZE;
            });
            while (true) {
                for (DirectoryObject o : r.getValue()) {
                    // what SdkMsGraphClient kept of the SDK's members before it read them as JSON
                    boolean user = o instanceof User || o.getOdataType() == null
                            || o.getOdataType().equals("#microsoft.graph.user");
                    if (user && o.getId() != null) {
                        sdk.add(UUID.fromString(o.getId()));
                    }
                }
                String next = r.getOdataNextLink();
                if (next == null) {
                    break;
                }
                r = graph.groups().byGroupId(id).members().withUrl(next).get();
            }
            assertThat(client.listGroupMembers(g.id())).as(g.displayName()).isEqualTo(sdk);
            members += sdk.size();
        }
        assertThat(members).isGreaterThan(PAGE);
    }
}
