-- (T-SQL twin of sql/sqlite/0010.)
-- Repairs: a row whose only fault is an optional field (a close date after the run's date, an unknown optional
-- code) is loaded with that field empty, and the original value is kept in etl_quarantine as a 'repaired' entry.
-- Rejected rows stay 'rejected' (the default, so every earlier entry reads as what it was). rows_quarantined keeps
-- counting rejected rows only, so read = loaded + quarantined still holds; rows_repaired counts loaded rows that
-- had at least one field repaired. Never edit this file once landed: add a new script.
-- The constraints are named so a later script can drop them.

ALTER TABLE etl_quarantine ADD outcome NVARCHAR(16) NOT NULL
    CONSTRAINT df_etl_quarantine_outcome DEFAULT N'rejected'
    CONSTRAINT ck_etl_quarantine_outcome CHECK (outcome IN (N'rejected', N'repaired'));

ALTER TABLE etl_load_table ADD rows_repaired BIGINT NOT NULL
    CONSTRAINT df_etl_load_table_rows_repaired DEFAULT 0;
