package io.m365insights.automation;

import io.m365insights.config.M365Config;
import io.m365insights.config.M365Config.Offboarding.Mode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/** The offboarding policy as configured ({@code m365.offboarding.*}), exemptions parsed and checked at startup. */
@ApplicationScoped
public class OffboardingPolicy {
    private final Mode mode;
    private final int graceDays;
    private final int maxRemovalsPerRun;
    private final List<Exemption> exemptions;
    private final M365Config.Offboarding.GroupMode groupMode;
    private final int groupRemovalMaxSyncs;

    @Inject
    public OffboardingPolicy(M365Config config) {
        M365Config.Offboarding o = config.offboarding();
        if (o.graceDays() < 0) {
            throw new IllegalArgumentException("m365.offboarding.grace-days (M365_OFFBOARDING_GRACE_DAYS) must be 0 "
                    + "or more (was " + o.graceDays() + ")");
        }
        if (o.groupRemovalMaxSyncs() < 1) {
            throw new IllegalArgumentException("m365.offboarding.group-removal-max-syncs "
                    + "(M365_OFFBOARDING_GROUP_REMOVAL_MAX_SYNCS) must be 1 or more (was " + o.groupRemovalMaxSyncs() + ")");
        }
        this.groupMode = o.groupMode();
        this.groupRemovalMaxSyncs = o.groupRemovalMaxSyncs();
        this.mode = o.mode();
        this.graceDays = o.graceDays();
        this.maxRemovalsPerRun = o.maxRemovalsPerRun();
        this.exemptions = List.copyOf(ExemptionParser.parse(o.exemptions().orElse(null)));
    }

    /** A bad setting stops startup here, with a message naming it, rather than at the first sync. */
    void validateAtStartup(@Observes StartupEvent event) {
        // constructing the bean parsed and checked everything
    }

    public Mode mode() {
        return mode;
    }

    public int graceDays() {
        return graceDays;
    }

    public int maxRemovalsPerRun() {
        return maxRemovalsPerRun;
    }

    public M365Config.Offboarding.GroupMode groupMode() {
        return groupMode;
    }

    public int groupRemovalMaxSyncs() {
        return groupRemovalMaxSyncs;
    }

    public List<Exemption> exemptions() {
        return exemptions;
    }
}
