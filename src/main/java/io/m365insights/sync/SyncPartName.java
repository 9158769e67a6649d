package io.m365insights.sync;

/**
 * The parts of a sync run, in the order they run. The activity signals come after users and licenses, sign-ins last:
 * their slow, paced listing (10 requests a minute) never delays the directory.
 */
public enum SyncPartName { LICENSES, SUBSCRIPTIONS, GROUPS, USERS, USAGE, SERVICE_ACTIVITY, COPILOT_USAGE, SIGN_INS }
