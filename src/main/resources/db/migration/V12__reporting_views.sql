-- The reporting schema: flat views for tools that speak SQL (Metabase, Tableau, Looker Studio, Excel), and a read-only
-- role that may read them and nothing else. The views are a contract like the GraphQL schema: their columns are listed
-- in docs/reporting-views.md (generated from information_schema; ReportingViewsFileTest fails when they differ).
-- Add columns freely; rename or remove only with a new view. Views run with their owner's rights, so the role needs
-- no privilege on the tables beneath them (and has none).

create schema reporting;
comment on schema reporting is 'm365-insights: flat, documented views for BI tools (docs/bi.md). A contract: columns are added, never renamed.';

-- ---- Usage: distinct active users per period, app and platform (the GraphQL usage series, same numbers) ----

-- usage_daily is written whole for every stored day: one row per (app, platform), 0 when nobody was active; days
-- without report data have no rows (a gap, not a zero).
create view reporting.usage_daily as
select d.report_date                   as day,
       d.app                           as app,
       nullif(d.platform, 'ANY')       as platform,
       d.active_users                  as active_users
from public.usage_daily d;

comment on view reporting.usage_daily is 'Distinct active users per stored report day, app and platform (Microsoft 365 Apps usage report). One row per (day, app, platform) for every day with report data; days without data have no rows.';
comment on column reporting.usage_daily.day is 'The report day (ISO date).';
comment on column reporting.usage_daily.app is 'SUITE (any of Outlook, Word, Excel, PowerPoint, OneNote; never Teams), OUTLOOK, WORD, EXCEL, POWERPOINT, ONENOTE or TEAMS: the GraphQL UsageApp names.';
comment on column reporting.usage_daily.platform is 'WINDOWS, MAC, MOBILE or WEB; null = any platform (not the sum of the platforms: one person may use several).';
comment on column reporting.usage_daily.active_users is 'People with the app (on the platform) active that day; 0 when nobody was.';

-- usage_period holds whole weeks and months, counted over all their stored days when a day is stored.
create view reporting.usage_weekly as
select p.period_start              as week_start,
       p.app                       as app,
       nullif(p.platform, 'ANY')   as platform,
       p.active_users              as active_users
from public.usage_period p
where p.granularity = 'WEEK';

comment on view reporting.usage_weekly is 'Distinct active users per ISO week (Monday to Sunday), app and platform, over the week''s stored days: someone active on three days of a week counts once. Weeks without report data have no rows.';
comment on column reporting.usage_weekly.week_start is 'The Monday the week starts on.';
comment on column reporting.usage_weekly.app is 'As in usage_daily.';
comment on column reporting.usage_weekly.platform is 'As in usage_daily: null = any platform.';
comment on column reporting.usage_weekly.active_users is 'Distinct people active on at least one stored day of the week.';

create view reporting.usage_monthly as
select p.period_start              as month_start,
       p.app                       as app,
       nullif(p.platform, 'ANY')   as platform,
       p.active_users              as active_users
from public.usage_period p
where p.granularity = 'MONTH';

comment on view reporting.usage_monthly is 'Distinct active users per calendar month, app and platform, over the month''s stored days. Months without report data have no rows.';
comment on column reporting.usage_monthly.month_start is 'The 1st of the month.';
comment on column reporting.usage_monthly.app is 'As in usage_daily.';
comment on column reporting.usage_monthly.platform is 'As in usage_daily: null = any platform.';
comment on column reporting.usage_monthly.active_users is 'Distinct people active on at least one stored day of the month.';

