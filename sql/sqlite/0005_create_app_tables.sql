-- The dashboard's own tables: users and their teams, the access audit, and findings from inspection letters.
-- These are not facts: the web app writes them, the ETL never reads or touches them, and a reload leaves them
-- as they were. app_ ids are assigned by the database. Timestamps are UTC ISO text as this layer writes them
-- (yyyy-MM-ddTHH:mm:ss.fffZ, fixed width so text order is time order); dates are yyyy-MM-dd.
-- Never edit this file once landed: add a new script.

-- One row per person who may sign in. user_name is stored lower-case (sign-in matches case-insensitively by
-- lower-casing what was typed). A failed sign-in counts up; at the limit the account is locked until
-- locked_until and the count starts again.
CREATE TABLE app_user (
    user_id                 INTEGER PRIMARY KEY,
    user_name               TEXT    NOT NULL,
    display_name            TEXT    NOT NULL,
    role                    TEXT    NOT NULL CHECK (role IN ('Director', 'ImprovementLead', 'Manager', 'Councillor', 'Analyst', 'Admin')),
    password_hash           TEXT    NOT NULL,
    is_disabled             INTEGER NOT NULL CHECK (is_disabled IN (0, 1)),
    failed_sign_ins         INTEGER NOT NULL,
    locked_until            TEXT    NULL,
    password_must_change    INTEGER NOT NULL CHECK (password_must_change IN (0, 1)),
    last_sign_in_at         TEXT    NULL,
    created_at              TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_app_user_user_name ON app_user (user_name);

-- The teams (dim_team.team_id, the business id) whose children a user may see.
CREATE TABLE app_user_team (
    user_id                 INTEGER NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    team_id                 TEXT    NOT NULL,
    PRIMARY KEY (user_id, team_id)
);

-- Who looked at or exported what, and sign-ins. resource names the thing ('/children/P123', 'SEEN-01 2026-03');
-- detail is a short note, never the data itself.
CREATE TABLE app_audit (
    audit_id                INTEGER PRIMARY KEY,
    occurred_at             TEXT    NOT NULL,
    user_name               TEXT    NULL,      -- NULL when anonymous
    role                    TEXT    NULL,
    action                  TEXT    NOT NULL,  -- view-child-timeline | view-exceptions | export-exceptions | sign-in | sign-in-failed | denied ...
    resource                TEXT    NOT NULL,
    outcome                 TEXT    NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
    remote_address          TEXT    NULL,
    detail                  TEXT    NULL
);
CREATE INDEX ix_app_audit_occurred_at ON app_audit (occurred_at);

-- A finding from an inspection or monitoring letter, filed under one theme and linked to the indicators it bears on.
CREATE TABLE app_finding (
    finding_id              INTEGER PRIMARY KEY,
    letter_date             TEXT    NOT NULL,
    theme                   TEXT    NOT NULL CHECK (theme IN ('FRONT', 'RISK', 'SEEN', 'PLANS', 'PARTNERS', 'OVERSIGHT', 'WORKFORCE', 'CARE')),
    title                   TEXT    NOT NULL,
    body                    TEXT    NOT NULL,
    created_by              TEXT    NOT NULL,
    created_at              TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL
);

CREATE TABLE app_finding_indicator (
    finding_id              INTEGER NOT NULL REFERENCES app_finding (finding_id) ON DELETE CASCADE,
    indicator_id            TEXT    NOT NULL,
    PRIMARY KEY (finding_id, indicator_id)
);
