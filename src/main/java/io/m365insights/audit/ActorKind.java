package io.m365insights.audit;

import org.eclipse.microprofile.graphql.Description;

/** A caller of our API, or one of our automation policies. */
@Description("Who acted: a caller of the API, or one of our automation policies.")
public enum ActorKind {
    @Description("A caller of the API (actor is their principal name).")
    CALLER,
    @Description("An automation policy (actor names it, e.g. policy:offboarding).")
    POLICY
}
