-- Activity signals beyond the Microsoft 365 Apps report (docs/activity-signals.md): per-service activity from the
-- Microsoft 365 active user detail report, Copilot usage snapshots, and sign-in activity. Like the usage ledger, nothing
-- here is deleted because Microsoft stopped serving it: a last-activity date only moves forward.

-- The active user detail report days we hold (getOffice365ActiveUserDetail(date=D)), one row per report day.
create table service_activity_day (
    report_date    date        primary key,
    refresh_date   date,
    row_count      integer     not null,
    concealed_rows integer     not null,
    fetched_at     timestamptz not null default now(),
    run_id         bigint
);

-- Per report name (lower-case UPN, or a 32-hex token when names are concealed) and service: the latest activity any
-- stored day reported, and the license facts of the latest day that listed it.
create table service_activity (
    report_name         text    not null,
    service             text    not null, -- EXCHANGE | ONEDRIVE | SHAREPOINT | TEAMS | YAMMER | SKYPE
    concealed           boolean not null,
    user_id             uuid,             -- the directory user whose UPN it is
    has_license         boolean not null,
    last_activity_date  date,
    license_assign_date date,
    deleted             boolean not null default false,
    last_report_date    date    not null,
    primary key (report_name, service)
);

create index service_activity_user on service_activity (user_id) where user_id is not null;

create unlogged table staged_service_activity (
    report_name         text    not null,
    concealed           boolean not null,
    service             text    not null,
    has_license         boolean not null,
    last_activity_date  date,
    license_assign_date date,
    deleted             boolean not null
);

-- Copilot usage has no per-date variant: one snapshot of getMicrosoft365CopilotUsageUserDetail(period='D7') a day,
-- and what each snapshot said is kept.
create table copilot_snapshot (
    id             bigint generated always as identity primary key,
    taken_on       date        not null unique,
    refresh_date   date,
    row_count      integer     not null,
    concealed_rows integer     not null,
    fetched_at     timestamptz not null default now(),
    run_id         bigint
);

create table copilot_snapshot_row (
    snapshot_id        bigint  not null references copilot_snapshot (id) on delete cascade,
    report_name        text    not null,
    concealed          boolean not null,
    user_id            uuid,
    last_activity_date date,
    chat               date,
    teams              date,
    word               date,
    excel              date,
    powerpoint         date,
    outlook            date,
    onenote            date,
    loop               date,
    primary key (snapshot_id, report_name)
);

create index copilot_snapshot_row_user on copilot_snapshot_row (user_id) where user_id is not null;

-- signInActivity by Entra object id (needs no names: works while reports conceal them). Dates only move forward.
create table sign_in_activity (
    user_id                 uuid        primary key,
    last_sign_in_at         timestamptz,
    last_non_interactive_at timestamptz,
    last_successful_at      timestamptz,
    updated_at              timestamptz not null default now()
);

-- Per source (a sync part): whether its latest attempt could read it and why not, in words an admin can act on.
create table activity_source (
    source          text        primary key, -- SERVICE_ACTIVITY | COPILOT_USAGE | SIGN_INS
    ok              boolean     not null,
    detail          text,
    names_concealed boolean     not null default false,
    checked_at      timestamptz not null default now(),
    last_success_at timestamptz
);

-- Freshness (sync.SyncFreshness) counts PARTIAL parts too (they stored what they could): index them like SUCCEEDED.
create index sync_run_part_fresh on sync_run_part (part, run_id desc) where status in ('SUCCEEDED', 'PARTIAL');
