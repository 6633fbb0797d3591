-- Conformed dimensions (T-SQL twin of sql/sqlite/0002). Key 0 in each is the unknown member, used where
-- a reference is missing. Surrogate keys are kept across loads (matched by business key) so unchanged
-- facts never change. The ETL assigns team_key, worker_key and child_key itself (existing members keep
-- theirs, new ones take the next), because facts are staged with those keys before the swap; so they are
-- plain keys, not IDENTITY columns.
-- Never edit this file once landed: add a new script.

CREATE TABLE dim_date (
    date_key            INT               NOT NULL PRIMARY KEY,   -- yyyymmdd; 0 = unknown
    calendar_date       DATE              NOT NULL,
    year                INT               NOT NULL,
    month               INT               NOT NULL,
    day                 INT               NOT NULL,
    year_month          NVARCHAR(7)       NOT NULL,               -- yyyy-mm
    day_of_week         INT               NOT NULL,               -- 1 = Monday .. 7 = Sunday
    is_weekend          INT               NOT NULL,
    is_bank_holiday     INT               NOT NULL,
    bank_holiday_name   NVARCHAR(100)     NULL,
    is_working_day      INT               NOT NULL,
    working_day_number  INT               NOT NULL,               -- running count of working days since 2000-01-01
    financial_year      NVARCHAR(16)      NOT NULL                -- e.g. 2024-25 (April to March)
);
CREATE UNIQUE INDEX ux_dim_date_calendar_date ON dim_date (calendar_date);

CREATE TABLE dim_team (
    team_key            INT               NOT NULL PRIMARY KEY,
    team_id             NVARCHAR(64)      NOT NULL,
    team_name           NVARCHAR(400)     NOT NULL,
    service_area_id     NVARCHAR(64)      NULL,
    service_area_name   NVARCHAR(400)     NULL,
    load_id             BIGINT            NOT NULL,
    row_hash            BIGINT            NOT NULL
);
CREATE UNIQUE INDEX ux_dim_team_team_id ON dim_team (team_id);

-- Type 2: one row per worker per spell in a team (from involvements' team at the time and the
-- worker's current department). valid_to is the last day of the spell; NULL while current.
CREATE TABLE dim_worker (
    worker_key          INT               NOT NULL PRIMARY KEY,
    professional_id     NVARCHAR(64)      NOT NULL,
    staff_id            NVARCHAR(64)      NULL,
    worker_name         NVARCHAR(400)     NOT NULL,
    job_title           NVARCHAR(400)     NULL,
    team_key            INT               NOT NULL,
    fte                 FLOAT             NULL,
    is_agency           INT               NULL,
    caseload            INT               NULL,
    valid_from          DATE              NOT NULL,
    valid_to            DATE              NULL,
    is_current          INT               NOT NULL,
    load_id             BIGINT            NOT NULL,
    row_hash            BIGINT            NOT NULL
);
CREATE UNIQUE INDEX ux_dim_worker_spell ON dim_worker (professional_id, valid_from);

CREATE TABLE dim_child (
    child_key           INT               NOT NULL PRIMARY KEY,
    person_id           NVARCHAR(64)      NOT NULL,
    sex                 NVARCHAR(64)      NULL,
    gender              NVARCHAR(64)      NULL,
    ethnicity           NVARCHAR(64)      NULL,
    date_of_birth       DATE              NULL,
    expected_dob        DATE              NULL,
    death_date          DATE              NULL,
    has_disability      INT               NOT NULL,
    disability_codes    NVARCHAR(400)     NULL,                   -- comma-separated, sorted
    load_id             BIGINT            NOT NULL,
    row_hash            BIGINT            NOT NULL
);
CREATE UNIQUE INDEX ux_dim_child_person_id ON dim_child (person_id);

-- Keys are given by WarehouseSetup (1..n from Core's agency code list), so no IDENTITY here.
CREATE TABLE dim_agency (
    agency_key          INT               NOT NULL PRIMARY KEY,
    agency_code         NVARCHAR(64)      NOT NULL,
    agency_name         NVARCHAR(400)     NOT NULL
);
CREATE UNIQUE INDEX ux_dim_agency_code ON dim_agency (agency_code);

-- Every code list the product uses (DfE CIN census, SSDA903, our extension tables), with labels.
CREATE TABLE dim_code (
    code_list           NVARCHAR(64)      NOT NULL,
    code                NVARCHAR(64)      NOT NULL,
    label               NVARCHAR(400)     NOT NULL,
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
