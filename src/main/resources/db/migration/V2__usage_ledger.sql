-- Usage analytics: a daily user x app x platform ledger from the Microsoft 365 Apps usage report
-- (getM365AppUserDetail), kept beyond Microsoft's 28-day window.

-- Who a report row is about: a user principal name (lower case), a concealed name (32 hex digits), or
-- "(Unknown)#n" (the n-th unattributed row of a day). Mapped to a directory user when the UPN matches one.
create table usage_identity (
    id                   integer generated always as identity primary key,
    report_name          text    not null unique,
    concealed            boolean not null,
    user_id              uuid,
    last_activity_date   date,   -- latest activity: the report's "Last Activity Date" or a stored day with any app
    last_activation_date date    -- shown as is: activation is not activity
);

create index usage_identity_user on usage_identity (user_id) where user_id is not null;

-- The ledger: one row per identity and month; each flag column is a bitmask of the month's days (bit d-1 = day d).
-- About 100 bytes per identity-month: 100,000 users x 12 months is ~1.2M rows a year. "present" marks the days on
-- which the identity had a row in the report (active or not).
create table usage_month (
    month       date    not null,   -- the 1st of the month
    identity_id integer not null references usage_identity (id),
    present     integer not null default 0,
    outlook            integer not null default 0,
    word               integer not null default 0,
    excel              integer not null default 0,
    powerpoint         integer not null default 0,
    onenote            integer not null default 0,
    teams              integer not null default 0,
    windows            integer not null default 0,
    mac                integer not null default 0,
    mobile             integer not null default 0,
    web                integer not null default 0,
    outlook_windows    integer not null default 0,
    outlook_mac        integer not null default 0,
    outlook_mobile     integer not null default 0,
    outlook_web        integer not null default 0,
    word_windows       integer not null default 0,
    word_mac           integer not null default 0,
    word_mobile        integer not null default 0,
    word_web           integer not null default 0,
    excel_windows      integer not null default 0,
    excel_mac          integer not null default 0,
    excel_mobile       integer not null default 0,
    excel_web          integer not null default 0,
    powerpoint_windows integer not null default 0,
    powerpoint_mac     integer not null default 0,
    powerpoint_mobile  integer not null default 0,
    powerpoint_web     integer not null default 0,
    onenote_windows    integer not null default 0,
    onenote_mac        integer not null default 0,
    onenote_mobile     integer not null default 0,
    onenote_web        integer not null default 0,
    teams_windows      integer not null default 0,
    teams_mac          integer not null default 0,
    teams_mobile       integer not null default 0,
    teams_web          integer not null default 0,
    primary key (month, identity_id)
) with (fillfactor = 90);

create index usage_month_identity on usage_month (identity_id, month);

-- The days we hold, one row per report day.
create table usage_report_day (
    report_date    date        primary key,
    refresh_date   date,
    row_count      integer     not null,
    concealed_rows integer     not null,
    unmatched_rows integer     not null, -- named rows whose UPN matches no directory user (deleted users, "(Unknown)")
    fetched_at     timestamptz not null default now(),
    run_id         bigint
);

-- Distinct active users per day, app and platform, computed when a day is stored (a day needs no union of days).
-- app: SUITE, OUTLOOK, ...; platform: ANY, WINDOWS, MAC, MOBILE, WEB.
create table usage_daily (
    report_date  date    not null,
    app          text    not null,
    platform     text    not null,
    active_users integer not null,
    primary key (report_date, app, platform)
);

-- When report requests were sent, per report function: the sliding window that paces them below Microsoft's
-- throttling limit, shared by every replica.
create table report_request (
    report       text        not null,
    requested_at timestamptz not null
);

create index report_request_recent on report_request (report, requested_at desc);

-- Small facts about usage syncing (e.g. the tenant's concealed-names setting as last read).
create table usage_state (
    key        text primary key,
    value      text,
    updated_at timestamptz not null default now()
);

-- Staging for one report day being read: applied to the tables above in one transaction once the file is read whole.
create unlogged table staged_usage_row (
    report_name          text    not null,
    concealed            boolean not null,
    flags                bigint  not null,
    last_activity_date   date,
    last_activation_date date
);
