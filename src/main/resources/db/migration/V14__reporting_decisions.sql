-- The seat decision and the savings figures for the reporting schema (reporting.idle_seats, reporting.savings).
-- The decision is made in Java (activity.IdleSeats: the SKU's activity rule, the grace for new seats, sign-ins when
-- nothing else is available) and is not repeated in SQL: after every sync run and every setLicensePrice the service
-- writes the decision for the default window (30 days) into these tables, in one transaction (a failed write keeps
-- the previous decision whole), and the views read them. decision_snapshot says when and for which window.

create table decision_snapshot (
    id          smallint primary key default 1 check (id = 1),
    decided_at  timestamptz not null,
    days        integer not null,
    cause       text not null,
    sync_run_id bigint
);

comment on table decision_snapshot is 'When the seat decision in decision_idle_seat and decision_savings was made (one row; none before the first sync).';

-- Only the idle seats (the decision's outcome); the seats found active, new or undetermined are not kept here.
create table decision_idle_seat (
    sku_id                        uuid not null,
    user_id                       uuid not null,
    last_active_date              date,
    assigned_since                date,
    assigned_since_is_upper_bound boolean not null,
    decided_by                    text not null,
    review_only                   boolean not null,
    evidence                      text not null,
    primary key (sku_id, user_id)
);

create table decision_savings (
    currency             text primary key,
    reassignable_now     numeric not null,
    idle_seats           integer not null,
    reducible_at_renewal numeric not null,
    unassigned_seats     integer not null,
    next_renewal_at      timestamptz,
    exposure             numeric not null,
    review_only          boolean not null
);

create view reporting.idle_seats as
select d.sku_id                           as sku_id,
       s.sku_part_number                  as sku_part_number,
       d.user_id                          as user_id,
       u.user_principal_name              as user_principal_name,
       u.display_name                     as display_name,
       d.last_active_date                 as last_active_date,
       d.assigned_since                   as assigned_since,
       d.assigned_since_is_upper_bound    as assigned_since_is_upper_bound,
       d.decided_by                       as decided_by,
       d.review_only                      as review_only,
       d.evidence                         as evidence,
       h.days                             as days,
       h.decided_at                       as decided_at
from public.decision_idle_seat d
cross join public.decision_snapshot h
left join public.sku s on s.sku_id = d.sku_id
left join public.directory_user u on u.id = d.user_id;

comment on view reporting.idle_seats is 'Idle seats, one row per (SKU, holder), as License.idleSeats decides them for the default window (days): no activity in any available signal of the SKU''s rule, seats assigned within M365_NEW_SEAT_GRACE_DAYS excluded. Decided by the service after each sync run and price change (decided_at); empty before the first sync.';
comment on column reporting.idle_seats.sku_id is 'The SKU (reporting.license_seats.sku_id).';
comment on column reporting.idle_seats.sku_part_number is 'The SKU''s part number, e.g. SPE_E3.';
comment on column reporting.idle_seats.user_id is 'The seat''s holder (reporting.users.user_id).';
comment on column reporting.idle_seats.user_principal_name is 'The holder''s user principal name.';
comment on column reporting.idle_seats.display_name is 'The holder''s display name.';
comment on column reporting.idle_seats.last_active_date is 'The latest activity the deciding signals show; null = none in the data held.';
comment on column reporting.idle_seats.assigned_since is 'When the seat was assigned: the report''s license assign date, else the assignment''s last change (see assigned_since_is_upper_bound).';
comment on column reporting.idle_seats.assigned_since_is_upper_bound is 'true: assigned_since is when the assignment last changed; the seat may be older.';
comment on column reporting.idle_seats.decided_by is 'The signals that decided, separated by ";": the SKU''s available signals, or SIGN_IN when none of them is.';
comment on column reporting.idle_seats.review_only is 'true: the evidence is incomplete (a signal of the SKU unavailable, or only sign-ins decided): review before reclaiming.';
comment on column reporting.idle_seats.evidence is 'Each signal of the SKU''s rule (and SIGN_IN when it decided) as SIGNAL=YYYY-MM-DD (last active), SIGNAL=never or SIGNAL=unavailable, separated by ";".';
comment on column reporting.idle_seats.days is 'The window, in days: a seat is idle with no activity in this many days before the latest day reports cover (today - M365_USAGE_DELAY_DAYS).';
comment on column reporting.idle_seats.decided_at is 'When the decision was made (UTC): after the sync run or price change that preceded it. The seats are as of then.';

create view reporting.savings as
select f.currency                as currency,
       f.reassignable_now        as reassignable_now,
       f.idle_seats              as idle_seats,
       f.reducible_at_renewal    as reducible_at_renewal,
       f.unassigned_seats        as unassigned_seats,
       f.next_renewal_at         as next_renewal_at,
       f.exposure                as exposure,
       f.review_only             as review_only,
       h.days                    as days,
       h.decided_at              as decided_at
from public.decision_savings f
cross join public.decision_snapshot h;

comment on view reporting.savings is 'What seats cost and what could be saved, monthly, one row per currency (amounts of different currencies are never added), at the prices in force when decided: GraphQL''s savings(days). SKUs without a price are in no row. Decided after each sync run and price change (decided_at).';
comment on column reporting.savings.currency is 'ISO 4217 code of every amount in the row.';
comment on column reporting.savings.reassignable_now is 'Monthly cost of the idle seats (reporting.idle_seats of the priced SKUs): a saving now, by taking them back.';
comment on column reporting.savings.idle_seats is 'How many idle seats that is.';
comment on column reporting.savings.reducible_at_renewal is 'Monthly cost of the seats bought but not assigned: a saving when the subscription can be reduced, usually at renewal (next_renewal_at).';
comment on column reporting.savings.unassigned_seats is 'How many unassigned seats that is.';
comment on column reporting.savings.next_renewal_at is 'The soonest next lifecycle date (UTC) of the subscriptions of the SKUs with unassigned seats; null = none known.';
comment on column reporting.savings.exposure is 'Monthly cost of every seat bought, assigned or not.';
comment on column reporting.savings.review_only is 'true: some idle seats were decided without every signal of their rule, or some seats could not be decided: check before acting.';
comment on column reporting.savings.days is 'The idle-seat window the figures use (as reporting.idle_seats.days).';
comment on column reporting.savings.decided_at is 'When the figures were computed (UTC).';

-- V12's default privileges make these views readable by m365_reporting; granted explicitly too, for a role a DBA
-- created after V12 ran without it.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'm365_reporting') then
        grant select on reporting.idle_seats, reporting.savings to m365_reporting;
    end if;
end $$;
