package io.m365insights.activity;

import io.m365insights.config.M365Config;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.msgraph.MsGraphErrorKind;
import io.m365insights.msgraph.MsGraphSignIn;
import io.m365insights.sync.SyncPartName;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The SIGN_INS part: every user's signInActivity, keyed by Entra object id (so it works while reports conceal names),
 * paced to Microsoft's listing limit (10 requests a minute; its own budget). It runs last in a sync, so its slow pass
 * never delays users and licenses. Each page is stored as it arrives and dates only move forward, so a pass cut short
 * keeps what it read. Without AuditLog.Read.All, or on a tenant without Entra ID P1, the part is PARTIAL and says what to
 * grant or buy; every other part goes on.
 */
@ApplicationScoped
public class SignInSync extends ActivityPart {
    static final String LISTING = "signInActivity";
    /** Microsoft's code for a tenant without a premium license (community reports; unverified, CONTRACT.md §10.3). */
    static final String NO_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";
    public static final String GRANT_AUDIT_LOG = "sign-ins: forbidden — grant the application permission "
            + "AuditLog.Read.All to the app registration (and admin consent); Microsoft serves signInActivity only "
            + "with it";
    public static final String BUY_P1 = "sign-ins: the tenant has no Microsoft Entra ID P1 or P2 license — Microsoft "
            + "serves signInActivity only to tenants with one (e.g. through Microsoft 365 E3/E5, EMS or Entra ID P1); "
            + "add one to use sign-ins as a signal";

    SignInSync() {
        super(SyncPartName.SIGN_INS);
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        Connection c = context.connection();
        M365Config.SignIns signIns = config.signIns();
        if (!signIns.enabled()) {
            return notRead(c, "sign-ins are switched off (M365_SIGN_INS_ENABLED=false)");
        }
        int[] read = {0};
        int[] pages = {0};
        try {
            msGraph.listSignIns(() -> pacer.beforeRequest(c, LISTING, signIns.rateLimit(), signIns.rateWindow()), page -> {
                store(c, page);
                read[0] += page.size();
                pages[0]++;
            });
        } catch (MsGraphException e) {
            if (e.kind() != MsGraphErrorKind.FORBIDDEN) {
                sources.record(c, part(), false, "sign-ins: the listing failed after " + read[0] + " users; "
                        + e.getMessage(), null);
                throw e;
            }
            String why = (NO_PREMIUM.equals(e.code()) ? BUY_P1 : GRANT_AUDIT_LOG) + ". Other parts are not affected. "
                    + e.getMessage();
            sources.record(c, part(), false, why, false);
            return new Outcome(read[0], 0, read[0], 0, why, true);
        }
        sources.record(c, part(), true, null, false);
        return new Outcome(read[0], 0, read[0], 0, String.format("%d users' sign-in activity in %d pages", read[0],
                pages[0]));
    }

    private static void store(Connection c, List<MsGraphSignIn> page) {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into sign_in_activity as s (user_id, last_sign_in_at, last_non_interactive_at, last_successful_at)
                values (?, ?, ?, ?) on conflict (user_id) do update set
                    last_sign_in_at = greatest(s.last_sign_in_at, excluded.last_sign_in_at),
                    last_non_interactive_at = greatest(s.last_non_interactive_at, excluded.last_non_interactive_at),
                    last_successful_at = greatest(s.last_successful_at, excluded.last_successful_at),
                    updated_at = now()""")) {
            for (MsGraphSignIn s : page) {
                ps.setObject(1, s.userId());
                ps.setTimestamp(2, ts(s.lastSignIn()));
                ps.setTimestamp(3, ts(s.lastNonInteractive()));
                ps.setTimestamp(4, ts(s.lastSuccessful()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a page of sign-in activity: " + e.getMessage(), e);
        }
    }

    private static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : Timestamp.from(t.toInstant());
    }
}
