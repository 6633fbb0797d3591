-- Load audit, quarantine and the run lock (T-SQL twin of sql/sqlite/0001). Never edit this file once
-- landed: add a new script. Same tables, columns, order and nullability as the SQLite script; see
-- docs/warehouse.md for the type mapping. No GO separators are needed (the runner splits on lines
-- holding only GO if a later script has them).

-- One row per ETL run. Written (status 'running') before the run does any work and closed in the
-- same transaction that swaps the new data in; a run that fails is closed as 'failed' separately.
CREATE TABLE etl_load_run (
    load_id             BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    started_at          DATETIMEOFFSET(3) NOT NULL,   -- UTC
    finished_at         DATETIMEOFFSET(3) NULL,
    status              NVARCHAR(16)      NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    trigger_kind        NVARCHAR(32)      NOT NULL,   -- manual | schedule | retry | bench
    source_provider     NVARCHAR(64)      NOT NULL,
    source_description  NVARCHAR(400)     NOT NULL,   -- data source without credentials
    as_of_date          DATE              NOT NULL,   -- the run's "today": no event may be later
    duration_ms         BIGINT            NULL,
    indicator_ms        BIGINT            NULL,
    error_message       NVARCHAR(MAX)     NULL,
    host_name           NVARCHAR(256)     NOT NULL
);

-- Per run and source table: read = loaded + quarantined, always.
CREATE TABLE etl_load_table (
    load_id             BIGINT            NOT NULL REFERENCES etl_load_run (load_id),
    source_table        NVARCHAR(128)     NOT NULL,
    target_table        NVARCHAR(128)     NOT NULL,
    rows_read           BIGINT            NOT NULL,
    rows_loaded         BIGINT            NOT NULL,
    rows_quarantined    BIGINT            NOT NULL,
    rows_inserted       BIGINT            NOT NULL,
    rows_deleted        BIGINT            NOT NULL,
    unknown_references  BIGINT            NOT NULL,
    duration_ms         BIGINT            NOT NULL,
    warning             NVARCHAR(MAX)     NULL,
    PRIMARY KEY (load_id, source_table)
);

-- Every rejected source row, with the rule it broke. The whole row is kept as JSON so nothing is lost.
-- Columns here are wide on purpose: a rejected row may carry any value, and quarantining it must not fail.
-- "rule" is a reserved word in T-SQL: write it quoted ("rule") in SQL that must run on both engines.
CREATE TABLE etl_quarantine (
    quarantine_id       BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    load_id             BIGINT            NOT NULL REFERENCES etl_load_run (load_id),
    source_table        NVARCHAR(128)     NOT NULL,
    business_key        NVARCHAR(400)     NULL,
    field               NVARCHAR(128)     NOT NULL,
    value               NVARCHAR(MAX)     NULL,
    "rule"              NVARCHAR(64)      NOT NULL,
    message             NVARCHAR(MAX)     NOT NULL,
    row_json            NVARCHAR(MAX)     NOT NULL
);
CREATE INDEX ix_etl_quarantine_load ON etl_quarantine (load_id, source_table);

-- At most one ETL run at a time per warehouse. A row here is a held lock; it expires so a killed
-- process cannot block the nightly run for ever.
CREATE TABLE etl_lock (
    lock_name           NVARCHAR(128)     NOT NULL PRIMARY KEY,
    holder              NVARCHAR(256)     NOT NULL,   -- host and process id
    acquired_at         DATETIMEOFFSET(3) NOT NULL,
    expires_at          DATETIMEOFFSET(3) NOT NULL
);
