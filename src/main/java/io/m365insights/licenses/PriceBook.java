package io.m365insights.licenses;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The price of each SKU on a given day: the latest price set for it (setLicensePrice) that is in force by then, else
 * the configured monthly price (M365_LICENSE_PRICES, in M365_LICENSE_CURRENCY) as a standing fallback. Amounts of
 * different currencies are never added: every figure carries its currency.
 */
@ApplicationScoped
public class PriceBook {

    public enum Period { MONTHLY, ANNUAL }

    /** Where a price came from. */
    public enum Source { SET, CONFIGURATION }

    /** A price in force: {@code effectiveFrom} null for the configured fallback (in force always). */
    public record Price(BigDecimal amount, String currency, Period period, LocalDate effectiveFrom, Source source,
                        String setBy, OffsetDateTime setAt) {
        /** What one seat costs a month at this price (an annual price spread over 12 months). */
        public BigDecimal monthly() {
            return period == Period.ANNUAL ? amount.divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_EVEN) : amount;
        }
    }

    /** A SKU as the price book needs it: its id (set prices) and part number (configured prices). */
    public record Sku(UUID skuId, String partNumber) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LicensePrices configured;

    /** The price of each SKU in force on {@code day}, in one statement; SKUs without any price are absent. */
    public Map<UUID, Price> inForce(Collection<Sku> skus, LocalDate day) {
        Map<UUID, Price> out = new HashMap<>();
        if (skus.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct on (sku_id) sku_id, amount, currency, period, effective_from, set_by, set_at
                from license_price where sku_id = any (?) and effective_from <= ?
                order by sku_id, effective_from desc, id desc""")) {
            ps.setArray(1, c.createArrayOf("uuid", skus.stream().map(Sku::skuId).distinct().toArray(UUID[]::new)));
            ps.setObject(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), price(rs, 2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the license prices: " + e.getMessage(), e);
        }
        for (Sku s : skus) {
            if (!out.containsKey(s.skuId())) {
                configured(s.partNumber()).ifPresent(p -> out.put(s.skuId(), p));
            }
        }
        return out;
    }

    /** Every price set for a SKU, newest effective day first, then the configured fallback if any. */
    public List<Price> history(Sku sku) {
        List<Price> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select amount, currency, period, effective_from, set_by, set_at from license_price
                where sku_id = ? order by effective_from desc, id desc""")) {
            ps.setObject(1, sku.skuId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(price(rs, 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the license prices: " + e.getMessage(), e);
        }
        configured(sku.partNumber()).ifPresent(out::add);
        return out;
    }

    /** Adds a price (the table is append-only); the caller's transaction holds it with its audit event. */
    public void set(UUID skuId, BigDecimal amount, String currency, Period period, LocalDate effectiveFrom,
                    String setBy, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into license_price (sku_id, amount, currency, period, effective_from, set_by, set_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, skuId);
            ps.setBigDecimal(2, amount);
            ps.setString(3, currency);
            ps.setString(4, period.name());
            ps.setObject(5, effectiveFrom);
            ps.setString(6, setBy);
            ps.setObject(7, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the license price: " + e.getMessage(), e);
        }
    }

    private Optional<Price> configured(String partNumber) {
        return configured.monthly(partNumber).map(amount -> new Price(amount, configured.currency(), Period.MONTHLY,
                null, Source.CONFIGURATION, null, null));
    }

    private static Price price(ResultSet rs, int i) throws SQLException {
        return new Price(rs.getBigDecimal(i), rs.getString(i + 1).trim(), Period.valueOf(rs.getString(i + 2)),
                rs.getObject(i + 3, LocalDate.class), Source.SET, rs.getString(i + 4),
                rs.getObject(i + 5, OffsetDateTime.class));
    }
}
