package io.m365insights.sync;

/** The parts of a sync run, in the order they run. */
public enum SyncPartName { LICENSES, SUBSCRIPTIONS, USERS, USAGE }
