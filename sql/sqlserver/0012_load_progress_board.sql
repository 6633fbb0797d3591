-- (T-SQL twin of sql/sqlite/0012.)
-- The running load's progress board (docs/warehouse.md, "Progress of a running load"). The load writes it on its own
-- autocommit connection, apart from the swap transaction (which never touches this table), so the data quality page
-- can read where the load is while the swap holds its locks. One row per board (the nightly load writes 'etl').
-- Never edit this file once landed: add a new script.

CREATE TABLE etl_load_progress (
    board_name          NVARCHAR(64)      NOT NULL PRIMARY KEY,
    load_id             BIGINT            NULL,       -- null until the run's etl_load_run row is known
    started_at          DATETIMEOFFSET(3) NOT NULL,   -- UTC
    stage               NVARCHAR(32)      NOT NULL,
    table_name          NVARCHAR(128)     NULL,
    fraction            FLOAT             NOT NULL,   -- 0..1 of the whole run
    updated_at          DATETIMEOFFSET(3) NOT NULL,   -- UTC; the reader calls a board with no update for a while stopped
    host                NVARCHAR(128)     NOT NULL,
    process_id          INT               NOT NULL,
    process_started_at  DATETIMEOFFSET(3) NOT NULL,
    outcome             NVARCHAR(16)      NULL,       -- null while running; succeeded | failed
    finished_at         DATETIMEOFFSET(3) NULL
);
