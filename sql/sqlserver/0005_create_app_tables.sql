-- The dashboard's own tables (T-SQL twin of sql/sqlite/0005): users and their teams, the access audit, and
-- findings from inspection letters. These are not facts: the web app writes them, the ETL never reads or
-- touches them, and a reload leaves them as they were. app_ ids are IDENTITY columns. Same tables, columns,
-- order and nullability as the SQLite script.
-- Never edit this file once landed: add a new script.

-- One row per person who may sign in. user_name is stored lower-case (sign-in matches case-insensitively by
-- lower-casing what was typed). A failed sign-in counts up; at the limit the account is locked until
-- locked_until and the count starts again.
CREATE TABLE app_user (
    user_id                 BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    user_name               NVARCHAR(256)     NOT NULL,
    display_name            NVARCHAR(400)     NOT NULL,
    role                    NVARCHAR(32)      NOT NULL CHECK (role IN ('Director', 'ImprovementLead', 'Manager', 'Councillor', 'Analyst', 'Admin')),
    password_hash           NVARCHAR(400)     NOT NULL,
    is_disabled             INT               NOT NULL CHECK (is_disabled IN (0, 1)),
    failed_sign_ins         INT               NOT NULL,
    locked_until            DATETIMEOFFSET(3) NULL,
    password_must_change    INT               NOT NULL CHECK (password_must_change IN (0, 1)),
    last_sign_in_at         DATETIMEOFFSET(3) NULL,
    created_at              DATETIMEOFFSET(3) NOT NULL,
    updated_at              DATETIMEOFFSET(3) NOT NULL
);
CREATE UNIQUE INDEX ux_app_user_user_name ON app_user (user_name);

-- The teams (dim_team.team_id, the business id) whose children a user may see.
CREATE TABLE app_user_team (
    user_id                 BIGINT            NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    team_id                 NVARCHAR(64)      NOT NULL,
    PRIMARY KEY (user_id, team_id)
);

-- Who looked at or exported what, and sign-ins. resource names the thing ('/children/P123', 'SEEN-01 2026-03');
-- detail is a short note, never the data itself.
CREATE TABLE app_audit (
    audit_id                BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    occurred_at             DATETIMEOFFSET(3) NOT NULL,
    user_name               NVARCHAR(256)     NULL,      -- NULL when anonymous
    role                    NVARCHAR(32)      NULL,
    action                  NVARCHAR(64)      NOT NULL,  -- view-child-timeline | view-exceptions | export-exceptions | sign-in | sign-in-failed | denied ...
    resource                NVARCHAR(400)     NOT NULL,
    outcome                 NVARCHAR(16)      NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
    remote_address          NVARCHAR(64)      NULL,
    detail                  NVARCHAR(1000)    NULL
);
CREATE INDEX ix_app_audit_occurred_at ON app_audit (occurred_at);

-- A finding from an inspection or monitoring letter, filed under one theme and linked to the indicators it bears on.
CREATE TABLE app_finding (
    finding_id              BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    letter_date             DATE              NOT NULL,
    theme                   NVARCHAR(16)      NOT NULL CHECK (theme IN ('FRONT', 'RISK', 'SEEN', 'PLANS', 'PARTNERS', 'OVERSIGHT', 'WORKFORCE', 'CARE')),
    title                   NVARCHAR(400)     NOT NULL,
    body                    NVARCHAR(MAX)     NOT NULL,
    created_by              NVARCHAR(256)     NOT NULL,
    created_at              DATETIMEOFFSET(3) NOT NULL,
    updated_at              DATETIMEOFFSET(3) NOT NULL
);

CREATE TABLE app_finding_indicator (
    finding_id              BIGINT            NOT NULL REFERENCES app_finding (finding_id) ON DELETE CASCADE,
    indicator_id            NVARCHAR(32)      NOT NULL,
    PRIMARY KEY (finding_id, indicator_id)
);
