package io.m365insights.automation;

/** One line of the offboarding plan: an assignment, what the policy does with it, and why. */
public record PlanItem(Candidate assignment, OffboardingAction action, String reason) {
}
