-- Indicator snapshots and exception rows, computed by the nightly ETL after each load (in the same
-- transaction as the swap) and replaced whole on every run. The dashboard, packs and CLI read these.
-- series is '' for an indicator's headline figure (never NULL: SQL Server's unique index would treat
-- NULLs as equal while SQLite's would not, so one value keeps the two dialects alike); otherwise a named
-- breakdown such as an agency. period is 'yyyy-MM'. Dates are ISO yyyy-mm-dd text.
-- Never edit this file once landed: add a new script.

-- One row per indicator x series x month x scope (council, service_area, team, worker; by business id).
-- value is in the indicator's unit (percent 0-100, count, average); NULL when the denominator is 0 or
-- the indicator is not available, when not_available says why.
CREATE TABLE fact_indicator (
    indicator_id        TEXT    NOT NULL,
    series              TEXT    NOT NULL,      -- '' = the headline
    period              TEXT    NOT NULL,      -- yyyy-MM
    as_at_date          TEXT    NOT NULL,
    scope_level         TEXT    NOT NULL CHECK (scope_level IN ('council', 'service_area', 'team', 'worker')),
    scope_id            TEXT    NOT NULL,
    scope_name          TEXT    NOT NULL,
    numerator           INTEGER NOT NULL,
    denominator         INTEGER NOT NULL,
    value               REAL    NULL,
    not_available       TEXT    NULL,
    load_id             INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_indicator ON fact_indicator (indicator_id, series, period, scope_level, scope_id);

-- The child-level rows behind each failure: who, which team and worker (allocated on the rule's date),
-- what was due and when, and how late. Never shown to councillors.
CREATE TABLE fact_indicator_exception (
    indicator_id        TEXT    NOT NULL,
    series              TEXT    NOT NULL,      -- '' = the headline
    period              TEXT    NOT NULL,      -- yyyy-MM
    rule_date           TEXT    NOT NULL,
    person_id           TEXT    NULL,
    child_key           INTEGER NOT NULL,      -- 0 = unknown member (or no child)
    event_id            TEXT    NULL,
    team_id             TEXT    NOT NULL,
    worker_id           TEXT    NULL,
    service_area_id     TEXT    NOT NULL,
    what_due            TEXT    NOT NULL,
    due_date            TEXT    NULL,
    days_overdue        INTEGER NULL,
    overdue_unit        TEXT    NULL CHECK (overdue_unit IN ('working days', 'days')),
    load_id             INTEGER NOT NULL
);
CREATE INDEX ix_fact_indicator_exception_period ON fact_indicator_exception (indicator_id, period);
CREATE INDEX ix_fact_indicator_exception_person ON fact_indicator_exception (person_id);
