-- Actions on the tenant: the audit log, the offboarding plan, and when each account was first seen disabled.

-- Microsoft Graph does not say when an account was disabled; we only see it at a sync. disabled_since is when a sync
-- (or one of our own writes) first saw the account disabled, and the offboarding grace period counts from there.
-- A trigger keeps it, so every writer agrees. Accounts already disabled now start their grace period now.
alter table directory_user add column disabled_since timestamptz;
update directory_user set disabled_since = now() where not account_enabled;

create function directory_user_track_disabled() returns trigger language plpgsql as $$
begin
    if new.account_enabled then
        new.disabled_since := null;
    elsif tg_op = 'INSERT' then
        new.disabled_since := coalesce(new.disabled_since, now());
    elsif old.account_enabled or old.disabled_since is null then
        new.disabled_since := now();
    else
        new.disabled_since := old.disabled_since;
    end if;
    return new;
end $$;

create trigger directory_user_disabled_since before insert or update on directory_user
    for each row execute function directory_user_track_disabled();

create index directory_user_disabled on directory_user (disabled_since) where not account_enabled and deleted_at is null;

-- Every mutation and every automated action: append-only (enforced below).
create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz not null default clock_timestamp(),
    actor            text        not null,            -- the caller's principal name, or policy:offboarding
    actor_kind       text        not null,            -- CALLER | POLICY
    action           text        not null,            -- UNASSIGN_LICENSE | ASSIGN_LICENSE | CREATE_USER | ...
    dry_run          boolean     not null,
    outcome          text        not null,            -- SUCCEEDED | FAILED
    error_code       text,                            -- the userError code when it failed
    message          text        not null,            -- what happened, for people
    user_id          uuid,                            -- the user acted on
    sku_id           uuid,                            -- the license acted on
    input            jsonb       not null default '{}', -- never a password
    graph_request_id text,                            -- Microsoft Graph's request-id of the write
    correlation_id   uuid        not null,            -- the events of one mutation call or one policy run
    sync_run_id      bigint                           -- the sync run an automated action followed
);

create index audit_event_user on audit_event (user_id, id desc) where user_id is not null;
create index audit_event_action on audit_event (action, id desc);
create index audit_event_correlation on audit_event (correlation_id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end $$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- The offboarding plan made after the latest sync (only the latest is kept; the audit log keeps the history).
create table offboarding_plan (
    id               bigint generated always as identity primary key,
    planned_at       timestamptz not null default now(),
    sync_run_id      bigint,
    mode             text        not null,            -- OFF | DRY_RUN | ENFORCE
    grace_days       integer     not null,
    held_reason      text,                            -- why enforce mode executed nothing this time
    skipped_at       timestamptz,                     -- a later sync could not re-plan ...
    skipped_reason   text                             -- ... and why
);

create table offboarding_plan_item (
    plan_id              bigint      not null references offboarding_plan (id) on delete cascade,
    position             integer     not null,
    user_id              uuid        not null,
    user_principal_name  text        not null,
    display_name         text,
    disabled_since       timestamptz,
    sku_id               uuid        not null,
    sku_part_number      text,
    assigned_by_group_id uuid,                        -- null = a direct assignment
    action               text        not null,        -- REMOVE | NEEDS_GROUP_CHANGE | EXEMPT | WAITING
    reason               text        not null,
    status               text        not null,        -- PLANNED | DONE | FAILED | HELD | NOT_APPLICABLE
    error_code           text,
    error_message        text,
    executed_at          timestamptz,
    audit_event_id       bigint,
    primary key (plan_id, position)
);

create index offboarding_plan_item_action on offboarding_plan_item (plan_id, action, position);
