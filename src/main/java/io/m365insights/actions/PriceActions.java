package io.m365insights.actions;

import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditContext;
import io.m365insights.audit.AuditEntry;
import io.m365insights.audit.AuditLog;
import io.m365insights.licenses.PriceBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Sets the price of a SKU from a day on (setLicensePrice): checked, then added to the price book with its audit event
 * in one transaction. Earlier prices stay in force for the days before, so past costs keep the price they had.
 */
@ApplicationScoped
public class PriceActions {
    /** Largest amount accepted for one seat (a typo guard, not a business rule). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    /** The outcome: the audit event, and the error when it was refused. */
    public record PriceChange(long auditEventId, ActionError error) {
    }

    @Inject
    PriceBook prices;

    @Inject
    DirectoryFacts facts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public PriceChange set(UUID skuId, BigDecimal amount, String currency, PriceBook.Period period,
                           LocalDate effectiveFrom, AuditContext ctx) {
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        String code = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("skuId", skuId.toString());
        input.put("amount", amount == null ? null : amount.toPlainString());
        input.put("currency", code);
        input.put("period", period == null ? null : period.name());
        input.put("effectiveFrom", from.toString());
        ActionError error = check(skuId, amount, code, period);
        if (error != null) {
            long id = audit.append(AuditEntry.failed(ctx, AuditAction.SET_LICENSE_PRICE, error.code().name(),
                    error.message()).about(null, skuId).withInput(input));
            return new PriceChange(id, error);
        }
        prices.set(skuId, amount, code, period, from, ctx.actor().name(), OffsetDateTime.now(clock));
        String license = facts.sku(skuId).map(DirectoryFacts.SkuFacts::name).orElse(skuId.toString());
        long id = audit.append(AuditEntry.succeeded(ctx, AuditAction.SET_LICENSE_PRICE, "Price of " + license
                + " set to " + amount.toPlainString() + " " + code + " " + period.name().toLowerCase(Locale.ROOT)
                + " from " + from).about(null, skuId).withInput(input));
        return new PriceChange(id, null);
    }

    private ActionError check(UUID skuId, BigDecimal amount, String currency, PriceBook.Period period) {
        if (facts.sku(skuId).isEmpty()) {
            return ActionError.of(ActionErrorCode.UNKNOWN_SKU, "The tenant does not subscribe to SKU " + skuId
                    + " (as of the last sync).", "input", "skuId");
        }
        if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 4) {
            return ActionError.of(ActionErrorCode.INVALID_INPUT, "The amount must be between 0 and " + MAX_AMOUNT
                    + " with at most 4 decimals.", "input", "amount");
        }
        if (!isCurrency(currency)) {
            return ActionError.of(ActionErrorCode.INVALID_INPUT, "'" + currency + "' is not an ISO 4217 currency "
                    + "code (e.g. EUR, USD).", "input", "currency");
        }
        if (period == null) {
            return ActionError.of(ActionErrorCode.INVALID_INPUT, "The period is MONTHLY or ANNUAL.", "input", "period");
        }
        return null;
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
