-- The health check and the metrics ask, on every probe and scrape, when each sync part last succeeded:
-- this index answers max(finished_at) per part without reading the whole (ever-growing) run history.
create index sync_run_part_succeeded on sync_run_part (part, finished_at desc) where status = 'SUCCEEDED';
