-- Load audit, quarantine and the run lock. Never edit this file once landed: add a new script.

-- One row per ETL run. Written (status 'running') before the run does any work and closed in the
-- same transaction that swaps the new data in; a run that fails is closed as 'failed' separately.
CREATE TABLE etl_load_run (
    load_id             INTEGER PRIMARY KEY,
    started_at          TEXT    NOT NULL,   -- UTC, ISO 8601
    finished_at         TEXT    NULL,
    status              TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    trigger_kind        TEXT    NOT NULL,   -- manual | schedule | retry | bench
    source_provider     TEXT    NOT NULL,
    source_description  TEXT    NOT NULL,   -- data source without credentials
    as_of_date          TEXT    NOT NULL,   -- the run's "today": no event may be later
    duration_ms         INTEGER NULL,
    indicator_ms        INTEGER NULL,       -- time spent computing indicators (indicators issue)
    error_message       TEXT    NULL,
    host_name           TEXT    NOT NULL
);

-- Per run and source table: read = loaded + quarantined, always.
CREATE TABLE etl_load_table (
    load_id             INTEGER NOT NULL REFERENCES etl_load_run (load_id),
    source_table        TEXT    NOT NULL,
    target_table        TEXT    NOT NULL,
    rows_read           INTEGER NOT NULL,
    rows_loaded         INTEGER NOT NULL,
    rows_quarantined    INTEGER NOT NULL,
    rows_inserted       INTEGER NOT NULL,   -- new or changed rows written by the swap
    rows_deleted        INTEGER NOT NULL,   -- rows gone from the source or replaced by a changed row
    unknown_references  INTEGER NOT NULL,   -- optional references that did not resolve (unknown member used)
    duration_ms         INTEGER NOT NULL,
    warning             TEXT    NULL,       -- e.g. an empty or absent extension table
    PRIMARY KEY (load_id, source_table)
);

-- Every rejected source row, with the rule it broke. The whole row is kept as JSON so nothing is lost.
CREATE TABLE etl_quarantine (
    quarantine_id       INTEGER PRIMARY KEY,
    load_id             INTEGER NOT NULL REFERENCES etl_load_run (load_id),
    source_table        TEXT    NOT NULL,
    business_key        TEXT    NULL,
    field               TEXT    NOT NULL,
    value               TEXT    NULL,
    rule                TEXT    NOT NULL,   -- required | date_unparseable | date_order | date_future | code_unknown | reference_unresolved | duplicate_key | number_unparseable | flag_unparseable | json_unparseable
    message             TEXT    NOT NULL,
    row_json            TEXT    NOT NULL
);
CREATE INDEX ix_etl_quarantine_load ON etl_quarantine (load_id, source_table);

-- At most one ETL run at a time per warehouse. A row here is a held lock; it expires so a killed
-- process cannot block the nightly run for ever.
CREATE TABLE etl_lock (
    lock_name           TEXT    PRIMARY KEY,
    holder              TEXT    NOT NULL,   -- host and process id
    acquired_at         TEXT    NOT NULL,
    expires_at          TEXT    NOT NULL
);
