package io.m365insights.audit;

/** A caller of our API, or one of our automation policies. */
public enum ActorKind { CALLER, POLICY }
