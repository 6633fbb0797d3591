namespace Dashboard.Core.Ssd;

/// <summary>
/// The source contract: the subset of the Standard Safeguarding Dataset (data-to-insight/ssd-data-model
/// v1.4.x) that the product reads, plus our two extension tables. Column names are spelled as in SSD
/// v1.4; this is the one place that maps them, so a council on an older SSD script changes names here.
/// The synthetic council writes exactly these tables and the ETL reads exactly these columns.
/// </summary>
public static class SsdSchema
{
    private const SsdRule Req = SsdRule.Required;
    private const SsdRule Future = SsdRule.FutureAllowed;

    private static SsdColumn Id(string name, SsdRule rules = SsdRule.None) => new(name, SsdKind.Id, rules);
    private static SsdColumn Ref(string name, string table, string column, SsdRule rules = SsdRule.None) =>
        new(name, SsdKind.Id, rules, References: new SsdReference(table, column));
    private static SsdColumn Text(string name) => new(name, SsdKind.Text);
    private static SsdColumn Date(string name, SsdRule rules = SsdRule.None) => new(name, SsdKind.Date, rules);
    private static SsdColumn Flag(string name, SsdRule rules = SsdRule.None) => new(name, SsdKind.Flag, rules);
    private static SsdColumn Code(string name, string list, SsdRule rules = SsdRule.None, string? datedBy = null) =>
        new(name, SsdKind.Code, rules, list, DatedBy: datedBy);
    private static SsdColumn Int(string name) => new(name, SsdKind.WholeNumber);
    private static SsdColumn Num(string name) => new(name, SsdKind.Number);
    private static SsdColumn Json(string name) => new(name, SsdKind.Json);
    private static SsdDateOrder Order(string start, string end) => new(start, end);

    private const string Person = "ssd_person";
    private const string PersonId = "pers_person_id";

    public static readonly SsdTable Persons = new(Person, [PersonId],
    [
        Id(PersonId, Req), Code("pers_sex", Codes.CodeLists.Sex), Text("pers_gender"),
        Code("pers_ethnicity", Codes.CodeLists.Ethnicity), Date("pers_dob"), Date("pers_expected_dob", Future),
        Date("pers_death_date"),
    ], [Order("pers_dob", "pers_death_date")]);

    public static readonly SsdTable Disabilities = new("ssd_disability", ["disa_person_id", "disa_disability_code"],
    [
        Ref("disa_person_id", Person, PersonId, Req), Code("disa_disability_code", Codes.CodeLists.Disability, Req),
    ], []);

    public static readonly SsdTable Departments = new("ssd_department", ["dept_team_id"],
    [
        Id("dept_team_id", Req), Text("dept_team_name"), Id("dept_team_parent_id"), Text("dept_team_parent_name"),
    ], []);

    public static readonly SsdTable Professionals = new("ssd_professionals", ["prof_professional_id"],
    [
        Id("prof_professional_id", Req), Id("prof_staff_id"), Text("prof_professional_name"),
        Text("prof_professional_job_title"), Int("prof_professional_caseload"),
        Ref("prof_professional_department", "ssd_department", "dept_team_id"), Num("prof_full_time_equivalency"),
        Flag("prof_agency_worker_flag"),
    ], []);

    public static readonly SsdTable Involvements = new("ssd_involvements", ["invo_involvements_id"],
    [
        Id("invo_involvements_id", Req), Ref("invo_professional_id", "ssd_professionals", "prof_professional_id", Req),
        Text("invo_professional_role_id"), Ref("invo_professional_team", "ssd_department", "dept_team_id"),
        Date("invo_involvement_start_date", Req), Date("invo_involvement_end_date"), Text("invo_worker_change_reason"),
        Ref("invo_person_id", Person, PersonId, Req), Ref("invo_referral_id", "ssd_cin_episodes", "cine_referral_id"),
    ], [Order("invo_involvement_start_date", "invo_involvement_end_date")]);

    public static readonly SsdTable Contacts = new("ssd_contacts", ["cont_contact_id"],
    [
        Id("cont_contact_id", Req), Ref("cont_person_id", Person, PersonId, Req), Date("cont_contact_date", Req),
        Code("cont_contact_source_code", Codes.CodeLists.ReferralSource, datedBy: "cont_contact_date"), Text("cont_contact_source_desc"),
        Json("cont_contact_outcome_json"),
    ], []);

