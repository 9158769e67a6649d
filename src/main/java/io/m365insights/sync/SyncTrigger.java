package io.m365insights.sync;

/** What started a sync run. */
public enum SyncTrigger { SCHEDULE, MANUAL, STARTUP }
