-- Facts at the grain of each event (T-SQL twin of sql/sqlite/0003). Each keeps its source business key
-- (unique), the dimension keys (0 = unknown member), dates as date keys (yyyymmdd; NULL where the event
-- has not happened, such as an open plan's end), the load that last changed the row (load_id) and a
-- hash of its content (row_hash) so a reload of unchanged data changes nothing. Flags are 1/0, NULL when
-- the source did not say.
-- References between facts use the source business keys (referral_id, cp_plan_id, cla_id...).
-- Business keys are NVARCHAR(64) here: the ETL should quarantine a longer key rather than fail the load.
-- Never edit this file once landed: add a new script.

CREATE TABLE fact_contact (
    contact_id                  NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    contact_date_key            INT           NOT NULL,
    source_code                 NVARCHAR(64)  NULL,
    is_new_referral             INT           NULL,
    is_existing_referral        INT           NULL,
    is_cp_enquiry               INT           NULL,
    is_nfa                      INT           NULL,
    is_advice                   INT           NULL,
    outcome_json                NVARCHAR(MAX) NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_contact ON fact_contact (contact_id);

CREATE TABLE fact_early_help_episode (
    episode_id                  NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    start_date_key              INT           NOT NULL,
    end_date_key                INT           NULL,
    reason                      NVARCHAR(400) NULL,
    end_reason                  NVARCHAR(400) NULL,
    organisation                NVARCHAR(400) NULL,
    worker_id                   NVARCHAR(64)  NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_early_help_episode ON fact_early_help_episode (episode_id);

CREATE TABLE fact_referral (
    referral_id                 NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    referral_date_key           INT           NOT NULL,
    primary_need_code           NVARCHAR(64)  NULL,
    source_code                 NVARCHAR(64)  NULL,
    is_nfa                      INT           NULL,
    close_reason_code           NVARCHAR(64)  NULL,
    close_date_key              INT           NULL,
    team_key                    INT           NOT NULL,
    worker_key                  INT           NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_referral ON fact_referral (referral_id);

CREATE TABLE fact_involvement (
    involvement_id              NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    worker_key                  INT           NOT NULL,
    team_key                    INT           NOT NULL,
    role                        NVARCHAR(400) NULL,
    start_date_key              INT           NOT NULL,
    end_date_key                INT           NULL,
    change_reason               NVARCHAR(400) NULL,
    referral_id                 NVARCHAR(64)  NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_involvement ON fact_involvement (involvement_id);

CREATE TABLE fact_assessment (
    assessment_id               NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    referral_id                 NVARCHAR(64)  NULL,
    start_date_key              INT           NOT NULL,
    child_seen                  INT           NULL,
    auth_date_key               INT           NULL,
    is_nfa                      INT           NULL,
    team_key                    INT           NOT NULL,
    worker_key                  INT           NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_assessment ON fact_assessment (assessment_id);

CREATE TABLE fact_cin_plan (
    cin_plan_id                 NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    referral_id                 NVARCHAR(64)  NULL,
    start_date_key              INT           NOT NULL,
    end_date_key                INT           NULL,
    team_key                    INT           NOT NULL,
    worker_key                  INT           NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cin_plan ON fact_cin_plan (cin_plan_id);

CREATE TABLE fact_cin_visit (
    visit_id                    NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    visit_date_key              INT           NOT NULL,
    seen                        INT           NULL,
    seen_alone                  INT           NULL,
    bedroom_seen                INT           NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cin_visit ON fact_cin_visit (visit_id);

CREATE TABLE fact_s47_enquiry (
    s47_id                      NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    referral_id                 NVARCHAR(64)  NULL,
    start_date_key              INT           NOT NULL,
    end_date_key                INT           NULL,
    is_nfa                      INT           NULL,
    icpc_required               INT           NULL,          -- outcome JSON CP_CONFERENCE_FLAG
    outcome_json                NVARCHAR(MAX) NULL,
    team_key                    INT           NOT NULL,
    worker_key                  INT           NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_s47_enquiry ON fact_s47_enquiry (s47_id);

-- One row per strategy discussion (a STRAT meeting in ssd_ext_meeting_attendance), with the s47
-- enquiry it started where one can be matched (same child, enquiry starting on or after the meeting).
CREATE TABLE fact_strategy_discussion (
    meeting_id                  NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    meeting_date_key            INT           NOT NULL,
    s47_id                      NVARCHAR(64)  NULL,
    agencies_invited            INT           NOT NULL,
    agencies_attended           INT           NOT NULL,
    police_attended             INT           NOT NULL,
    health_attended             INT           NOT NULL,
    education_attended          INT           NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_strategy_discussion ON fact_strategy_discussion (meeting_id);

CREATE TABLE fact_meeting_attendance (
    attendance_id               NVARCHAR(64)  NOT NULL,
    meeting_id                  NVARCHAR(64)  NOT NULL,
    meeting_type                NVARCHAR(64)  NOT NULL,
    meeting_date_key            INT           NOT NULL,
    child_key                   INT           NOT NULL,
    agency_key                  INT           NOT NULL,
    invited                     INT           NULL,
    attended                    INT           NULL,
    report_provided             INT           NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_meeting_attendance ON fact_meeting_attendance (attendance_id);
CREATE INDEX ix_fact_meeting_attendance_meeting ON fact_meeting_attendance (meeting_id);

CREATE TABLE fact_icpc (
    icpc_id                     NVARCHAR(64)  NOT NULL,
    meeting_id                  NVARCHAR(64)  NULL,
    child_key                   INT           NOT NULL,
    s47_id                      NVARCHAR(64)  NULL,
    cp_plan_id                  NVARCHAR(64)  NULL,
    referral_id                 NVARCHAR(64)  NULL,
    is_transfer_in              INT           NULL,
    target_date_key             INT           NULL,
    icpc_date_key               INT           NOT NULL,
    outcome_cp_plan             INT           NULL,
    team_key                    INT           NOT NULL,
    worker_key                  INT           NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_icpc ON fact_icpc (icpc_id);

CREATE TABLE fact_cp_plan (
    cp_plan_id                  NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    referral_id                 NVARCHAR(64)  NULL,
    icpc_id                     NVARCHAR(64)  NULL,
    start_date_key              INT           NOT NULL,
    end_date_key                INT           NULL,
    initial_category            NVARCHAR(64)  NULL,
    latest_category             NVARCHAR(64)  NULL,
    is_other_la                 INT           NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cp_plan ON fact_cp_plan (cp_plan_id);

CREATE TABLE fact_cp_visit (
    visit_id                    NVARCHAR(64)  NOT NULL,
    cp_plan_id                  NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    visit_date_key              INT           NOT NULL,
    seen                        INT           NULL,
    seen_alone                  INT           NULL,
    bedroom_seen                INT           NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cp_visit ON fact_cp_visit (visit_id);

CREATE TABLE fact_cp_review (
    review_id                   NVARCHAR(64)  NOT NULL,
    cp_plan_id                  NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    due_date_key                INT           NULL,
    review_date_key             INT           NULL,
    meeting_id                  NVARCHAR(64)  NULL,
    continue_cp                 INT           NULL,
    quorate                     INT           NULL,
    participation               NVARCHAR(400) NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cp_review ON fact_cp_review (review_id);

CREATE TABLE fact_cla_episode (
    episode_id                  NVARCHAR(64)  NOT NULL,
    cla_id                      NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    start_date_key              INT           NOT NULL,
    start_reason                NVARCHAR(64)  NULL,
    primary_need_code           NVARCHAR(64)  NULL,
    ceased_date_key             INT           NULL,
    ceased_reason               NVARCHAR(64)  NULL,
    referral_id                 NVARCHAR(64)  NULL,
    placement_id                NVARCHAR(64)  NULL,
    entered_care_date_key       INT           NULL,
    last_iro_contact_date_key   INT           NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cla_episode ON fact_cla_episode (episode_id);

CREATE TABLE fact_placement (
    placement_id                NVARCHAR(64)  NOT NULL,
    cla_id                      NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    start_date_key              INT           NOT NULL,
    end_date_key                INT           NULL,
    placement_type              NVARCHAR(64)  NULL,
    urn                         NVARCHAR(64)  NULL,
    distance_miles              FLOAT         NULL,
    provider                    NVARCHAR(400) NULL,
    postcode                    NVARCHAR(64)  NULL,
    change_reason               NVARCHAR(400) NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_placement ON fact_placement (placement_id);

CREATE TABLE fact_cla_visit (
    visit_id                    NVARCHAR(64)  NOT NULL,
    cla_id                      NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    visit_date_key              INT           NOT NULL,
    seen                        INT           NULL,
    seen_alone                  INT           NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cla_visit ON fact_cla_visit (visit_id);

CREATE TABLE fact_cla_review (
    review_id                   NVARCHAR(64)  NOT NULL,
    cla_id                      NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,      -- the child of the period of care
    due_date_key                INT           NULL,
    review_date_key             INT           NULL,
    cancelled                   INT           NULL,
    participation               NVARCHAR(400) NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cla_review ON fact_cla_review (review_id);

CREATE TABLE fact_legal_status (
    legal_status_id             NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    legal_status                NVARCHAR(64)  NOT NULL,
    start_date_key              INT           NOT NULL,
    end_date_key                INT           NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_legal_status ON fact_legal_status (legal_status_id);

-- SSD holds the latest status of each care leaver: one row per person.
CREATE TABLE fact_care_leaver_status (
    person_id                   NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    eligibility                 NVARCHAR(64)  NULL,
    in_touch                    NVARCHAR(64)  NULL,
    latest_contact_date_key     INT           NULL,
    accommodation               NVARCHAR(64)  NULL,
    accommodation_suitable      INT           NULL,
    activity                    NVARCHAR(64)  NULL,
    pathway_plan_review_date_key INT          NULL,
    personal_advisor            NVARCHAR(400) NULL,
    team_key                    INT           NOT NULL,
    worker_key                  INT           NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_care_leaver_status ON fact_care_leaver_status (person_id);

CREATE TABLE fact_oversight (
    oversight_id                NVARCHAR(64)  NOT NULL,
    child_key                   INT           NOT NULL,
    oversight_date_key          INT           NOT NULL,
    manager_worker_key          INT           NOT NULL,
    oversight_type              NVARCHAR(64)  NOT NULL,
    load_id                     BIGINT        NOT NULL,
    row_hash                    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_fact_oversight ON fact_oversight (oversight_id);