    public static readonly SsdTable EarlyHelpEpisodes = new("ssd_early_help_episodes", ["earl_episode_id"],
    [
        Id("earl_episode_id", Req), Ref("earl_person_id", Person, PersonId, Req), Date("earl_episode_start_date", Req),
        Date("earl_episode_end_date"), Text("earl_episode_reason"), Text("earl_episode_end_reason"),
        Text("earl_episode_organisation"), Id("earl_episode_worker_id"),
    ], [Order("earl_episode_start_date", "earl_episode_end_date")]);

    public static readonly SsdTable Referrals = new("ssd_cin_episodes", ["cine_referral_id"],
    [
        Id("cine_referral_id", Req), Ref("cine_person_id", Person, PersonId, Req), Date("cine_referral_date", Req),
        Code("cine_cin_primary_need_code", Codes.CodeLists.PrimaryNeed, datedBy: "cine_referral_date"),
        Code("cine_referral_source_code", Codes.CodeLists.ReferralSource, datedBy: "cine_referral_date"), Text("cine_referral_source_desc"),
        Json("cine_referral_outcome_json"), Flag("cine_referral_nfa"),
        Code("cine_close_reason", Codes.CodeLists.ClosureReason, datedBy: "cine_close_date"), Date("cine_close_date"),
        Ref("cine_referral_team", "ssd_department", "dept_team_id"),
        Ref("cine_referral_worker_id", "ssd_professionals", "prof_professional_id"),
    ], [Order("cine_referral_date", "cine_close_date")]);

    public static readonly SsdTable Assessments = new("ssd_cin_assessments", ["cina_assessment_id"],
    [
        Id("cina_assessment_id", Req), Ref("cina_person_id", Person, PersonId, Req),
        Ref("cina_referral_id", "ssd_cin_episodes", "cine_referral_id"), Date("cina_assessment_start_date", Req),
        Flag("cina_assessment_child_seen"), Date("cina_assessment_auth_date"), Json("cina_assessment_outcome_json"),
        Flag("cina_assessment_outcome_nfa"), Ref("cina_assessment_team", "ssd_department", "dept_team_id"),
        Ref("cina_assessment_worker_id", "ssd_professionals", "prof_professional_id"),
    ], [Order("cina_assessment_start_date", "cina_assessment_auth_date")]);

    public static readonly SsdTable CinPlans = new("ssd_cin_plans", ["cinp_cin_plan_id"],
    [
        Id("cinp_cin_plan_id", Req), Ref("cinp_referral_id", "ssd_cin_episodes", "cine_referral_id"),
        Ref("cinp_person_id", Person, PersonId, Req), Date("cinp_cin_plan_start_date", Req),
        Date("cinp_cin_plan_end_date"), Ref("cinp_cin_plan_team", "ssd_department", "dept_team_id"),
        Ref("cinp_cin_plan_worker_id", "ssd_professionals", "prof_professional_id"),
    ], [Order("cinp_cin_plan_start_date", "cinp_cin_plan_end_date")]);

    public static readonly SsdTable CinVisits = new("ssd_cin_visits", ["cinv_cin_visit_id"],
    [
        Id("cinv_cin_visit_id", Req), Ref("cinv_person_id", Person, PersonId, Req), Date("cinv_cin_visit_date", Req),
        Flag("cinv_cin_visit_seen"), Flag("cinv_cin_visit_seen_alone"), Flag("cinv_cin_visit_bedroom"),
    ], []);

    public static readonly SsdTable S47Enquiries = new("ssd_s47_enquiry", ["s47e_s47_enquiry_id"],
    [
        Id("s47e_s47_enquiry_id", Req), Ref("s47e_referral_id", "ssd_cin_episodes", "cine_referral_id"),
        Ref("s47e_person_id", Person, PersonId, Req), Date("s47e_s47_start_date", Req), Date("s47e_s47_end_date"),
        Flag("s47e_s47_nfa"), Json("s47e_s47_outcome_json"),
        Ref("s47e_s47_completed_by_worker_id", "ssd_professionals", "prof_professional_id"),
        Ref("s47e_s47_completed_by_team", "ssd_department", "dept_team_id"),
    ], [Order("s47e_s47_start_date", "s47e_s47_end_date")]);

