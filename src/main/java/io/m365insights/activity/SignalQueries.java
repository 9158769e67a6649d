package io.m365insights.activity;

import io.m365insights.licenses.EffectiveAssignment;
import io.m365insights.sync.SyncPartName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the stored signals for many users (or every holder of some SKUs) in one statement, and each signal's
 * tenant-wide availability in another: a page of seats costs the same statements whatever its size.
 */
@ApplicationScoped
public class SignalQueries {
    @Inject
    EntityManager em;

    /** One holder of a SKU: its assignments' earliest lastUpdatedDateTime, and the user's signals. */
    public record Holder(UUID skuId, UUID userId, OffsetDateTime lastUpdated, SignalFacts facts) {
    }

    /**
     * The signals of the users in CTE {@code t}, each source aggregated once in a CTE of its own (materialized, so the
     * planner never re-runs an aggregate per holder), then joined by user.
     */
    private static final String SIGNAL_CTES = """
            a as materialized (select ui.user_id, max(ui.last_activity_date) as apps from usage_identity ui
                               join t on t.user_id = ui.user_id group by ui.user_id),
            s as materialized (select sa.user_id,
                       max(sa.last_activity_date) filter (where sa.service = 'EXCHANGE') as exchange,
                       max(sa.last_activity_date) filter (where sa.service = 'ONEDRIVE') as onedrive,
                       max(sa.last_activity_date) filter (where sa.service = 'SHAREPOINT') as sharepoint,
                       max(sa.last_activity_date) filter (where sa.service = 'TEAMS') as teams,
                       min(sa.license_assign_date) filter (where sa.service = 'EXCHANGE') as exchange_assigned,
                       min(sa.license_assign_date) filter (where sa.service = 'ONEDRIVE') as onedrive_assigned,
                       min(sa.license_assign_date) filter (where sa.service = 'SHAREPOINT') as sharepoint_assigned,
                       min(sa.license_assign_date) filter (where sa.service = 'TEAMS') as teams_assigned
                       from service_activity sa join t on t.user_id = sa.user_id where not sa.deleted
                       group by sa.user_id),
            cp as materialized (select r.user_id, max(greatest(r.last_activity_date, r.chat, r.teams, r.word, r.excel,
                       r.powerpoint, r.outlook, r.onenote, r.loop)) as copilot from copilot_snapshot_row r
                       join t on t.user_id = r.user_id group by r.user_id),
            si as materialized (select si.user_id, (coalesce(si.last_successful_at, greatest(si.last_sign_in_at,
                       si.last_non_interactive_at)) at time zone 'UTC')::date as sign_in from sign_in_activity si
                       join t on t.user_id = si.user_id)
            """;
    private static final String SIGNAL_COLUMNS = """
            t.user_id, a.apps, s.exchange, s.onedrive, s.sharepoint, s.teams, s.exchange_assigned,
            s.onedrive_assigned, s.sharepoint_assigned, s.teams_assigned, cp.copilot, si.sign_in""";
    private static final String SIGNAL_JOINS = """
            left join a on a.user_id = t.user_id left join s on s.user_id = t.user_id
            left join cp on cp.user_id = t.user_id left join si on si.user_id = t.user_id""";

    /** The signals of these users. */
    public Map<UUID, SignalFacts> forUsers(Collection<UUID> userIds) {
        Map<UUID, SignalFacts> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        for (Object[] r : rows("with t as materialized (select id as user_id from directory_user where id in (?1)), "
                + SIGNAL_CTES + " select " + SIGNAL_COLUMNS + " from t " + SIGNAL_JOINS, userIds)) {
            out.put((UUID) r[0], facts(r, 0));
        }
        return out;
    }

    /** Every holder (not deleted, assignment not failed) of these SKUs, with their signals. */
    public List<Holder> holders(Collection<UUID> skuIds) {
        List<Holder> out = new java.util.ArrayList<>();
        if (skuIds.isEmpty()) {
            return out;
        }
        for (Object[] r : rows("""
                with h as materialized (select la.sku_id, la.user_id, min(la.last_updated_at) as last_updated
                           from license_assignment la join directory_user u on u.id = la.user_id
                           where u.deleted_at is null and la.sku_id in (?1)
                             and """ + " " + EffectiveAssignment.condition("la.state") + """
                 group by la.sku_id, la.user_id),
                     t as materialized (select distinct user_id from h),
                """ + SIGNAL_CTES + " select h.sku_id, h.last_updated, " + SIGNAL_COLUMNS
                + " from h join t on t.user_id = h.user_id " + SIGNAL_JOINS + " order by h.sku_id, h.user_id", skuIds)) {
            out.add(new Holder((UUID) r[0], (UUID) r[2], offset(r[1]), facts(r, 2)));
        }
        return out;
    }

    /** A Copilot seat holder's last activity overall and per Copilot app (CopilotUsageSync.COLUMNS order). */
    public record CopilotFacts(LocalDate lastActive, List<LocalDate> apps) {
    }

