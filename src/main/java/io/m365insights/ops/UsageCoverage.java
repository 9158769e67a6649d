package io.m365insights.ops;

/**
 * How complete the stored usage history of one report is: the days stored, and the days missing within the window
 * usage analytics expects to hold (e.g. a day Microsoft Graph did not deliver). Computed by the usage code.
 */
public record UsageCoverage(String report, int daysStored, int daysMissing) {
}
