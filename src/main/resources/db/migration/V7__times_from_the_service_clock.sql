-- Times from the service's clock (io.m365insights.config.ClockProducer), not the database's.

-- When an account was first seen disabled now comes from the writer's clock rather than the database's: every writer
-- of directory_user sets updated_at from the service's clock (io.m365insights.config.ClockProducer), and the trigger
-- takes the time from there, so the offboarding grace period counts on the same clock as the rest of the service
-- (tests pin it). A writer that leaves updated_at as it was falls back to the database's now().
create or replace function directory_user_track_disabled() returns trigger language plpgsql as $$
declare
    seen timestamptz := case
        when tg_op = 'UPDATE' and new.updated_at is not distinct from old.updated_at then now()
        else coalesce(new.updated_at, now()) end;
begin
    if new.account_enabled then
        new.disabled_since := null;
    elsif tg_op = 'INSERT' then
        new.disabled_since := coalesce(new.disabled_since, seen);
    elsif old.account_enabled or old.disabled_since is null then
        new.disabled_since := seen;
    else
        new.disabled_since := old.disabled_since;
    end if;
    return new;
end $$;

-- A part's last success is its latest successful run by id (the order runs were started in, whatever clock stamped
-- them), no longer the greatest finished_at: the index follows.
create index sync_run_part_last_succeeded on sync_run_part (part, run_id desc) where status = 'SUCCEEDED';
drop index sync_run_part_succeeded;