    public static readonly SsdTable InitialConferences = new("ssd_initial_cp_conference", ["icpc_icpc_id"],
    [
        Id("icpc_icpc_id", Req), Id("icpc_icpc_meeting_id"),
        Ref("icpc_s47_enquiry_id", "ssd_s47_enquiry", "s47e_s47_enquiry_id"), Ref("icpc_person_id", Person, PersonId, Req),
        Id("icpc_cp_plan_id"), Ref("icpc_referral_id", "ssd_cin_episodes", "cine_referral_id"),
        Flag("icpc_icpc_transfer_in"), Date("icpc_icpc_target_date", Future), Date("icpc_icpc_date", Req),
        Flag("icpc_icpc_outcome_cp_flag"), Json("icpc_icpc_outcome_json"),
        Ref("icpc_icpc_team", "ssd_department", "dept_team_id"),
        Ref("icpc_icpc_worker_id", "ssd_professionals", "prof_professional_id"),
    ], []);

    public static readonly SsdTable CpPlans = new("ssd_cp_plans", ["cppl_cp_plan_id"],
    [
        Id("cppl_cp_plan_id", Req), Ref("cppl_referral_id", "ssd_cin_episodes", "cine_referral_id"),
        Ref("cppl_icpc_id", "ssd_initial_cp_conference", "icpc_icpc_id"), Ref("cppl_person_id", Person, PersonId, Req),
        Date("cppl_cp_plan_start_date", Req), Date("cppl_cp_plan_end_date"),
        Code("cppl_cp_plan_initial_category", Codes.CodeLists.CpCategory, datedBy: "cppl_cp_plan_start_date"), Flag("cppl_cp_plan_ola"),
        Code("cppl_cp_plan_latest_category", Codes.CodeLists.CpCategory, datedBy: "cppl_cp_plan_start_date"),
    ], [Order("cppl_cp_plan_start_date", "cppl_cp_plan_end_date")]);

    public static readonly SsdTable CpVisits = new("ssd_cp_visits", ["cppv_cp_visit_id"],
    [
        Id("cppv_cp_visit_id", Req), Ref("cppv_person_id", Person, PersonId, Req),
        Ref("cppv_cp_plan_id", "ssd_cp_plans", "cppl_cp_plan_id", Req), Date("cppv_cp_visit_date", Req),
        Flag("cppv_cp_visit_seen"), Flag("cppv_cp_visit_seen_alone"), Flag("cppv_cp_visit_bedroom"),
    ], []);

    public static readonly SsdTable CpReviews = new("ssd_cp_reviews", ["cppr_cp_review_id"],
    [
        Id("cppr_cp_review_id", Req), Ref("cppr_person_id", Person, PersonId, Req),
        Ref("cppr_cp_plan_id", "ssd_cp_plans", "cppl_cp_plan_id", Req), Date("cppr_cp_review_due", Future),
        Date("cppr_cp_review_date"), Id("cppr_cp_review_meeting_id"), Flag("cppr_cp_review_outcome_continue_cp"),
        Flag("cppr_cp_review_quorate"), Text("cppr_cp_review_participation"),
    ], []);

    public static readonly SsdTable ClaEpisodes = new("ssd_cla_episodes", ["clae_cla_episode_id"],
    [
        Id("clae_cla_episode_id", Req), Ref("clae_person_id", Person, PersonId, Req),
        Date("clae_cla_episode_start_date", Req), Code("clae_cla_episode_start_reason", Codes.CodeLists.ClaStartReason, datedBy: "clae_cla_episode_start_date"),
        Code("clae_cla_primary_need_code", Codes.CodeLists.PrimaryNeed, datedBy: "clae_cla_episode_start_date"), Date("clae_cla_episode_ceased_date"),
        Code("clae_cla_episode_ceased_reason", Codes.CodeLists.ClaCeasedReason, datedBy: "clae_cla_episode_ceased_date"), Id("clae_cla_id", Req),
        Ref("clae_referral_id", "ssd_cin_episodes", "cine_referral_id"), Id("clae_cla_placement_id"),
        Date("clae_entered_care_date"), Date("clae_cla_last_iro_contact_date"),
    ], [Order("clae_cla_episode_start_date", "clae_cla_episode_ceased_date")]);

    public static readonly SsdTable Placements = new("ssd_cla_placement", ["clap_cla_placement_id"],
    [
        Id("clap_cla_placement_id", Req), Ref("clap_cla_id", "ssd_cla_episodes", "clae_cla_id", Req),
        Ref("clap_person_id", Person, PersonId, Req), Date("clap_cla_placement_start_date", Req),
        Code("clap_cla_placement_type", Codes.CodeLists.PlacementType, datedBy: "clap_cla_placement_start_date"), Text("clap_cla_placement_urn"),
        Num("clap_cla_placement_distance"), Text("clap_cla_placement_provider"), Text("clap_cla_placement_postcode"),
        Date("clap_cla_placement_end_date"),
        Code("clap_cla_placement_change_reason", Codes.CodeLists.ReasonPlacementChange, datedBy: "clap_cla_placement_end_date"),
    ], [Order("clap_cla_placement_start_date", "clap_cla_placement_end_date")]);

