package io.m365insights.api.model;

import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditOutcome;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Input("AuditEventFilter")
@Description("Filters combine with AND. Unset fields do not filter.")
public class AuditEventFilter {
    @Description("Any of these actions.")
    public List<@NonNull AuditAction> actions;
    @Description("Exact actor (case-insensitive), e.g. a principal name or policy:offboarding.")
    public String actor;
    @Id
    public String userId;
    @Id
    public String skuId;
    public AuditOutcome outcome;
    public Boolean dryRun;
    @Id
    @Description("The events of one mutation call or one policy run.")
    public String correlationId;
    @Description("Events at or after this instant.")
    public OffsetDateTime since;
    @Description("Events before this instant.")
    public OffsetDateTime until;
}
