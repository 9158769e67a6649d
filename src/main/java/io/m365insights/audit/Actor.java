package io.m365insights.audit;

/** Who acted: a caller of our API (the principal name of their token) or one of our automation policies. */
public record Actor(String name, ActorKind kind) {

    /** The offboarding policy, acting after a sync. */
    public static final Actor OFFBOARDING_POLICY = new Actor("policy:offboarding", ActorKind.POLICY);

    public static Actor caller(String principalName) {
        return new Actor(principalName, ActorKind.CALLER);
    }
}
