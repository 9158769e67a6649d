package io.m365insights.simulator;

import io.m365insights.simulator.tenant.SimAssignment;
import io.m365insights.simulator.tenant.SimSku;
import io.m365insights.simulator.tenant.SimUser;
import io.m365insights.simulator.tenant.SimulatedTenant;
import io.m365insights.simulator.tenant.TenantGenerator;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TenantGeneratorTest {

    @Test
    void theSameSeedGivesTheSameTenantAndUserIDoesNotDependOnSize() {
        List<SimUser> a = TenantGenerator.generate(7, 300).users();
        List<SimUser> b = TenantGenerator.generate(7, 300).users();
        List<SimUser> bigger = TenantGenerator.generate(7, 1000).users();
        for (int i = 0; i < 300; i++) {
            assertThat(b.get(i).id).isEqualTo(a.get(i).id);
            assertThat(bigger.get(i).userPrincipalName).isEqualTo(a.get(i).userPrincipalName);
            assertThat(bigger.get(i).assignments).isEqualTo(a.get(i).assignments);
        }
        assertThat(TenantGenerator.generate(8, 300).users().get(10).id).isNotEqualTo(a.get(10).id);
    }

    @Test
    void aTenantHasEveryCaseTheSyncMustHandle() {
        SimulatedTenant t = TenantGenerator.generate(42, 2000);
        List<SimUser> users = t.users();
        Set<String> upns = new HashSet<>();
        users.forEach(u -> assertThat(upns.add(u.userPrincipalName.toLowerCase())).as("unique UPN").isTrue());
        assertThat(users).allMatch(u -> u.userPrincipalName.matches("[A-Za-z0-9'._!#^~-]+@[a-z.]+"));
        assertThat(users).anyMatch(u -> !u.accountEnabled);
        assertThat(users).anyMatch(u -> u.mail == null);
        assertThat(users).anyMatch(u -> u.department == null);
        assertThat(users).anyMatch(u -> !u.displayName.matches("\\p{ASCII}*"));
        assertThat(users).anyMatch(u -> u.assignments.isEmpty());
        assertThat(users).anyMatch(u -> u.assignments.stream().anyMatch(SimAssignment::direct)
                && u.assignments.stream().anyMatch(a -> !a.direct()));
        assertThat(users).anyMatch(u -> u.assignments.stream().anyMatch(a -> !a.effective()));
        List<SimSku> skus = t.skus();
        assertThat(skus).anyMatch(s -> t.consumedUnits(s.skuId) > s.enabledUnits && "Enabled".equals(s.capabilityStatus));
        assertThat(skus).anyMatch(s -> "Suspended".equals(s.capabilityStatus));
        assertThat(skus).anyMatch(s -> "Warning".equals(s.capabilityStatus));
    }
}