-- ---- Users, with their licenses and last activity (what GraphQL's User gives) ----

create view reporting.users as
with latest as (
    -- per-user usage is unknown while the latest stored day conceals names (as in the API's usageStatus)
    select r.report_date as day, (r.concealed_rows > 0 and r.concealed_rows * 2 >= r.row_count) as concealed
    from public.usage_report_day r order by r.report_date desc limit 1
)
select u.id                                   as user_id,
       u.user_principal_name                  as user_principal_name,
       u.display_name                         as display_name,
       u.mail                                 as mail,
       u.account_enabled                      as account_enabled,
       u.department                           as department,
       u.job_title                            as job_title,
       u.usage_location                       as usage_location,
       u.created_at                           as created_at,
       u.deleted_at                           as deleted_at,
       u.disabled_since                       as disabled_since,
       case when latest.day is null then 'NO_DATA'
            when latest.concealed then 'CONCEALED'
            when a.user_id is null then 'NOT_IN_REPORTS'
            else 'AVAILABLE' end              as usage_status,
       case when latest.concealed then null else a.last_activity_date end   as last_activity_date,
       case when latest.concealed then null else a.last_activation_date end as last_activation_date,
       coalesce(l.license_count, 0)           as license_count,
       l.sku_part_numbers                     as sku_part_numbers
from public.directory_user u
left join latest on true
left join lateral (
    select i.user_id, max(i.last_activity_date) as last_activity_date, max(i.last_activation_date) as last_activation_date
    from public.usage_identity i where i.user_id = u.id group by i.user_id
) a on true
left join lateral (
    select count(distinct la.sku_id)::integer as license_count,
           string_agg(distinct coalesce(s.sku_part_number, la.sku_id::text), ';' order by coalesce(s.sku_part_number, la.sku_id::text)) as sku_part_numbers
    from public.license_assignment la left join public.sku s on s.sku_id = la.sku_id
    where la.user_id = u.id
) l on true;

comment on view reporting.users is 'Every directory user ever seen (deleted ones with deleted_at), with their licenses and last activity. One row per user.';
comment on column reporting.users.user_id is 'The Entra ID object id.';
comment on column reporting.users.user_principal_name is 'The user principal name (sign-in name).';
comment on column reporting.users.display_name is 'Display name.';
comment on column reporting.users.mail is 'Primary e-mail address.';
comment on column reporting.users.account_enabled is 'false: the account is disabled (cannot sign in).';
comment on column reporting.users.department is 'Department, as in Entra ID.';
comment on column reporting.users.job_title is 'Job title, as in Entra ID.';
comment on column reporting.users.usage_location is 'Two-letter country code; required before a license can be assigned.';
comment on column reporting.users.created_at is 'When the account was created in Entra ID (UTC).';
comment on column reporting.users.deleted_at is 'When a complete sync last found the user gone (UTC); null = exists.';
comment on column reporting.users.disabled_since is 'When the account was first seen disabled (UTC); null = enabled.';
comment on column reporting.users.usage_status is 'AVAILABLE, NOT_IN_REPORTS (no report row names this user), CONCEALED (the tenant hides names in reports: per-user usage unknown) or NO_DATA (no usage synced yet).';
comment on column reporting.users.last_activity_date is 'The latest day with activity in any of the six apps; null = never active in the stored history, or unknown (see usage_status). Activation is not activity.';
comment on column reporting.users.last_activation_date is 'The latest Microsoft 365 apps activation, as the report gives it.';
comment on column reporting.users.license_count is 'Distinct SKUs the user holds (directly or through a group).';
comment on column reporting.users.sku_part_numbers is 'Those SKUs'' part numbers, sorted, separated by ";" (null = none). One row per assignment: user_licenses.';

create view reporting.user_licenses as
select la.user_id                                   as user_id,
       u.user_principal_name                        as user_principal_name,
       la.sku_id                                    as sku_id,
       s.sku_part_number                            as sku_part_number,
       la.assigned_by_group_id is null              as direct,
       la.assigned_by_group_id                      as assigned_by_group_id,
       la.state                                     as state,
       la.error                                     as error
from public.license_assignment la
join public.directory_user u on u.id = la.user_id
left join public.sku s on s.sku_id = la.sku_id;

comment on view reporting.user_licenses is 'License assignments: one row per (user, SKU, direct or granting group); a user may hold the same SKU both ways.';
comment on column reporting.user_licenses.user_id is 'The user (reporting.users.user_id).';
comment on column reporting.user_licenses.user_principal_name is 'The user''s principal name.';
comment on column reporting.user_licenses.sku_id is 'The SKU (reporting.license_seats.sku_id).';
comment on column reporting.user_licenses.sku_part_number is 'The SKU''s part number (e.g. SPE_E3); null when Microsoft Graph does not list the SKU.';
comment on column reporting.user_licenses.direct is 'true: assigned to the user directly; false: inherited from a group (remove it there).';
comment on column reporting.user_licenses.assigned_by_group_id is 'The group granting it; null = direct.';
comment on column reporting.user_licenses.state is 'Active, ActiveWithError, Disabled or Error, as Microsoft Graph reports it.';
comment on column reporting.user_licenses.error is 'The assignment error (e.g. CountViolation); null = none.';

-- ---- Seats per SKU (the GraphQL License counts) ----

create view reporting.license_seats as
select s.sku_id                                            as sku_id,
       s.sku_part_number                                   as sku_part_number,
       s.capability_status                                 as capability_status,
       s.enabled_units                                     as total,
       s.consumed_units                                    as assigned,
       greatest(s.enabled_units - s.consumed_units, 0)     as unassigned,
       greatest(s.consumed_units - s.enabled_units, 0)     as over_assigned,
       s.suspended_units                                   as suspended,
       s.warning_units                                     as warning,
       s.locked_out_units                                  as locked_out
from public.sku s
where s.removed_at is null;

comment on view reporting.license_seats is 'Every SKU the tenant subscribes to now, one row each, with its seats.';
comment on column reporting.license_seats.sku_id is 'The SKU id (stable).';
comment on column reporting.license_seats.sku_part_number is 'The SKU''s part number, e.g. SPE_E3.';
comment on column reporting.license_seats.capability_status is 'Enabled, Warning, Suspended, Deleted or LockedOut.';
comment on column reporting.license_seats.total is 'Seats bought (prepaidUnits.enabled).';
comment on column reporting.license_seats.assigned is 'Seats assigned (consumedUnits).';
comment on column reporting.license_seats.unassigned is 'total - assigned, never below 0.';
comment on column reporting.license_seats.over_assigned is 'assigned - total when more seats are in use than bought, else 0.';
comment on column reporting.license_seats.suspended is 'Suspended units.';
comment on column reporting.license_seats.warning is 'Units in warning (grace period).';
comment on column reporting.license_seats.locked_out is 'Locked-out units.';

-- ---- The read-only role: SELECT on the reporting views, nothing else ----
-- NOLOGIN: a DBA grants it to a login (docs/bi.md). Creating a role needs CREATEROLE; when the migrating user lacks it
-- and no DBA created the role beforehand, the grants are left to the DBA (the same statements, in docs/bi.md).

revoke all on schema reporting from public;

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'm365_reporting') then
        if exists (select 1 from pg_roles where rolname = current_user and (rolcreaterole or rolsuper)) then
            create role m365_reporting nologin;
        else
            raise warning 'role m365_reporting not created (% may not create roles): a DBA creates it and grants it SELECT on schema reporting, see docs/bi.md', current_user;
            return;
        end if;
    end if;
    grant usage on schema reporting to m365_reporting;
    grant select on all tables in schema reporting to m365_reporting;
    -- views added by later migrations are readable too
    alter default privileges in schema reporting grant select on tables to m365_reporting;
end $$;
