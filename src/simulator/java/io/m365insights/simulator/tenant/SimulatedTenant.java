package io.m365insights.simulator.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The state of a simulated Microsoft 365 tenant. Every read and write goes through {@link #read}/{@link #write}, which
 * hold one lock, so an HTTP page is rendered from a consistent state.
 */
public final class SimulatedTenant {
    private final UUID tenantId;
    private final List<String> verifiedDomains;
    private final List<SimSku> skus;
    private final List<SimGroup> groups;
    private final Map<UUID, SimUser> users = new LinkedHashMap<>();

    public SimulatedTenant(UUID tenantId, List<String> verifiedDomains, List<SimSku> skus, List<SimGroup> groups,
                           List<SimUser> users) {
        this.tenantId = tenantId;
        this.verifiedDomains = List.copyOf(verifiedDomains);
        this.skus = List.copyOf(skus);
        this.groups = List.copyOf(groups);
        users.forEach(u -> this.users.put(u.id, u));
    }

    public UUID tenantId() {
        return tenantId;
    }

    public List<String> verifiedDomains() {
        return verifiedDomains;
    }

    public List<SimSku> skus() {
        return skus;
    }

    public List<SimGroup> groups() {
        return groups;
    }

    /**
     * Memberships removed ({@code DELETE /groups/{id}/members/{userId}/$ref}) whose inherited license Microsoft has not
     * taken away yet (CONTRACT.md §10.5: asynchronous): "userId groupId" to the user listings that still show it.
     * The member is gone from the group at once; the license goes when the count reaches zero. Call inside read/write.
     */
    public final Map<String, Integer> pendingGroupRemovals = new LinkedHashMap<>();
    /** User listings that still show an inherited license after its membership was removed (default 1). */
    public int groupRemovalLag = 1;
    /** When true, a removed membership's inherited license never goes (to test a removal that does not converge). */
    public boolean groupRemovalsNeverConverge;

    /** Whether the user's membership of the group was removed (the license may still be inherited for a while). */
    public boolean membershipRemoved(UUID userId, UUID groupId) {
        return pendingGroupRemovals.containsKey(userId + " " + groupId);
    }

    /** A user listing began: one step closer to taking away the licenses of removed memberships. */
    public void userListingStarted() {
        if (groupRemovalsNeverConverge) {
            return;
        }
        var it = pendingGroupRemovals.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue() > 0) {
                e.setValue(e.getValue() - 1); // this listing still shows the inherited license
                continue;
            }
            String[] ids = e.getKey().split(" ");
            SimUser u = users.get(UUID.fromString(ids[0]));
            UUID group = UUID.fromString(ids[1]);
            if (u != null) {
                u.assignments.removeIf(a -> group.equals(a.groupId()));
            }
            it.remove();
        }
    }

    public synchronized <T> T read(Function<SimulatedTenant, T> reader) {
        return reader.apply(this);
    }

    public synchronized void write(java.util.function.Consumer<SimulatedTenant> writer) {
        writer.accept(this);
    }

    /** A change that answers something (e.g. an HTTP response), under the same lock. */
    public synchronized <T> T update(Function<SimulatedTenant, T> writer) {
        return writer.apply(this);
    }

    /** The users in listing order (a copy of the list; the users themselves are live). Call inside read/write. */
    public List<SimUser> users() {
        return new ArrayList<>(users.values());
    }

    public int userCount() {
        return users.size();
    }

    /** By object id or user principal name (case-insensitive), as {@code /users/{id | userPrincipalName}} resolves. */
    public Optional<SimUser> user(String idOrUpn) {
        try {
            SimUser byId = users.get(UUID.fromString(idOrUpn));
            if (byId != null) {
                return Optional.of(byId);
            }
        } catch (IllegalArgumentException notAUuid) {
            // fall through to the UPN lookup
        }
        return users.values().stream().filter(u -> u.userPrincipalName.equalsIgnoreCase(idOrUpn)).findFirst();
    }

    public Optional<SimSku> sku(UUID skuId) {
        return skus.stream().filter(s -> s.skuId.equals(skuId)).findFirst();
    }

    public boolean removeUser(UUID id) {
        return users.remove(id) != null;
    }

    public void addUser(SimUser user) {
        users.put(user.id, user);
    }

    /** Units in use: users for whom at least one assignment of the SKU took effect (Graph's consumedUnits). */
    public int consumedUnits(UUID skuId) {
        int n = 0;
        for (SimUser u : users.values()) {
            if (u.effectiveSkuIds().contains(skuId)) {
                n++;
            }
        }
        return n;
    }
}
