-- Who holds the ETL lock, as a machine can check it: the host, the process id and that process's start time (a
-- reused pid has a different start time). A run on the same host whose process is gone is taken over at once instead
-- of blocking every later run until the lease expires. NULL on a row written before this script (such a lock lapses
-- with its lease only). Never edit this file once landed: add a new script.

ALTER TABLE etl_lock ADD COLUMN host TEXT NULL;
ALTER TABLE etl_lock ADD COLUMN process_id INTEGER NULL;
ALTER TABLE etl_lock ADD COLUMN process_started_at TEXT NULL;
