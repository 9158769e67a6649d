package io.m365insights.sync;

/** RUNNING, then SUCCEEDED (every part), PARTIAL (some parts failed) or FAILED (all parts failed, or the run). */
public enum SyncRunStatus { RUNNING, SUCCEEDED, PARTIAL, FAILED }