    public static readonly SsdTable ClaReviews = new("ssd_cla_reviews", ["clar_cla_review_id"],
    [
        Id("clar_cla_review_id", Req), Ref("clar_cla_id", "ssd_cla_episodes", "clae_cla_id", Req),
        Date("clar_cla_review_due_date", Future), Date("clar_cla_review_date"), Flag("clar_cla_review_cancelled"),
        Code("clar_cla_review_participation", Codes.CodeLists.ReviewParticipation, datedBy: "clar_cla_review_date"),
    ], []);

    public static readonly SsdTable ClaVisits = new("ssd_cla_visits", ["clav_cla_visit_id"],
    [
        Id("clav_cla_visit_id", Req), Ref("clav_cla_id", "ssd_cla_episodes", "clae_cla_id", Req),
        Ref("clav_person_id", Person, PersonId, Req), Date("clav_cla_visit_date", Req),
        Flag("clav_cla_visit_seen"), Flag("clav_cla_visit_seen_alone"),
    ], []);

    public static readonly SsdTable LegalStatuses = new("ssd_legal_status", ["lega_legal_status_id"],
    [
        Id("lega_legal_status_id", Req), Ref("lega_person_id", Person, PersonId, Req),
        Code("lega_legal_status", Codes.CodeLists.LegalStatus, Req, "lega_legal_status_start_date"), Date("lega_legal_status_start_date", Req),
        Date("lega_legal_status_end_date"),
    ], [Order("lega_legal_status_start_date", "lega_legal_status_end_date")]);

    public static readonly SsdTable CareLeavers = new("ssd_care_leavers", ["clea_person_id"],
    [
        Ref("clea_person_id", Person, PersonId, Req), Text("clea_care_leaver_eligibility"),
        Code("clea_care_leaver_in_touch", Codes.CodeLists.CareLeaverInTouch, datedBy: "clea_care_leaver_latest_contact"), Date("clea_care_leaver_latest_contact"),
        Code("clea_care_leaver_accommodation", Codes.CodeLists.CareLeaverAccommodation, datedBy: "clea_care_leaver_latest_contact"),
        Flag("clea_care_leaver_accom_suitable"), Code("clea_care_leaver_activity", Codes.CodeLists.CareLeaverActivity, datedBy: "clea_care_leaver_latest_contact"),
        Date("clea_pathway_plan_review_date"), Text("clea_care_leaver_personal_advisor"),
        Ref("clea_care_leaver_allocated_team", "ssd_department", "dept_team_id"),
        Ref("clea_care_leaver_worker_id", "ssd_professionals", "prof_professional_id"),
    ], []);

    public static readonly SsdTable MeetingAttendance = new("ssd_ext_meeting_attendance", ["meet_attendance_id"],
    [
        Id("meet_attendance_id", Req), Id("meet_meeting_id", Req), Code("meet_meeting_type", Codes.CodeLists.MeetingType, Req),
        Date("meet_meeting_date", Req), Ref("meet_person_id", Person, PersonId, Req),
        Code("meet_agency_code", Codes.CodeLists.Agency, Req), Flag("meet_invited"), Flag("meet_attended"),
        Flag("meet_report_provided"),
    ], [], IsExtension: true);

    public static readonly SsdTable ManagementOversight = new("ssd_ext_management_oversight", ["moversight_id"],
    [
        Id("moversight_id", Req), Ref("mo_person_id", Person, PersonId, Req), Date("mo_oversight_date", Req),
        Ref("mo_manager_id", "ssd_professionals", "prof_professional_id"),
        Code("mo_type", Codes.CodeLists.OversightType, Req),
    ], [], IsExtension: true);

    /// <summary>Every table, parents before children, which is the order the ETL validates and loads them.</summary>
    public static readonly IReadOnlyList<SsdTable> All =
    [
        Persons, Disabilities, Departments, Professionals, Contacts, EarlyHelpEpisodes, Referrals, Involvements,
        Assessments, CinPlans, CinVisits, S47Enquiries, InitialConferences, CpPlans, CpVisits, CpReviews,
        ClaEpisodes, Placements, ClaReviews, ClaVisits, LegalStatuses, CareLeavers, MeetingAttendance,
        ManagementOversight,
    ];

    public static SsdTable Table(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"There is no source table called {name}.", nameof(name));
}
