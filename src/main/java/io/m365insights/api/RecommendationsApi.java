package io.m365insights.api;

import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.Money;
import io.m365insights.api.model.Recommendation;
import io.m365insights.api.model.RecommendationConfidence;
import io.m365insights.api.model.RecommendationConnection;
import io.m365insights.api.model.RecommendationEdge;
import io.m365insights.api.model.RecommendationKind;
import io.m365insights.config.M365Config;
import io.m365insights.db.Page;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.savings.Recommendations;
import io.m365insights.users.UserQueries;
import io.m365insights.users.UserRow;
import jakarta.inject.Inject;
import io.smallrye.graphql.api.Nullable;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Recommendations with their evidence; a page's users and licenses in one statement each. */
@GraphQLApi
@ReaderAccess
public class RecommendationsApi {
    @Inject
    Recommendations recommendations;

    @Inject
    LicenseQueries licenses;

    @Inject
    UserQueries userQueries;

    @Inject
    M365Config config;

    private record Row(int position, Recommendations.Recommendation r) {
    }

    @Query("recommendations")
    @Description("What to do about the seats, each with its rule, evidence, confidence and monthly saving in the "
            + "license's currency (never added across currencies). `days` is the window of the activity rules "
            + "(RECLAIM_*, DOWNGRADE_*). Offboarding exemptions apply. Nothing is executed: act with the audited "
            + "mutations.")
    public @NonNull RecommendationConnection recommendations(@Nullable List<@NonNull RecommendationKind> kinds,
                                                             @DefaultValue("30") int days, Integer first, String after) {
        Set<Recommendations.Kind> wanted = kinds == null || kinds.isEmpty() ? Recommendations.allKinds()
                : kinds.stream().map(k -> Recommendations.Kind.valueOf(k.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Recommendations.Kind.class)));
        int size = ApiMapper.pageSize(first, config.api());
        long scope = scope(wanted, days);
        Long position = PositionCursor.decode(after, "recommendation", scope,
                "the cursor belongs to a request with other kinds or another `days`");
        Recommendations.Result result;
        try {
            result = recommendations.recommend(wanted, days);
        } catch (IllegalArgumentException e) {
            throw new ApiInputException("days: " + e.getMessage());
        }
        List<Recommendations.Recommendation> all = result.recommendations();
        int start = position == null ? 0 : (int) Math.min(all.size(), position + 1);
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = start; i < Math.min(all.size(), start + size); i++) {
            rows.add(new Row(i, all.get(i)));
        }
        Set<UUID> userIds = rows.stream().map(r -> r.r().userId()).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, UserRow> users = userQueries.byIds(userIds);
        Set<UUID> skuIds = new java.util.HashSet<>();
        rows.forEach(r -> {
            skuIds.add(r.r().skuId());
            if (r.r().targetSkuId() != null) {
                skuIds.add(r.r().targetSkuId());
            }
        });
        Map<UUID, SkuEntity> skus = skuIds.isEmpty() ? Map.of() : licenses.skus(skuIds).stream()
                .collect(Collectors.toMap(s -> s.skuId, Function.identity()));
        var built = Connections.of(new Page<>(rows, start + rows.size() < all.size()), start > 0,
                r -> PositionCursor.encode("recommendation", scope, r.position()),
                r -> node(r.r(), users, skus), RecommendationEdge::new);
        return new RecommendationConnection(built.edges(), built.edges().stream().map(RecommendationEdge::node).toList(),
                built.pageInfo(), all.size(), result.exempted());
    }

    private static Recommendation node(Recommendations.Recommendation r, Map<UUID, UserRow> users,
                                       Map<UUID, SkuEntity> skus) {
        UserRow user = r.userId() == null ? null : users.get(r.userId());
        return new Recommendation(RecommendationKind.valueOf(r.kind().name()),
                user == null ? null : ApiMapper.user(user), license(r.skuId(), skus),
                r.targetSkuId() == null ? null : license(r.targetSkuId(), skus),
                r.saving() == null ? null : new Money(r.saving(), r.currency()),
                RecommendationConfidence.valueOf(r.confidence().name()), r.evidence(), r.reviewOnly(), r.seats(),
                r.renewalAt());
    }

    private static io.m365insights.api.model.License license(UUID skuId, Map<UUID, SkuEntity> skus) {
        SkuEntity s = skus.get(skuId);
        return s == null ? ApiMapper.unknownLicense(skuId.toString()) : ApiMapper.license(s);
    }

    /** A cursor holds the kinds and days it was made for: one from another request is refused. */
    private static long scope(Set<Recommendations.Kind> kinds, int days) {
        long bits = 0;
        for (Recommendations.Kind k : kinds) {
            bits |= 1L << k.ordinal();
        }
        return (long) days << 8 | bits;
    }
}
