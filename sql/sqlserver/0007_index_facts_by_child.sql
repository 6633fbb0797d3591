-- (T-SQL twin of sql/sqlite/0007.)
-- Indexes for reading one child: the dashboard's child timeline, the managers' check of which teams worked with
-- a child, and the Annex A lists all look facts up by child_key. Without them each read scans every fact table,
-- seconds per page in a large council. They cost the nightly load a little on inserts (docs/performance.md).
-- Never edit this file once landed: add a new script.

CREATE INDEX ix_fact_contact_child ON fact_contact (child_key);
CREATE INDEX ix_fact_early_help_episode_child ON fact_early_help_episode (child_key);
CREATE INDEX ix_fact_referral_child ON fact_referral (child_key);
CREATE INDEX ix_fact_involvement_child ON fact_involvement (child_key);
CREATE INDEX ix_fact_assessment_child ON fact_assessment (child_key);
CREATE INDEX ix_fact_cin_plan_child ON fact_cin_plan (child_key);
CREATE INDEX ix_fact_cin_visit_child ON fact_cin_visit (child_key);
CREATE INDEX ix_fact_s47_enquiry_child ON fact_s47_enquiry (child_key);
CREATE INDEX ix_fact_strategy_discussion_child ON fact_strategy_discussion (child_key);
CREATE INDEX ix_fact_meeting_attendance_child ON fact_meeting_attendance (child_key);
CREATE INDEX ix_fact_icpc_child ON fact_icpc (child_key);
CREATE INDEX ix_fact_cp_plan_child ON fact_cp_plan (child_key);
CREATE INDEX ix_fact_cp_visit_child ON fact_cp_visit (child_key);
CREATE INDEX ix_fact_cp_review_child ON fact_cp_review (child_key);
CREATE INDEX ix_fact_cla_episode_child ON fact_cla_episode (child_key);
CREATE INDEX ix_fact_placement_child ON fact_placement (child_key);
CREATE INDEX ix_fact_cla_visit_child ON fact_cla_visit (child_key);
CREATE INDEX ix_fact_cla_review_child ON fact_cla_review (child_key);
CREATE INDEX ix_fact_legal_status_child ON fact_legal_status (child_key);
CREATE INDEX ix_fact_care_leaver_status_child ON fact_care_leaver_status (child_key);
CREATE INDEX ix_fact_oversight_child ON fact_oversight (child_key);
