package io.m365insights.api.model;

import io.m365insights.usage.Platform;
import io.m365insights.usage.UsageApp;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("UsagePoint")
@Description("Distinct people active in an app (and platform) during a period: someone active on several days of the "
        + "period counts once.")
public record UsagePoint(
        @NonNull @Description("The period's first day (a Monday for WEEK, the 1st for MONTH); may lie before `from`, "
                + "but only days within [from, to] are counted.") LocalDate periodStart,
        @NonNull UsageApp app,
        @Description("Null: on any platform.") Platform platform,
        int activeUsers) {
}
