-- Conformed dimensions. Key 0 in each is the unknown member, used where a reference is missing.
-- Surrogate keys are kept across loads (matched by business key) so unchanged facts never change.
-- Never edit this file once landed: add a new script.

CREATE TABLE dim_date (
    date_key            INTEGER PRIMARY KEY,   -- yyyymmdd; 0 = unknown
    calendar_date       TEXT    NOT NULL,      -- ISO yyyy-mm-dd
    year                INTEGER NOT NULL,
    month               INTEGER NOT NULL,
    day                 INTEGER NOT NULL,
    year_month          TEXT    NOT NULL,      -- yyyy-mm
    day_of_week         INTEGER NOT NULL,      -- 1 = Monday .. 7 = Sunday
    is_weekend          INTEGER NOT NULL,
    is_bank_holiday     INTEGER NOT NULL,
    bank_holiday_name   TEXT    NULL,
    is_working_day      INTEGER NOT NULL,
    working_day_number  INTEGER NOT NULL,      -- running count of working days since 2000-01-01
    financial_year      TEXT    NOT NULL       -- e.g. 2024-25 (April to March)
);
CREATE UNIQUE INDEX ux_dim_date_calendar_date ON dim_date (calendar_date);

CREATE TABLE dim_team (
    team_key            INTEGER PRIMARY KEY,
    team_id             TEXT    NOT NULL,
    team_name           TEXT    NOT NULL,
    service_area_id     TEXT    NULL,
    service_area_name   TEXT    NULL,
    load_id             INTEGER NOT NULL,
    row_hash            INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_dim_team_team_id ON dim_team (team_id);

-- Type 2: one row per worker per spell in a team (from involvements' team at the time and the
-- worker's current department). valid_to is the last day of the spell; NULL while current.
CREATE TABLE dim_worker (
    worker_key          INTEGER PRIMARY KEY,
    professional_id     TEXT    NOT NULL,
    staff_id            TEXT    NULL,
    worker_name         TEXT    NOT NULL,
    job_title           TEXT    NULL,
    team_key            INTEGER NOT NULL,
    fte                 REAL    NULL,
    is_agency           INTEGER NULL,
    caseload            INTEGER NULL,
    valid_from          TEXT    NOT NULL,
    valid_to            TEXT    NULL,
    is_current          INTEGER NOT NULL,
    load_id             INTEGER NOT NULL,
    row_hash            INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_dim_worker_spell ON dim_worker (professional_id, valid_from);

CREATE TABLE dim_child (
    child_key           INTEGER PRIMARY KEY,
    person_id           TEXT    NOT NULL,
    sex                 TEXT    NULL,
    gender              TEXT    NULL,
    ethnicity           TEXT    NULL,
    date_of_birth       TEXT    NULL,
    expected_dob        TEXT    NULL,
    death_date          TEXT    NULL,
    has_disability      INTEGER NOT NULL,
    disability_codes    TEXT    NULL,          -- comma-separated, sorted
    load_id             INTEGER NOT NULL,
    row_hash            INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_dim_child_person_id ON dim_child (person_id);

CREATE TABLE dim_agency (
    agency_key          INTEGER PRIMARY KEY,
    agency_code         TEXT    NOT NULL,
    agency_name         TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_dim_agency_code ON dim_agency (agency_code);

-- Every code list the product uses (DfE CIN census, SSDA903, our extension tables), with labels.
CREATE TABLE dim_code (
    code_list           TEXT    NOT NULL,
    code                TEXT    NOT NULL,
    label               TEXT    NOT NULL,
    PRIMARY KEY (code_list, code)
);

INSERT INTO dim_date (date_key, calendar_date, year, month, day, year_month, day_of_week, is_weekend,
    is_bank_holiday, bank_holiday_name, is_working_day, working_day_number, financial_year)
VALUES (0, '1900-01-01', 1900, 1, 1, '1900-01', 1, 0, 0, NULL, 0, 0, 'unknown');
INSERT INTO dim_team (team_key, team_id, team_name, service_area_id, service_area_name, load_id, row_hash)
VALUES (0, '(unknown)', 'Unknown team', NULL, 'Unknown', 0, 0);
INSERT INTO dim_worker (worker_key, professional_id, staff_id, worker_name, job_title, team_key, fte, is_agency,
    caseload, valid_from, valid_to, is_current, load_id, row_hash)
VALUES (0, '(unknown)', NULL, 'Unknown worker', NULL, 0, NULL, NULL, NULL, '1900-01-01', NULL, 1, 0, 0);
INSERT INTO dim_child (child_key, person_id, sex, gender, ethnicity, date_of_birth, expected_dob, death_date,
    has_disability, disability_codes, load_id, row_hash)
VALUES (0, '(unknown)', NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, 0);
INSERT INTO dim_agency (agency_key, agency_code, agency_name) VALUES (0, '(unknown)', 'Unknown agency');
