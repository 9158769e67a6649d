package io.m365insights.activity;

import io.m365insights.sync.SyncPartName;
import io.m365insights.usage.UsageSync;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What each activity source holds: days (or snapshots) from first to last, gaps in the window, the latest fetch. */
@ApplicationScoped
public class ActivityCoverage {
    @Inject
    EntityManager em;

    public record Coverage(SyncPartName part, LocalDate firstDay, LocalDate lastDay, int daysHeld,
                           List<LocalDate> missingDays, OffsetDateTime lastFetchedAt) {
    }

    public List<Coverage> coverage(UsageSync.Window window) {
        List<Coverage> out = new ArrayList<>();
        Object[] s = row("select min(report_date), max(report_date), count(*), max(fetched_at) from service_activity_day");
        Set<LocalDate> held = new HashSet<>();
        for (Object d : em.createNativeQuery("select report_date from service_activity_day where report_date between "
                        + "?1 and ?2").setParameter(1, java.sql.Date.valueOf(window.first()))
                .setParameter(2, java.sql.Date.valueOf(window.last())).getResultList()) {
            held.add(date(d));
        }
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = window.first(); !d.isAfter(window.last()); d = d.plusDays(1)) {
            if (!held.contains(d)) {
                missing.add(d);
            }
        }
        out.add(new Coverage(SyncPartName.SERVICE_ACTIVITY, date(s[0]), date(s[1]), ((Number) s[2]).intValue(), missing,
                SignalQueries.offset(s[3])));
        Object[] c = row("select min(taken_on), max(taken_on), count(*), max(fetched_at) from copilot_snapshot");
        out.add(new Coverage(SyncPartName.COPILOT_USAGE, date(c[0]), date(c[1]), ((Number) c[2]).intValue(), List.of(),
                SignalQueries.offset(c[3])));
        Object[] i = row("select max(last_success_at) from activity_source where source = 'SIGN_INS'");
        out.add(new Coverage(SyncPartName.SIGN_INS, null, null, 0, List.of(), SignalQueries.offset(i[0])));
        return out;
    }

    private Object[] row(String sql) {
        Object o = em.createNativeQuery(sql).getSingleResult();
        return o instanceof Object[] a ? a : new Object[]{o};
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }
}