    /** Of these users, the Copilot seat holders (a SKU with a Copilot plan), with what the snapshots said. */
    public Map<UUID, CopilotFacts> copilot(Collection<UUID> userIds) {
        Map<UUID, CopilotFacts> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        String apps = String.join(", ", java.util.Arrays.stream(CopilotUsageSync.COLUMNS).map(c -> "max(r." + c + ")")
                .toList());
        for (Object[] r : rows("""
                with h as (select distinct la.user_id from license_assignment la
                           join sku_service_plan p on p.sku_id = la.sku_id
                           where la.user_id in (?1) and """ + " " + EffectiveAssignment.condition("la.state") + """
                 and p.service_plan_name like 'M365\\_COPILOT%')
                select h.user_id, max(greatest(r.last_activity_date, r.chat, r.teams, r.word, r.excel, r.powerpoint,
                       r.outlook, r.onenote, r.loop)), """ + apps + """
                 from h left join copilot_snapshot_row r on r.user_id = h.user_id group by h.user_id""", userIds)) {
            List<LocalDate> dates = new java.util.ArrayList<>();
            for (int i = 0; i < CopilotUsageSync.COLUMNS.length; i++) {
                dates.add(date(r[2 + i]));
            }
            out.put((UUID) r[0], new CopilotFacts(date(r[1]), dates));
        }
        return out;
    }

    /** Per signal: can it be told, and why not. */
    public Map<ActivitySignal, SignalFacts.Availability> availability() {
        Map<String, SignalFacts.Availability> bySource = new HashMap<>();
        for (Object[] r : rows("""
                select cast('USAGE' as text), true, cast(null as text), (select concealed_rows > 0 from usage_report_day
                       order by report_date desc limit 1), (select max(fetched_at) from usage_report_day)
                union all
                select source, ok, detail, names_concealed, last_success_at from activity_source""")) {
            String source = (String) r[0];
            bySource.put(source, availability(source, Boolean.TRUE.equals(r[1]), (String) r[2],
                    Boolean.TRUE.equals(r[3]), offset(r[4])));
        }
        Map<ActivitySignal, SignalFacts.Availability> out = new EnumMap<>(ActivitySignal.class);
        for (ActivitySignal s : ActivitySignal.values()) {
            out.put(s, bySource.getOrDefault(s.source().name(), new SignalFacts.Availability(false,
                    notSyncedYet(s.source()), false, null)));
        }
        return out;
    }

    private static SignalFacts.Availability availability(String source, boolean ok, String detail, boolean concealed,
                                                         OffsetDateTime last) {
        if (last == null) {
            return new SignalFacts.Availability(false, ok || detail == null ? notSyncedYet(SyncPartName.valueOf(source))
                    : detail, concealed, null);
        }
        if (concealed) {
            return new SignalFacts.Availability(false, ActivitySources.REVEAL_NAMES, true, last);
        }
        return new SignalFacts.Availability(true, ok ? null : "data as of " + last.toLocalDate()
                + "; the latest sync could not refresh it: " + detail, false, last);
    }

    private static String notSyncedYet(SyncPartName source) {
        return source == SyncPartName.USAGE ? "no Microsoft 365 Apps usage report is stored yet: wait for a sync's "
                + "USAGE part (it needs Reports.Read.All)" : "not synced yet: wait for a sync's " + source + " part";
    }

    private static SignalFacts facts(Object[] r, int base) {
        Map<ActivitySignal, LocalDate> last = new EnumMap<>(ActivitySignal.class);
        Map<ActivitySignal, LocalDate> assigned = new EnumMap<>(ActivitySignal.class);
        ActivitySignal[] lastColumns = {ActivitySignal.APPS, ActivitySignal.EXCHANGE, ActivitySignal.ONEDRIVE,
                ActivitySignal.SHAREPOINT, ActivitySignal.TEAMS};
        for (int i = 0; i < lastColumns.length; i++) {
            put(last, lastColumns[i], r[base + 1 + i]);
        }
        put(assigned, ActivitySignal.EXCHANGE, r[base + 6]);
        put(assigned, ActivitySignal.ONEDRIVE, r[base + 7]);
        put(assigned, ActivitySignal.SHAREPOINT, r[base + 8]);
        put(assigned, ActivitySignal.TEAMS, r[base + 9]);
        put(last, ActivitySignal.COPILOT, r[base + 10]);
        put(last, ActivitySignal.SIGN_IN, r[base + 11]);
        return new SignalFacts(last, assigned);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate l ? l : ((java.sql.Date) value).toLocalDate();
    }

    private static void put(Map<ActivitySignal, LocalDate> m, ActivitySignal s, Object value) {
        LocalDate d = date(value);
        if (d != null) {
            m.put(s, d);
        }
    }

    static OffsetDateTime offset(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Object> raw = q.getResultList();
        List<Object[]> out = new java.util.ArrayList<>(raw.size());
        for (Object o : raw) {
            out.add(o instanceof Object[] a ? a : new Object[]{o});
        }
        return out;
    }
}
