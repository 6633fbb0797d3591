-- Statutory returns as sources: when a load read a source made by `dashboard import` (the CIN census, SSDA903,
-- Annex A), which returns it held, which SSD tables each filled and how completely, and the elements or rows the
-- import could not place (kept with their location and reason; the row text may name a child, so only analysts see it).
-- An SSD extract records none of these. Never edit this file once landed: add a new script.

CREATE TABLE etl_load_return (
    load_id             INTEGER NOT NULL REFERENCES etl_load_run (load_id),
    return_name         TEXT    NOT NULL,      -- 'CIN census', 'SSDA903', 'Annex A'
    files               TEXT    NOT NULL,      -- file names joined by '; '
    period              TEXT    NOT NULL,      -- in words: '2021-22 to 2025-26'
    records             INTEGER NOT NULL,
    rejected            INTEGER NOT NULL,
    not_supported       TEXT    NULL,      -- JSON: indicator id to why the return cannot support it
    PRIMARY KEY (load_id, return_name)
);

CREATE TABLE etl_load_return_table (
    load_id             INTEGER NOT NULL REFERENCES etl_load_run (load_id),
    return_name         TEXT    NOT NULL,
    source_table        TEXT    NOT NULL,
    coverage            TEXT    NOT NULL CHECK (coverage IN ('complete', 'latest only')),
    note                TEXT    NULL,
    PRIMARY KEY (load_id, return_name, source_table)
);

CREATE TABLE etl_load_return_rejection (
    load_id             INTEGER NOT NULL REFERENCES etl_load_run (load_id),
    rejection_id        INTEGER NOT NULL,
    return_name         TEXT    NOT NULL,
    file_name           TEXT    NOT NULL,
    line_number         INTEGER NULL,
    element             TEXT    NULL,
    field               TEXT    NULL,
    reason              TEXT    NOT NULL,
    original            TEXT    NULL,
    PRIMARY KEY (load_id, rejection_id)
);
