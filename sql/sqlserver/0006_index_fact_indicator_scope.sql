-- (T-SQL twin of sql/sqlite/0006.) Indexes for the dashboard's reads. The overview reads every indicator's headline for one scope (the council,
-- a service area or a team) over two years; the unique index leads with indicator_id, so without this one that
-- read scans millions of rows in a large council. The exception list reads one indicator and month, often for
-- one team (a manager's), and pages through it.
-- Never edit this file once landed: add a new script.

CREATE INDEX ix_fact_indicator_scope ON fact_indicator (scope_level, scope_id, period);
CREATE INDEX ix_fact_indicator_exception_team ON fact_indicator_exception (indicator_id, period, team_id);
