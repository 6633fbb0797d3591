-- Facts at the grain of each event. Each keeps its source business key (unique), the dimension keys
-- (0 = unknown member), dates as date keys (yyyymmdd; NULL where the event has not happened, such as an
-- open plan's end), the load that last changed the row (load_id) and a hash of its content (row_hash)
-- so a reload of unchanged data changes nothing. Flags are 1/0, NULL when the source did not say.
-- References between facts use the source business keys (referral_id, cp_plan_id, cla_id...).
-- Never edit this file once landed: add a new script.

CREATE TABLE fact_contact (
    contact_id              TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    contact_date_key        INTEGER NOT NULL,
    source_code             TEXT    NULL,
    is_new_referral         INTEGER NULL,
    is_existing_referral    INTEGER NULL,
    is_cp_enquiry           INTEGER NULL,
    is_nfa                  INTEGER NULL,
    is_advice               INTEGER NULL,
    outcome_json            TEXT    NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_contact ON fact_contact (contact_id);

CREATE TABLE fact_early_help_episode (
    episode_id              TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    start_date_key          INTEGER NOT NULL,
    end_date_key            INTEGER NULL,
    reason                  TEXT    NULL,
    end_reason              TEXT    NULL,
    organisation            TEXT    NULL,
    worker_id               TEXT    NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_early_help_episode ON fact_early_help_episode (episode_id);

CREATE TABLE fact_referral (
    referral_id             TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    referral_date_key       INTEGER NOT NULL,
    primary_need_code       TEXT    NULL,
    source_code             TEXT    NULL,
    is_nfa                  INTEGER NULL,
    close_reason_code       TEXT    NULL,
    close_date_key          INTEGER NULL,
    team_key                INTEGER NOT NULL,
    worker_key              INTEGER NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_referral ON fact_referral (referral_id);

CREATE TABLE fact_involvement (
    involvement_id          TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    worker_key              INTEGER NOT NULL,
    team_key                INTEGER NOT NULL,
    role                    TEXT    NULL,
    start_date_key          INTEGER NOT NULL,
    end_date_key            INTEGER NULL,
    change_reason           TEXT    NULL,
    referral_id             TEXT    NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_involvement ON fact_involvement (involvement_id);

CREATE TABLE fact_assessment (
    assessment_id           TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    referral_id             TEXT    NULL,
    start_date_key          INTEGER NOT NULL,
    child_seen              INTEGER NULL,
    auth_date_key           INTEGER NULL,
    is_nfa                  INTEGER NULL,
    team_key                INTEGER NOT NULL,
    worker_key              INTEGER NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_assessment ON fact_assessment (assessment_id);

CREATE TABLE fact_cin_plan (
    cin_plan_id             TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    referral_id             TEXT    NULL,
    start_date_key          INTEGER NOT NULL,
    end_date_key            INTEGER NULL,
    team_key                INTEGER NOT NULL,
    worker_key              INTEGER NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cin_plan ON fact_cin_plan (cin_plan_id);

CREATE TABLE fact_cin_visit (
    visit_id                TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    visit_date_key          INTEGER NOT NULL,
    seen                    INTEGER NULL,
    seen_alone              INTEGER NULL,
    bedroom_seen            INTEGER NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cin_visit ON fact_cin_visit (visit_id);

CREATE TABLE fact_s47_enquiry (
    s47_id                  TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    referral_id             TEXT    NULL,
    start_date_key          INTEGER NOT NULL,
    end_date_key            INTEGER NULL,
    is_nfa                  INTEGER NULL,
    icpc_required           INTEGER NULL,          -- outcome JSON CP_CONFERENCE_FLAG
    outcome_json            TEXT    NULL,
    team_key                INTEGER NOT NULL,
    worker_key              INTEGER NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_s47_enquiry ON fact_s47_enquiry (s47_id);

-- One row per strategy discussion (a STRAT meeting in ssd_ext_meeting_attendance), with the s47
-- enquiry it started where one can be matched (same child, enquiry starting on or after the meeting).
CREATE TABLE fact_strategy_discussion (
    meeting_id              TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    meeting_date_key        INTEGER NOT NULL,
    s47_id                  TEXT    NULL,
    agencies_invited        INTEGER NOT NULL,
    agencies_attended       INTEGER NOT NULL,
    police_attended         INTEGER NOT NULL,
    health_attended         INTEGER NOT NULL,
    education_attended      INTEGER NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_strategy_discussion ON fact_strategy_discussion (meeting_id);

CREATE TABLE fact_meeting_attendance (
    attendance_id           TEXT    NOT NULL,
    meeting_id              TEXT    NOT NULL,
    meeting_type            TEXT    NOT NULL,
    meeting_date_key        INTEGER NOT NULL,
    child_key               INTEGER NOT NULL,
    agency_key              INTEGER NOT NULL,
    invited                 INTEGER NULL,
    attended                INTEGER NULL,
    report_provided         INTEGER NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_meeting_attendance ON fact_meeting_attendance (attendance_id);
CREATE INDEX ix_fact_meeting_attendance_meeting ON fact_meeting_attendance (meeting_id);

CREATE TABLE fact_icpc (
    icpc_id                 TEXT    NOT NULL,
    meeting_id              TEXT    NULL,
    child_key               INTEGER NOT NULL,
    s47_id                  TEXT    NULL,
    cp_plan_id              TEXT    NULL,
    referral_id             TEXT    NULL,
    is_transfer_in          INTEGER NULL,
    target_date_key         INTEGER NULL,
    icpc_date_key           INTEGER NOT NULL,
    outcome_cp_plan         INTEGER NULL,
    team_key                INTEGER NOT NULL,
    worker_key              INTEGER NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_icpc ON fact_icpc (icpc_id);

CREATE TABLE fact_cp_plan (
    cp_plan_id              TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    referral_id             TEXT    NULL,
    icpc_id                 TEXT    NULL,
    start_date_key          INTEGER NOT NULL,
    end_date_key            INTEGER NULL,
    initial_category        TEXT    NULL,
    latest_category         TEXT    NULL,
    is_other_la             INTEGER NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cp_plan ON fact_cp_plan (cp_plan_id);

CREATE TABLE fact_cp_visit (
    visit_id                TEXT    NOT NULL,
    cp_plan_id              TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    visit_date_key          INTEGER NOT NULL,
    seen                    INTEGER NULL,
    seen_alone              INTEGER NULL,
    bedroom_seen            INTEGER NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cp_visit ON fact_cp_visit (visit_id);

CREATE TABLE fact_cp_review (
    review_id               TEXT    NOT NULL,
    cp_plan_id              TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    due_date_key            INTEGER NULL,
    review_date_key         INTEGER NULL,
    meeting_id              TEXT    NULL,
    continue_cp             INTEGER NULL,
    quorate                 INTEGER NULL,
    participation           TEXT    NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cp_review ON fact_cp_review (review_id);

CREATE TABLE fact_cla_episode (
    episode_id              TEXT    NOT NULL,
    cla_id                  TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    start_date_key          INTEGER NOT NULL,
    start_reason            TEXT    NULL,
    primary_need_code       TEXT    NULL,
    ceased_date_key         INTEGER NULL,
    ceased_reason           TEXT    NULL,
    referral_id             TEXT    NULL,
    placement_id            TEXT    NULL,
    entered_care_date_key   INTEGER NULL,
    last_iro_contact_date_key INTEGER NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cla_episode ON fact_cla_episode (episode_id);

CREATE TABLE fact_placement (
    placement_id            TEXT    NOT NULL,
    cla_id                  TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    start_date_key          INTEGER NOT NULL,
    end_date_key            INTEGER NULL,
    placement_type          TEXT    NULL,
    urn                     TEXT    NULL,
    distance_miles          REAL    NULL,
    provider                TEXT    NULL,
    postcode                TEXT    NULL,
    change_reason           TEXT    NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_placement ON fact_placement (placement_id);

CREATE TABLE fact_cla_visit (
    visit_id                TEXT    NOT NULL,
    cla_id                  TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    visit_date_key          INTEGER NOT NULL,
    seen                    INTEGER NULL,
    seen_alone              INTEGER NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cla_visit ON fact_cla_visit (visit_id);

CREATE TABLE fact_cla_review (
    review_id               TEXT    NOT NULL,
    cla_id                  TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,      -- the child of the period of care
    due_date_key            INTEGER NULL,
    review_date_key         INTEGER NULL,
    cancelled               INTEGER NULL,
    participation           TEXT    NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_cla_review ON fact_cla_review (review_id);

CREATE TABLE fact_legal_status (
    legal_status_id         TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    legal_status            TEXT    NOT NULL,
    start_date_key          INTEGER NOT NULL,
    end_date_key            INTEGER NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_legal_status ON fact_legal_status (legal_status_id);

-- SSD holds the latest status of each care leaver: one row per person.
CREATE TABLE fact_care_leaver_status (
    person_id               TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    eligibility             TEXT    NULL,
    in_touch                TEXT    NULL,
    latest_contact_date_key INTEGER NULL,
    accommodation           TEXT    NULL,
    accommodation_suitable  INTEGER NULL,
    activity                TEXT    NULL,
    pathway_plan_review_date_key INTEGER NULL,
    personal_advisor        TEXT    NULL,
    team_key                INTEGER NOT NULL,
    worker_key              INTEGER NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_care_leaver_status ON fact_care_leaver_status (person_id);

CREATE TABLE fact_oversight (
    oversight_id            TEXT    NOT NULL,
    child_key               INTEGER NOT NULL,
    oversight_date_key      INTEGER NOT NULL,
    manager_worker_key      INTEGER NOT NULL,
    oversight_type          TEXT    NOT NULL,
    load_id                 INTEGER NOT NULL,
    row_hash                INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_fact_oversight ON fact_oversight (oversight_id);
