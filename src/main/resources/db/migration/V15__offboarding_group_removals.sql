-- Group memberships the offboarding policy removed (groupMode remove-membership, enforce mode). Microsoft 365 takes
-- the inherited licenses away asynchronously (CONTRACT.md §10.5), so a removal stays PENDING_CONFIRMATION until a sync
-- no longer sees a license inherited from the group; CONFIRMED then, or NOT_CONVERGED after
-- m365.offboarding.group-removal-max-syncs syncs. Kept across plans (a plan holds only the latest sync's view).
create table offboarding_group_removal (
    user_id               uuid        not null,
    group_id              uuid        not null,
    status                text        not null, -- PENDING_CONFIRMATION | CONFIRMED | NOT_CONVERGED
    requested_at          timestamptz not null,
    requested_sync_run_id bigint      not null,
    syncs_checked         int         not null default 0,
    settled_at            timestamptz,
    audit_event_id        bigint      not null, -- the REMOVE_GROUP_MEMBER event
    primary key (user_id, group_id)
);
