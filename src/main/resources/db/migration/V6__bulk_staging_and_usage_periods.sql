-- Staging is loaded with COPY: a user listed twice (Graph may repeat one across pages) is kept twice, in arrival
-- order, and the apply step takes the last one, instead of a unique key rejecting the whole batch.
alter table staged_user drop constraint staged_user_pkey;
alter table staged_user add column seq bigint generated always as identity;

-- Distinct active users per whole week (from Monday) and whole month, app and platform, recomputed from the ledger
-- whenever a day of the period is stored: a series reads these for every period its range covers whole, and the
-- ledger only for a partial period at either end of the range.
create table usage_period (
    granularity  text    not null, -- WEEK | MONTH
    period_start date    not null,
    app          text    not null, -- SUITE, OUTLOOK, ...
    platform     text    not null, -- ANY, WINDOWS, MAC, MOBILE, WEB
    active_users integer not null,
    primary key (granularity, period_start, app, platform)
);
