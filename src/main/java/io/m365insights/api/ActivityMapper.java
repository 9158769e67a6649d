package io.m365insights.api;

import io.m365insights.activity.ActivityCoverage;
import io.m365insights.activity.ActivitySignal;
import io.m365insights.activity.IdleSeats;
import io.m365insights.activity.SignalFacts;
import io.m365insights.activity.SignalQueries;
import io.m365insights.api.model.ActivitySourceCoverage;
import io.m365insights.api.model.CopilotActivity;
import io.m365insights.api.model.CopilotApp;
import io.m365insights.api.model.CopilotAppActivity;
import io.m365insights.api.model.IdleSeat;
import io.m365insights.api.model.IdleSeatConnection;
import io.m365insights.api.model.IdleSeatEdge;
import io.m365insights.api.model.SignalActivity;
import io.m365insights.db.Page;
import io.m365insights.users.UserQueries;
import io.m365insights.users.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maps the seat decision to GraphQL types; pages idle seats (cursor: the last user id of the page). */
@ApplicationScoped
class ActivityMapper {
    @Inject
    SignalQueries signals;

    @Inject
    UserQueries userQueries;

    static SignalActivity signal(IdleSeats.Evidence e) {
        return new SignalActivity(e.signal(), e.lastActiveDate(), e.available(), e.detail());
    }

    /** A page of a SKU's idle seats; the holders' user rows in one statement. */
    IdleSeatConnection connection(IdleSeats.SkuSeats seats, int days, int size, String after) {
        List<IdleSeats.Seat> idle = seats.idle().stream()
                .sorted(java.util.Comparator.comparing(s -> s.userId().toString())).toList();
        int start = 0;
        if (after != null) {
            String last = decode(after, seats.skuId(), days).toString();
            while (start < idle.size() && idle.get(start).userId().toString().compareTo(last) <= 0) {
                start++;
            }
        }
        Page<IdleSeats.Seat> page = new Page<>(idle.subList(start, Math.min(idle.size(), start + size)),
                start + size < idle.size());
        Map<UUID, UserRow> users = userQueries.byIds(page.rows().stream().map(IdleSeats.Seat::userId).toList());
        var built = Connections.of(page, start > 0, s -> encode(seats.skuId(), days, s.userId()), s -> new IdleSeat(
                ApiMapper.user(users.get(s.userId())), s.lastActiveDate(), s.assignedSince(),
                s.assignedSinceUpperBound(), s.decidedBy(), s.reviewOnly(),
                s.evidence().stream().map(ActivityMapper::signal).toList()), IdleSeatEdge::new);
        int fresh = (int) seats.seats().stream().filter(s -> s.verdict() == IdleSeats.Verdict.NEW_SEAT).count();
        return new IdleSeatConnection(built.edges(), built.edges().stream().map(IdleSeatEdge::node).toList(),
                built.pageInfo(), idle.size(),
                seats.undetermined(), fresh);
    }

    List<CopilotActivity> copilot(List<UUID> userIds) {
        Map<UUID, SignalQueries.CopilotFacts> facts = signals.copilot(userIds);
        SignalFacts.Availability a = signals.availability().get(ActivitySignal.COPILOT);
        List<CopilotActivity> out = new ArrayList<>();
        for (UUID id : userIds) {
            SignalQueries.CopilotFacts f = facts.get(id);
            if (f == null) {
                out.add(null);
                continue;
            }
            List<CopilotAppActivity> apps = new ArrayList<>();
            CopilotApp[] names = CopilotApp.values();
            for (int i = 0; i < names.length; i++) {
                apps.add(new CopilotAppActivity(names[i], a.available() ? f.apps().get(i) : null));
            }
            out.add(new CopilotActivity(a.available() ? f.lastActive() : null, a.available(), a.detail(), apps));
        }
        return out;
    }

    static ActivitySourceCoverage coverage(ActivityCoverage.Coverage c, Map<ActivitySignal, SignalFacts.Availability> all) {
        List<ActivitySignal> signals = Arrays.stream(ActivitySignal.values()).filter(s -> s.source() == c.part()).toList();
        SignalFacts.Availability a = all.get(signals.get(0));
        return new ActivitySourceCoverage(c.part(), signals, a.available(), a.detail(), a.namesConcealed(), c.firstDay(),
                c.lastDay(), c.daysHeld(), c.missingDays(), c.lastFetchedAt());
    }

    private static String encode(UUID sku, int days, UUID user) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("idle|" + sku + "|" + days + "|" + user)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static UUID decode(String cursor, UUID sku, int days) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (p.length != 4 || !p[0].equals("idle")) {
                throw new IllegalArgumentException();
            }
            if (!p[1].equals(sku.toString()) || Integer.parseInt(p[2]) != days) {
                throw new ApiInputException("after: the cursor belongs to another license or another `days`");
            }
            return UUID.fromString(p[3]);
        } catch (IllegalArgumentException e) {
            throw new ApiInputException("after: malformed cursor; pass a pageInfo.endCursor or edges.cursor value from "
                    + "an earlier page of the same connection unchanged");
        }
    }
}
