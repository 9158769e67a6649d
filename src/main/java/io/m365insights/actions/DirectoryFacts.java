package io.m365insights.actions;

import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Jdbc;
import io.m365insights.licenses.EffectiveAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the actions check before asking Microsoft Graph, read from our copy of the directory (as of the last sync,
 * plus our own changes since). Plain JDBC: the actions also run on the sync thread, outside any request.
 */
@ApplicationScoped
public class DirectoryFacts {

    public record UserFacts(UUID id, String userPrincipalName, String displayName, boolean accountEnabled,
                            String usageLocation, boolean deleted) {
    }

    public record SkuFacts(UUID skuId, String skuPartNumber, int enabledUnits, int consumedUnits, boolean removed,
                           List<UUID> servicePlanIds) {
        public String name() {
            return skuPartNumber + " (" + skuId + ")";
        }
    }

    /** One of the user's assignments of a SKU: direct when {@code groupId} is null. */
    public record Holding(UUID groupId, String state) {
        public boolean effective() {
            return EffectiveAssignment.counts(state);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    public Optional<UserFacts> user(UUID id) {
        return query("""
                select id, user_principal_name, display_name, account_enabled, usage_location, deleted_at is not null
                from directory_user where id = ?""", rs -> new UserFacts(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getBoolean(6)), id).stream().findFirst();
    }

    public Optional<SkuFacts> sku(UUID skuId) {
        return query("""
                select s.sku_id, s.sku_part_number, s.enabled_units, s.consumed_units, s.removed_at is not null,
                       array(select p.service_plan_id from sku_service_plan p where p.sku_id = s.sku_id)
                from sku s where s.sku_id = ?""", rs -> new SkuFacts(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5),
                uuids(rs.getArray(6))), skuId).stream().findFirst();
    }

    public List<Holding> holdings(UUID userId, UUID skuId) {
        return query("select assigned_by_group_id, state from license_assignment where user_id = ? and sku_id = ? "
                        + "order by assigned_by_group_id nulls first",
                rs -> new Holding(rs.getObject(1, UUID.class), rs.getString(2)), userId, skuId);
    }

    private <T> List<T> query(String sql, Jdbc.Row<T> row, Object... params) {
        return Jdbc.withConnection(dataSource, "read the directory", c -> Jdbc.query(c, sql, row, params));
    }

    private static List<UUID> uuids(Array a) throws SQLException {
        return a == null ? List.of() : List.of((UUID[]) a.getArray());
    }
}
