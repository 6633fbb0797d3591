-- (T-SQL twin of sql/sqlite/0011.)
-- Statutory returns as sources: when a load read a source made by `dashboard import` (the CIN census, SSDA903,
-- Annex A), which returns it held, which SSD tables each filled and how completely, and the elements or rows the
-- import could not place (kept with their location and reason; the row text may name a child, so only analysts see it).
-- An SSD extract records none of these. Never edit this file once landed: add a new script.

CREATE TABLE etl_load_return (
    load_id             BIGINT            NOT NULL REFERENCES etl_load_run (load_id),
    return_name         NVARCHAR(32)      NOT NULL,
    files               NVARCHAR(MAX)     NOT NULL,
    period              NVARCHAR(128)     NOT NULL,
    records             BIGINT            NOT NULL,
    rejected            BIGINT            NOT NULL,
    not_supported       NVARCHAR(MAX)     NULL,
    CONSTRAINT pk_etl_load_return PRIMARY KEY (load_id, return_name)
);

CREATE TABLE etl_load_return_table (
    load_id             BIGINT            NOT NULL REFERENCES etl_load_run (load_id),
    return_name         NVARCHAR(32)      NOT NULL,
    source_table        NVARCHAR(128)     NOT NULL,
    coverage            NVARCHAR(16)      NOT NULL CONSTRAINT ck_etl_load_return_table_coverage CHECK (coverage IN (N'complete', N'latest only')),
    note                NVARCHAR(400)     NULL,
    CONSTRAINT pk_etl_load_return_table PRIMARY KEY (load_id, return_name, source_table)
);

CREATE TABLE etl_load_return_rejection (
    load_id             BIGINT            NOT NULL REFERENCES etl_load_run (load_id),
    rejection_id        BIGINT            NOT NULL,
    return_name         NVARCHAR(32)      NOT NULL,
    file_name           NVARCHAR(260)     NOT NULL,
    line_number         BIGINT            NULL,
    element             NVARCHAR(128)     NULL,
    field               NVARCHAR(128)     NULL,
    reason              NVARCHAR(MAX)     NOT NULL,
    original            NVARCHAR(MAX)     NULL,
    CONSTRAINT pk_etl_load_return_rejection PRIMARY KEY (load_id, rejection_id)
);
