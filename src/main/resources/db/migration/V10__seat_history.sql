-- Seat history: when each user's assignment of each SKU (direct, or through which group) appeared and went, as the
-- syncs saw it, and our own assignments and removals. Append-only, so "assigned since", "removed" and "reclaimed"
-- are facts, not guesses. The first sync of an install sees assignments whose start it cannot know: FIRST_SEEN.
create table seat_event (
    id                    bigint generated always as identity primary key,
    occurred_at           timestamptz not null,
    user_id               uuid        not null,
    sku_id                uuid        not null,
    assigned_by_group_id  uuid,                        -- null = direct
    kind                  text        not null,
    source                text        not null,
    sync_run_id           bigint,
    constraint seat_event_kind check (kind in ('FIRST_SEEN', 'ASSIGNED', 'REMOVED', 'RECLAIMED')),
    constraint seat_event_source check (source in ('SYNC', 'ACTION'))
);

create index seat_event_sku_day on seat_event (sku_id, occurred_at);
create index seat_event_assignment on seat_event (user_id, sku_id, id desc);

create function seat_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'seat_event is append-only: % is not allowed', tg_op;
end $$;

create trigger seat_event_no_update before update or delete on seat_event
    for each row execute function seat_event_append_only();
create trigger seat_event_no_truncate before truncate on seat_event
    for each statement execute function seat_event_append_only();
