-- Repairs: a row whose only fault is an optional field (a close date after the run's date, an unknown optional
-- code) is loaded with that field empty, and the original value is kept in etl_quarantine as a 'repaired' entry.
-- Rejected rows stay 'rejected' (the default, so every earlier entry reads as what it was). rows_quarantined keeps
-- counting rejected rows only, so read = loaded + quarantined still holds; rows_repaired counts loaded rows that
-- had at least one field repaired. Never edit this file once landed: add a new script.

ALTER TABLE etl_quarantine ADD COLUMN outcome TEXT NOT NULL DEFAULT 'rejected' CHECK (outcome IN ('rejected', 'repaired'));

ALTER TABLE etl_load_table ADD COLUMN rows_repaired INTEGER NOT NULL DEFAULT 0;
