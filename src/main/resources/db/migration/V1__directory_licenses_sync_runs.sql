-- Users, SKUs, license assignments and sync runs, sized for tenants of 100,000+ users.
-- Flyway owns the schema: never edit a migration that has landed; add the next one.

create extension if not exists pg_trgm;

-- One row per subscribed SKU (GET /subscribedSkus). skuId is the stable key.
create table sku (
    sku_id            uuid primary key,
    subscribed_sku_id text        not null,           -- Graph's id: {accountId}_{skuId}
    sku_part_number   text        not null,
    applies_to        text,                           -- User | Company
    capability_status text        not null,           -- Enabled | Warning | Suspended | Deleted | LockedOut
    enabled_units     integer     not null default 0, -- prepaidUnits.enabled = total
    suspended_units   integer     not null default 0,
    warning_units     integer     not null default 0,
    locked_out_units  integer     not null default 0,
    consumed_units    integer     not null default 0, -- = assigned
    first_seen_at     timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    removed_at        timestamptz                     -- no longer listed by Graph
);

create table sku_service_plan (
    sku_id              uuid not null references sku (sku_id) on delete cascade,
    service_plan_id     uuid not null,
    service_plan_name   text not null,
    provisioning_status text,
    applies_to          text,
    primary key (sku_id, service_plan_id)
);

-- One row per directory user ever seen; users gone from a complete listing keep their row with deleted_at.
create table directory_user (
    id                  uuid primary key,             -- the Entra object id
    user_principal_name text        not null,
    display_name        text,
    mail                text,
    account_enabled     boolean     not null,
    department          text,
    job_title           text,
    usage_location      text,
    created_at          timestamptz,
    first_seen_at       timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz,
    -- sort keys of the users connection (keyset pagination on (key, id))
    sort_name           text generated always as (lower(coalesce(display_name, user_principal_name))) stored,
    sort_upn            text generated always as (lower(user_principal_name)) stored,
    sort_created        timestamptz generated always as (coalesce(created_at, '1970-01-01 00:00:00+00'::timestamptz)) stored
);

create index directory_user_sort_name on directory_user (sort_name, id);
create index directory_user_sort_upn on directory_user (sort_upn, id);
create index directory_user_sort_created on directory_user (sort_created, id);
create index directory_user_department on directory_user (lower(department));
-- text search over name, UPN and mail (ILIKE '%term%')
create index directory_user_search on directory_user
    using gin ((sort_name || ' ' || sort_upn || ' ' || lower(coalesce(mail, ''))) gin_trgm_ops);

-- The user's licenseAssignmentStates: one row per (user, SKU, direct or granting group).
create table license_assignment (
    id                   bigint generated always as identity primary key,
    user_id              uuid        not null references directory_user (id) on delete cascade,
    sku_id               uuid        not null,
    assigned_by_group_id uuid,                        -- null = assigned directly
    state                text,                        -- Active | ActiveWithError | Disabled | Error
    error                text,                        -- CountViolation, ... ; null = none
    disabled_plan_ids    uuid[]      not null default '{}',
    last_updated_at      timestamptz
);

create unique index license_assignment_natural_key
    on license_assignment (user_id, sku_id, coalesce(assigned_by_group_id, '00000000-0000-0000-0000-000000000000'));
create index license_assignment_sku on license_assignment (sku_id, user_id);

-- Every sync run, and each of its parts (licenses, users, ...).
create table sync_run (
    id          bigint generated always as identity primary key,
    trigger     text        not null,                 -- SCHEDULE | MANUAL | STARTUP
    status      text        not null,                 -- RUNNING | SUCCEEDED | PARTIAL | FAILED
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    error       text,
    replica     text
);

create index sync_run_started on sync_run (started_at desc);

create table sync_run_part (
    run_id      bigint      not null references sync_run (id) on delete cascade,
    part        text        not null,                 -- LICENSES | USERS | ...
    status      text        not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    items_read  integer     not null default 0,
    created     integer     not null default 0,
    updated     integer     not null default 0,
    deleted     integer     not null default 0,
    detail      text,
    primary key (run_id, part)
);

-- Staging for a listing in progress: applied to the tables above in one transaction only once the listing is
-- complete, so a listing that fails halfway changes nothing. Unlogged: it is scratch space.
create unlogged table staged_user (
    id                  uuid primary key,
    user_principal_name text    not null,
    display_name        text,
    mail                text,
    account_enabled     boolean not null,
    department          text,
    job_title           text,
    usage_location      text,
    created_at          timestamptz
);

create unlogged table staged_license_assignment (
    user_id              uuid   not null,
    sku_id               uuid   not null,
    assigned_by_group_id uuid,
    state                text,
    error                text,
    disabled_plan_ids    uuid[] not null default '{}',
    last_updated_at      timestamptz
);
