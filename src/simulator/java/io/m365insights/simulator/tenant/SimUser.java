package io.m365insights.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A mutable directory user of the simulated tenant. Guarded by the {@link SimulatedTenant}'s lock. */
public final class SimUser {
    public final UUID id;
    public String userPrincipalName;
    public String displayName;
    public String givenName;
    public String surname;
    public String mail;
    public boolean accountEnabled;
    public String department;
    public String jobTitle;
    public String usageLocation;
    public final Instant createdDateTime;
    public final List<SimAssignment> assignments = new ArrayList<>();

    public SimUser(UUID id, String userPrincipalName, String displayName, String givenName, String surname,
                   Instant createdDateTime) {
        this.id = id;
        this.userPrincipalName = userPrincipalName;
        this.displayName = displayName;
        this.givenName = givenName;
        this.surname = surname;
        this.createdDateTime = createdDateTime;
    }

    /** The distinct SKUs this user consumes, as Graph's {@code assignedLicenses} would list them. */
    public List<UUID> effectiveSkuIds() {
        return assignments.stream().filter(SimAssignment::effective).map(SimAssignment::skuId).distinct().toList();
    }

    public boolean holdsDirectly(UUID skuId) {
        return assignments.stream().anyMatch(a -> a.direct() && a.skuId().equals(skuId) && a.effective());
    }
}
