-- Indicator snapshots and exception rows (T-SQL twin of sql/sqlite/0004), computed by the nightly ETL after
-- each load (in the same transaction as the swap) and replaced whole on every run.
-- series is '' for an indicator's headline figure, never NULL: a unique index here treats NULLs as equal
-- while SQLite's does not, so one value keeps the two dialects alike. period is 'yyyy-MM'.
-- Never edit this file once landed: add a new script.

CREATE TABLE fact_indicator (
    indicator_id        NVARCHAR(32)  NOT NULL,
    series              NVARCHAR(64)  NOT NULL,
    period              CHAR(7)       NOT NULL,
    as_at_date          DATE          NOT NULL,
    scope_level         NVARCHAR(16)  NOT NULL CHECK (scope_level IN ('council', 'service_area', 'team', 'worker')),
    scope_id            NVARCHAR(64)  NOT NULL,
    scope_name          NVARCHAR(256) NOT NULL,
    numerator           INT           NOT NULL,
    denominator         INT           NOT NULL,
    value               DECIMAL(19,6) NULL,
    not_available       NVARCHAR(400) NULL,
    load_id             BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_indicator ON fact_indicator (indicator_id, series, period, scope_level, scope_id);

CREATE TABLE fact_indicator_exception (
    indicator_id        NVARCHAR(32)  NOT NULL,
    series              NVARCHAR(64)  NOT NULL,
    period              CHAR(7)       NOT NULL,
    rule_date           DATE          NOT NULL,
    person_id           NVARCHAR(64)  NULL,
    child_key           INT           NOT NULL,
    event_id            NVARCHAR(64)  NULL,
    team_id             NVARCHAR(64)  NOT NULL,
    worker_id           NVARCHAR(64)  NULL,
    service_area_id     NVARCHAR(64)  NOT NULL,
    what_due            NVARCHAR(400) NOT NULL,
    due_date            DATE          NULL,
    days_overdue        INT           NULL,
    overdue_unit        NVARCHAR(16)  NULL CHECK (overdue_unit IN ('working days', 'days')),
    load_id             BIGINT        NOT NULL
);
CREATE INDEX ix_fact_indicator_exception_period ON fact_indicator_exception (indicator_id, period);
CREATE INDEX ix_fact_indicator_exception_person ON fact_indicator_exception (person_id);
