package io.m365insights.ops;

import java.util.List;

/**
 * The extension point of the usage-coverage metrics: usage analytics provides a bean implementing this (reading its
 * tables, so that every replica reports the same), and {@link UsageCoverageMetrics} publishes the result as
 * {@code m365_usage_days_stored{report}} and {@code m365_usage_days_missing{report}}. Without such a bean those
 * metrics are simply absent.
 */
public interface UsageCoverageSource {

    /** One entry per usage report; called after each sync run and every few minutes, never concurrently. */
    List<UsageCoverage> coverage() throws Exception;
}
