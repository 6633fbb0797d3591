using Dashboard.Core.Ssd;

namespace Dashboard.Etl.Facts;

/// <summary>
/// Which fact each SSD table loads into, column by column. The dimensions (ssd_person + ssd_disability ->
/// dim_child, ssd_department -> dim_team, ssd_professionals + ssd_involvements -> dim_worker) and the derived
/// fact_strategy_discussion are built in Conform; everything else is here.
/// </summary>
public static class FactCatalogue
{
    private delegate (string, Func<object?[], object?>)[] Columns(FactColumns c);

    private static readonly (SsdTable Source, string Target, Columns Columns)[] Maps =
    [
        (SsdSchema.Contacts, "fact_contact", c =>
        [
            ("contact_id", c.Value("cont_contact_id")), ("child_key", c.Child("cont_person_id")),
            ("contact_date_key", c.DateKey("cont_contact_date")), ("source_code", c.Value("cont_contact_source_code")),
            ("is_new_referral", c.JsonFlag("cont_contact_outcome_json", "NEW_REFERRAL_FLAG")),
            ("is_existing_referral", c.JsonFlag("cont_contact_outcome_json", "EXISTING_REFERRAL_FLAG")),
            ("is_cp_enquiry", c.JsonFlag("cont_contact_outcome_json", "CP_ENQUIRY_FLAG")),
            ("is_nfa", c.JsonFlag("cont_contact_outcome_json", "NFA_FLAG")),
            ("is_advice", c.JsonFlag("cont_contact_outcome_json", "ADVICE_FLAG")),
            ("outcome_json", c.JsonText("cont_contact_outcome_json")),
        ]),
        (SsdSchema.EarlyHelpEpisodes, "fact_early_help_episode", c =>
        [
            ("episode_id", c.Value("earl_episode_id")), ("child_key", c.Child("earl_person_id")),
            ("start_date_key", c.DateKey("earl_episode_start_date")), ("end_date_key", c.DateKey("earl_episode_end_date")),
            ("reason", c.Value("earl_episode_reason")), ("end_reason", c.Value("earl_episode_end_reason")),
            ("organisation", c.Value("earl_episode_organisation")), ("worker_id", c.Value("earl_episode_worker_id")),
        ]),
        (SsdSchema.Referrals, "fact_referral", c =>
        [
            ("referral_id", c.Value("cine_referral_id")), ("child_key", c.Child("cine_person_id")),
            ("referral_date_key", c.DateKey("cine_referral_date")), ("primary_need_code", c.Value("cine_cin_primary_need_code")),
            ("source_code", c.Value("cine_referral_source_code")), ("is_nfa", c.Flag("cine_referral_nfa")),
            ("close_reason_code", c.Value("cine_close_reason")), ("close_date_key", c.DateKey("cine_close_date")),
            ("team_key", c.Team("cine_referral_team")), ("worker_key", c.Worker("cine_referral_worker_id", "cine_referral_date")),
        ]),
        (SsdSchema.Involvements, "fact_involvement", c =>
        [
            ("involvement_id", c.Value("invo_involvements_id")), ("child_key", c.Child("invo_person_id")),
            ("worker_key", c.Worker("invo_professional_id", "invo_involvement_start_date")),
            ("team_key", c.Team("invo_professional_team")), ("role", c.Value("invo_professional_role_id")),
            ("start_date_key", c.DateKey("invo_involvement_start_date")), ("end_date_key", c.DateKey("invo_involvement_end_date")),
            ("change_reason", c.Value("invo_worker_change_reason")), ("referral_id", c.Value("invo_referral_id")),
        ]),
        (SsdSchema.Assessments, "fact_assessment", c =>
        [
            ("assessment_id", c.Value("cina_assessment_id")), ("child_key", c.Child("cina_person_id")),
            ("referral_id", c.Value("cina_referral_id")), ("start_date_key", c.DateKey("cina_assessment_start_date")),
            ("child_seen", c.Flag("cina_assessment_child_seen")), ("auth_date_key", c.DateKey("cina_assessment_auth_date")),
            ("is_nfa", c.Flag("cina_assessment_outcome_nfa")), ("team_key", c.Team("cina_assessment_team")),
            ("worker_key", c.Worker("cina_assessment_worker_id", "cina_assessment_start_date")),
        ]),
        (SsdSchema.CinPlans, "fact_cin_plan", c =>
        [
            ("cin_plan_id", c.Value("cinp_cin_plan_id")), ("child_key", c.Child("cinp_person_id")),
            ("referral_id", c.Value("cinp_referral_id")), ("start_date_key", c.DateKey("cinp_cin_plan_start_date")),
            ("end_date_key", c.DateKey("cinp_cin_plan_end_date")), ("team_key", c.Team("cinp_cin_plan_team")),
            ("worker_key", c.Worker("cinp_cin_plan_worker_id", "cinp_cin_plan_start_date")),
        ]),
        (SsdSchema.CinVisits, "fact_cin_visit", c =>
        [
            ("visit_id", c.Value("cinv_cin_visit_id")), ("child_key", c.Child("cinv_person_id")),
            ("visit_date_key", c.DateKey("cinv_cin_visit_date")), ("seen", c.Flag("cinv_cin_visit_seen")),
            ("seen_alone", c.Flag("cinv_cin_visit_seen_alone")), ("bedroom_seen", c.Flag("cinv_cin_visit_bedroom")),
        ]),
        (SsdSchema.S47Enquiries, "fact_s47_enquiry", c =>
        [
            ("s47_id", c.Value("s47e_s47_enquiry_id")), ("child_key", c.Child("s47e_person_id")),
            ("referral_id", c.Value("s47e_referral_id")), ("start_date_key", c.DateKey("s47e_s47_start_date")),
            ("end_date_key", c.DateKey("s47e_s47_end_date")), ("is_nfa", c.Flag("s47e_s47_nfa")),
            ("icpc_required", c.JsonFlag("s47e_s47_outcome_json", "CP_CONFERENCE_FLAG")),
            ("outcome_json", c.JsonText("s47e_s47_outcome_json")), ("team_key", c.Team("s47e_s47_completed_by_team")),
            ("worker_key", c.Worker("s47e_s47_completed_by_worker_id", "s47e_s47_start_date")),
        ]),
        (SsdSchema.InitialConferences, "fact_icpc", c =>
        [
            ("icpc_id", c.Value("icpc_icpc_id")), ("meeting_id", c.Value("icpc_icpc_meeting_id")),
            ("child_key", c.Child("icpc_person_id")), ("s47_id", c.Value("icpc_s47_enquiry_id")),
            ("cp_plan_id", c.Value("icpc_cp_plan_id")), ("referral_id", c.Value("icpc_referral_id")),
            ("is_transfer_in", c.Flag("icpc_icpc_transfer_in")), ("target_date_key", c.DateKey("icpc_icpc_target_date")),
            ("icpc_date_key", c.DateKey("icpc_icpc_date")), ("outcome_cp_plan", c.Flag("icpc_icpc_outcome_cp_flag")),
            ("team_key", c.Team("icpc_icpc_team")), ("worker_key", c.Worker("icpc_icpc_worker_id", "icpc_icpc_date")),
        ]),
        (SsdSchema.CpPlans, "fact_cp_plan", c =>
        [
            ("cp_plan_id", c.Value("cppl_cp_plan_id")), ("child_key", c.Child("cppl_person_id")),
            ("referral_id", c.Value("cppl_referral_id")), ("icpc_id", c.Value("cppl_icpc_id")),
            ("start_date_key", c.DateKey("cppl_cp_plan_start_date")), ("end_date_key", c.DateKey("cppl_cp_plan_end_date")),
            ("initial_category", c.Value("cppl_cp_plan_initial_category")),
            ("latest_category", c.Value("cppl_cp_plan_latest_category")), ("is_other_la", c.Flag("cppl_cp_plan_ola")),
        ]),
        (SsdSchema.CpVisits, "fact_cp_visit", c =>
        [
            ("visit_id", c.Value("cppv_cp_visit_id")), ("cp_plan_id", c.Value("cppv_cp_plan_id")),
            ("child_key", c.Child("cppv_person_id")), ("visit_date_key", c.DateKey("cppv_cp_visit_date")),
            ("seen", c.Flag("cppv_cp_visit_seen")), ("seen_alone", c.Flag("cppv_cp_visit_seen_alone")),
            ("bedroom_seen", c.Flag("cppv_cp_visit_bedroom")),
        ]),
        (SsdSchema.CpReviews, "fact_cp_review", c =>
        [
            ("review_id", c.Value("cppr_cp_review_id")), ("cp_plan_id", c.Value("cppr_cp_plan_id")),
            ("child_key", c.Child("cppr_person_id")), ("due_date_key", c.DateKey("cppr_cp_review_due")),
            ("review_date_key", c.DateKey("cppr_cp_review_date")), ("meeting_id", c.Value("cppr_cp_review_meeting_id")),
            ("continue_cp", c.Flag("cppr_cp_review_outcome_continue_cp")), ("quorate", c.Flag("cppr_cp_review_quorate")),
            ("participation", c.Value("cppr_cp_review_participation")),
        ]),
        (SsdSchema.ClaEpisodes, "fact_cla_episode", c =>
        [
            ("episode_id", c.Value("clae_cla_episode_id")), ("cla_id", c.Value("clae_cla_id")),
            ("child_key", c.Child("clae_person_id")), ("start_date_key", c.DateKey("clae_cla_episode_start_date")),
            ("start_reason", c.Value("clae_cla_episode_start_reason")), ("primary_need_code", c.Value("clae_cla_primary_need_code")),
            ("ceased_date_key", c.DateKey("clae_cla_episode_ceased_date")), ("ceased_reason", c.Value("clae_cla_episode_ceased_reason")),
            ("referral_id", c.Value("clae_referral_id")), ("placement_id", c.Value("clae_cla_placement_id")),
            ("entered_care_date_key", c.DateKey("clae_entered_care_date")),
            ("last_iro_contact_date_key", c.DateKey("clae_cla_last_iro_contact_date")),
        ]),
        (SsdSchema.Placements, "fact_placement", c =>
        [
            ("placement_id", c.Value("clap_cla_placement_id")), ("cla_id", c.Value("clap_cla_id")),
            ("child_key", c.Child("clap_person_id")), ("start_date_key", c.DateKey("clap_cla_placement_start_date")),
            ("end_date_key", c.DateKey("clap_cla_placement_end_date")), ("placement_type", c.Value("clap_cla_placement_type")),
            ("urn", c.Value("clap_cla_placement_urn")), ("distance_miles", c.Value("clap_cla_placement_distance")),
            ("provider", c.Value("clap_cla_placement_provider")), ("postcode", c.Value("clap_cla_placement_postcode")),
            ("change_reason", c.Value("clap_cla_placement_change_reason")),
        ]),
        (SsdSchema.ClaReviews, "fact_cla_review", c =>
        [
            ("review_id", c.Value("clar_cla_review_id")), ("cla_id", c.Value("clar_cla_id")),
            ("child_key", c.ClaChild("clar_cla_id")), ("due_date_key", c.DateKey("clar_cla_review_due_date")),
            ("review_date_key", c.DateKey("clar_cla_review_date")), ("cancelled", c.Flag("clar_cla_review_cancelled")),
            ("participation", c.Value("clar_cla_review_participation")),
        ]),
        (SsdSchema.ClaVisits, "fact_cla_visit", c =>
        [
            ("visit_id", c.Value("clav_cla_visit_id")), ("cla_id", c.Value("clav_cla_id")),
            ("child_key", c.Child("clav_person_id")), ("visit_date_key", c.DateKey("clav_cla_visit_date")),
            ("seen", c.Flag("clav_cla_visit_seen")), ("seen_alone", c.Flag("clav_cla_visit_seen_alone")),
        ]),
        (SsdSchema.LegalStatuses, "fact_legal_status", c =>
        [
            ("legal_status_id", c.Value("lega_legal_status_id")), ("child_key", c.Child("lega_person_id")),
            ("legal_status", c.Value("lega_legal_status")), ("start_date_key", c.DateKey("lega_legal_status_start_date")),
            ("end_date_key", c.DateKey("lega_legal_status_end_date")),
        ]),
        (SsdSchema.CareLeavers, "fact_care_leaver_status", c =>
        [
            ("person_id", c.Value("clea_person_id")), ("child_key", c.Child("clea_person_id")),
            ("eligibility", c.Value("clea_care_leaver_eligibility")), ("in_touch", c.Value("clea_care_leaver_in_touch")),
            ("latest_contact_date_key", c.DateKey("clea_care_leaver_latest_contact")),
            ("accommodation", c.Value("clea_care_leaver_accommodation")),
            ("accommodation_suitable", c.Flag("clea_care_leaver_accom_suitable")),
            ("activity", c.Value("clea_care_leaver_activity")),
            ("pathway_plan_review_date_key", c.DateKey("clea_pathway_plan_review_date")),
            ("personal_advisor", c.Value("clea_care_leaver_personal_advisor")),
            ("team_key", c.Team("clea_care_leaver_allocated_team")),
            ("worker_key", c.Worker("clea_care_leaver_worker_id", eventDate: null)),
        ]),
        (SsdSchema.MeetingAttendance, "fact_meeting_attendance", c =>
        [
            ("attendance_id", c.Value("meet_attendance_id")), ("meeting_id", c.Value("meet_meeting_id")),
            ("meeting_type", c.Value("meet_meeting_type")), ("meeting_date_key", c.DateKey("meet_meeting_date")),
            ("child_key", c.Child("meet_person_id")), ("agency_key", c.Agency("meet_agency_code")),
            ("invited", c.Flag("meet_invited")), ("attended", c.Flag("meet_attended")),
            ("report_provided", c.Flag("meet_report_provided")),
        ]),
        (SsdSchema.ManagementOversight, "fact_oversight", c =>
        [
            ("oversight_id", c.Value("moversight_id")), ("child_key", c.Child("mo_person_id")),
            ("oversight_date_key", c.DateKey("mo_oversight_date")),
            ("manager_worker_key", c.Worker("mo_manager_id", "mo_oversight_date")), ("oversight_type", c.Value("mo_type")),
        ]),
    ];

    /// <summary>The fact maps, keyed by source table, bound to the run's context.</summary>
    public static Dictionary<string, FactMap> Build(LoadContext context) =>
        Maps.ToDictionary(
            m => m.Source.Name,
            m => new FactMap(m.Source, m.Target, m.Columns(new FactColumns(m.Source, context))),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>Every fact target the catalogue loads (for tests and the swap order).</summary>
    public static IEnumerable<string> Targets => Maps.Select(m => m.Target);
}
