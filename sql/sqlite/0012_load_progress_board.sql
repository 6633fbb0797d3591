-- The running load's progress board (docs/warehouse.md, "Progress of a running load"). Kept in step with the T-SQL
-- twin so both dialects describe one warehouse, but a SQLite warehouse does not write it: its one write lock is held by
-- the load's swap transaction for many seconds, so the SQLite board is a JSON file beside the warehouse instead.
-- One row per board (the nightly load writes 'etl'). Never edit this file once landed: add a new script.

CREATE TABLE etl_load_progress (
    board_name          TEXT    PRIMARY KEY,
    load_id             INTEGER NULL,       -- null until the run's etl_load_run row is known
    started_at          TEXT    NOT NULL,   -- UTC
    stage               TEXT    NOT NULL,   -- Prepare, Extract, Validate, Conform, Stage, Swap, Indicators, Audit
    table_name          TEXT    NULL,
    fraction            REAL    NOT NULL,   -- 0..1 of the whole run
    updated_at          TEXT    NOT NULL,   -- UTC; the reader calls a board with no update for a while stopped
    host                TEXT    NOT NULL,
    process_id          INTEGER NOT NULL,
    process_started_at  TEXT    NOT NULL,
    outcome             TEXT    NULL,       -- null while running; succeeded | failed
    finished_at         TEXT    NULL
);
