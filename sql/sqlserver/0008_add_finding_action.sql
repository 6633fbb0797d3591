-- (T-SQL twin of sql/sqlite/0008.)
-- What the service is doing about a finding, in the improvement lead's words: the councillors' pack says it under
-- "What is being done" instead of repeating the finding, and says so when nothing is recorded.
-- Never edit this file once landed: add a new script.

ALTER TABLE app_finding ADD action_taken NVARCHAR(MAX) NULL;
