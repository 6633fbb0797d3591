namespace Dashboard.Returns.AnnexA;

/// <summary>
/// What each list holds, read from an SSD source with plain SQL: the columns are named by the list's fields
/// (<see cref="AnnexALists"/>). $from is the window's first day (the day after 6 months before the reference date), $ref
/// the reference date. SSD sources write dates with or without a time and flags as Y/N, Yes/No, 1/0 or true/false, so
/// dates are compared on their first 10 characters and flags by <see cref="Yes"/>; the writer formats the values.
/// </summary>
internal static class AnnexAQueries
{
    private static string D(string column) => $"substr({column}, 1, 10)";

    private static string Yes(string column) => $"upper(trim({column})) IN ('Y', 'YES', '1', 'TRUE')";

    private const string Child = "p.pers_person_id AS child_id, p.pers_sex AS gender, p.pers_ethnicity AS ethnicity, p.pers_dob AS dob";

    private const string Disability = """
        CASE WHEN EXISTS (SELECT 1 FROM ssd_disability d WHERE d.disa_person_id = p.pers_person_id AND upper(d.disa_disability_code) <> 'NONE') THEN 'Y'
             WHEN EXISTS (SELECT 1 FROM ssd_disability d WHERE d.disa_person_id = p.pers_person_id) THEN 'N' END AS disability
        """;

    private static string Names(string team, string worker) =>
        $"(SELECT t.dept_team_name FROM ssd_department t WHERE t.dept_team_id = {team}) AS team, " +
        $"(SELECT w.prof_professional_name FROM ssd_professionals w WHERE w.prof_professional_id = {worker}) AS worker";

    /// <summary>The team and worker allocated to the child on <paramref name="date"/> (the allocation open that day, the
    /// later start winning; the team of the worker's spell), failing that the team and worker recorded on the record:
    /// the same rule the indicators use, so the team a list names is the team a figure counts against.</summary>
    private static string AllocatedAt(string person, string date, string recordedTeam, string recordedWorker)
    {
        var open = $"FROM ssd_involvements i WHERE i.invo_person_id = {person} AND {D("i.invo_involvement_start_date")} <= {date} " +
                   $"AND (i.invo_involvement_end_date IS NULL OR {D("i.invo_involvement_end_date")} >= {date}) ORDER BY {D("i.invo_involvement_start_date")} DESC LIMIT 1";
        return $"(SELECT t.dept_team_name FROM ssd_department t WHERE t.dept_team_id = COALESCE((SELECT i.invo_professional_team {open}), {recordedTeam})) AS team, " +
               $"(SELECT w.prof_professional_name FROM ssd_professionals w WHERE w.prof_professional_id = COALESCE((SELECT i.invo_professional_id {open}), {recordedWorker})) AS worker";
    }

    /// <summary>The earlier of the reference date and the record's end: the day whose allocation the list names.</summary>
    private static string Until(string end) => $"CASE WHEN {end} IS NOT NULL AND {D(end)} < $ref THEN {D(end)} ELSE $ref END";

    public static string? For(int list) => list switch
    {
        1 => $"""
            SELECT {Child}, c.cont_contact_date AS date, c.cont_contact_source_code AS source
            FROM ssd_contacts c JOIN ssd_person p ON p.pers_person_id = c.cont_person_id
            WHERE {D("c.cont_contact_date")} BETWEEN $from AND $ref ORDER BY {D("c.cont_contact_date")}, p.pers_person_id
            """,
        2 => $"""
            SELECT {Child}, e.earl_episode_start_date AS date, e.earl_episode_end_date AS end_date, e.earl_episode_organisation AS organisation
            FROM ssd_early_help_episodes e JOIN ssd_person p ON p.pers_person_id = e.earl_person_id
            WHERE {D("e.earl_episode_start_date")} <= $ref AND (e.earl_episode_end_date IS NULL OR {D("e.earl_episode_end_date")} >= $from)
            ORDER BY {D("e.earl_episode_start_date")}, p.pers_person_id
            """,
        3 => $"""
            SELECT {Child}, r.cine_referral_date AS date, r.cine_referral_source_code AS source, r.cine_referral_nfa AS nfa,
                (SELECT count(*) FROM ssd_cin_episodes o WHERE o.cine_person_id = r.cine_person_id
                    AND {D("o.cine_referral_date")} BETWEEN date({D("r.cine_referral_date")}, '-12 months') AND {D("r.cine_referral_date")}) AS referrals_12m,
                {Names("r.cine_referral_team", "r.cine_referral_worker_id")}
            FROM ssd_cin_episodes r JOIN ssd_person p ON p.pers_person_id = r.cine_person_id
            WHERE {D("r.cine_referral_date")} BETWEEN $from AND $ref ORDER BY {D("r.cine_referral_date")}, p.pers_person_id
            """,
        4 => $"""
            SELECT {Child}, {Disability}, a.cina_assessment_start_date AS date, a.cina_assessment_child_seen AS seen,
                a.cina_assessment_auth_date AS auth_date,
                CASE WHEN a.cina_assessment_outcome_nfa IS NULL THEN NULL WHEN {Yes("a.cina_assessment_outcome_nfa")} THEN 'N' ELSE 'Y' END AS needs_support,
                {Names("a.cina_assessment_team", "a.cina_assessment_worker_id")}
            FROM ssd_cin_assessments a JOIN ssd_person p ON p.pers_person_id = a.cina_person_id
            WHERE {D("a.cina_assessment_start_date")} <= $ref AND (a.cina_assessment_auth_date IS NULL OR {D("a.cina_assessment_auth_date")} >= $from)
            ORDER BY {D("a.cina_assessment_start_date")}, p.pers_person_id
            """,
        5 => $"""
            SELECT {Child}, {Disability}, s.s47e_s47_start_date AS date,
                CASE WHEN i.icpc_icpc_date IS NULL AND s.s47e_s47_end_date IS NOT NULL THEN 'Y' WHEN i.icpc_icpc_date IS NOT NULL THEN 'N' END AS icpc_unnecessary,
                i.icpc_icpc_date AS icpc_date, i.icpc_icpc_outcome_cp_flag AS icpc_plan,
                (SELECT count(*) FROM ssd_s47_enquiry o WHERE o.s47e_person_id = s.s47e_person_id
                    AND {D("o.s47e_s47_start_date")} BETWEEN date($ref, '-12 months') AND $ref) AS s47_12m,
                (SELECT count(*) FROM ssd_initial_cp_conference o WHERE o.icpc_person_id = s.s47e_person_id
                    AND {D("o.icpc_icpc_date")} BETWEEN date($ref, '-12 months') AND $ref) AS icpc_12m,
                {Names("s.s47e_s47_completed_by_team", "s.s47e_s47_completed_by_worker_id")}
            FROM ssd_s47_enquiry s JOIN ssd_person p ON p.pers_person_id = s.s47e_person_id
            LEFT JOIN ssd_initial_cp_conference i ON i.icpc_s47_enquiry_id = s.s47e_s47_enquiry_id AND {D("i.icpc_icpc_date")} <= $ref
            WHERE {D("s.s47e_s47_start_date")} <= $ref AND ({D("s.s47e_s47_start_date")} >= $from OR {D("i.icpc_icpc_date")} >= $from
                OR s.s47e_s47_end_date IS NULL OR {D("s.s47e_s47_end_date")} >= $from)
            ORDER BY {D("s.s47e_s47_start_date")}, p.pers_person_id
            """,
        6 => $"""
            SELECT {Child}, {Disability}, r.cine_referral_date AS date, r.cine_cin_primary_need_code AS primary_need,
                (SELECT max({D("v.cinv_cin_visit_date")}) FROM ssd_cin_visits v WHERE v.cinv_person_id = r.cine_person_id
                    AND {Yes("v.cinv_cin_visit_seen")} AND {D("v.cinv_cin_visit_date")} BETWEEN {D("r.cine_referral_date")} AND $ref) AS last_seen,
                CASE WHEN {D("r.cine_close_date")} <= $ref THEN r.cine_close_date END AS close_date,
                CASE WHEN {D("r.cine_close_date")} <= $ref THEN r.cine_close_reason END AS close_reason,
                CASE WHEN r.cine_close_date IS NULL OR {D("r.cine_close_date")} > $ref THEN 'Open' ELSE 'Closed' END AS case_status,
                {AllocatedAt("r.cine_person_id", Until("r.cine_close_date"), "NULL", "NULL")}
            FROM ssd_cin_episodes r JOIN ssd_person p ON p.pers_person_id = r.cine_person_id
            WHERE {D("r.cine_referral_date")} <= $ref AND (r.cine_close_date IS NULL OR {D("r.cine_close_date")} >= $from)
            ORDER BY {D("r.cine_referral_date")}, p.pers_person_id
            """,
        7 => $"""
            SELECT {Child}, {Disability}, c.cppl_cp_plan_start_date AS date, c.cppl_cp_plan_initial_category AS initial_category,
                c.cppl_cp_plan_latest_category AS latest_category, v.cppv_cp_visit_date AS last_visit, v.cppv_cp_visit_seen_alone AS seen_alone,
                (SELECT max({D("r.cppr_cp_review_date")}) FROM ssd_cp_reviews r WHERE r.cppr_cp_plan_id = c.cppl_cp_plan_id
                    AND {D("r.cppr_cp_review_date")} <= $ref) AS latest_review,
                CASE WHEN {D("c.cppl_cp_plan_end_date")} <= $ref THEN c.cppl_cp_plan_end_date END AS end_date,
                (SELECT count(*) FROM ssd_cp_plans o WHERE o.cppl_person_id = c.cppl_person_id
                    AND {D("o.cppl_cp_plan_start_date")} < {D("c.cppl_cp_plan_start_date")}) AS previous_plans,
                {AllocatedAt("c.cppl_person_id", Until("c.cppl_cp_plan_end_date"),
                    "(SELECT i.icpc_icpc_team FROM ssd_initial_cp_conference i WHERE i.icpc_icpc_id = c.cppl_icpc_id)",
                    "(SELECT i.icpc_icpc_worker_id FROM ssd_initial_cp_conference i WHERE i.icpc_icpc_id = c.cppl_icpc_id)")}
            FROM ssd_cp_plans c JOIN ssd_person p ON p.pers_person_id = c.cppl_person_id
            LEFT JOIN (SELECT cppv_cp_plan_id, cppv_cp_visit_date, cppv_cp_visit_seen_alone,
                    row_number() OVER (PARTITION BY cppv_cp_plan_id ORDER BY {D("cppv_cp_visit_date")} DESC) AS n
                FROM ssd_cp_visits WHERE {Yes("cppv_cp_visit_seen")} AND {D("cppv_cp_visit_date")} <= $ref) v
                ON v.cppv_cp_plan_id = c.cppl_cp_plan_id AND v.n = 1
            WHERE {D("c.cppl_cp_plan_start_date")} <= $ref AND (c.cppl_cp_plan_end_date IS NULL OR {D("c.cppl_cp_plan_end_date")} >= $from)
            ORDER BY {D("c.cppl_cp_plan_start_date")}, p.pers_person_id
            """,
        8 => $"""
            WITH periods AS (
                SELECT clae_cla_id, clae_person_id, min({D("clae_cla_episode_start_date")}) AS started,
                    max(CASE WHEN clae_cla_episode_ceased_date IS NULL THEN 1 ELSE 0 END) AS open_now
                FROM ssd_cla_episodes WHERE {D("clae_cla_episode_start_date")} <= $ref GROUP BY clae_cla_id, clae_person_id),
            latest AS (
                SELECT e.*, row_number() OVER (PARTITION BY e.clae_cla_id ORDER BY {D("e.clae_cla_episode_start_date")} DESC) AS n
                FROM ssd_cla_episodes e WHERE {D("e.clae_cla_episode_start_date")} <= $ref),
            placement AS (
                SELECT clap_cla_id, clap_cla_placement_start_date, clap_cla_placement_type,
                    row_number() OVER (PARTITION BY clap_cla_id ORDER BY {D("clap_cla_placement_start_date")} DESC) AS n
                FROM ssd_cla_placement WHERE {D("clap_cla_placement_start_date")} <= $ref)
            SELECT {Child}, {Disability}, pe.started AS date, l.clae_cla_primary_need_code AS primary_need,
                (SELECT s.lega_legal_status FROM ssd_legal_status s WHERE s.lega_person_id = pe.clae_person_id
                    AND {D("s.lega_legal_status_start_date")} <= $ref ORDER BY {D("s.lega_legal_status_start_date")} DESC LIMIT 1) AS legal_status,
                CASE WHEN {D("l.clae_cla_episode_ceased_date")} <= $ref THEN l.clae_cla_episode_ceased_date END AS end_date,
                CASE WHEN {D("l.clae_cla_episode_ceased_date")} <= $ref THEN l.clae_cla_episode_ceased_reason END AS ceased_reason,
                pl.clap_cla_placement_start_date AS placement_start, pl.clap_cla_placement_type AS placement_type,
                (SELECT count(*) FROM ssd_cla_placement o WHERE o.clap_cla_id = pe.clae_cla_id
                    AND {D("o.clap_cla_placement_start_date")} BETWEEN date($ref, '-12 months', '+1 day') AND $ref) AS placements_12m,
                (SELECT max({D("v.clav_cla_visit_date")}) FROM ssd_cla_visits v WHERE v.clav_cla_id = pe.clae_cla_id
                    AND {Yes("v.clav_cla_visit_seen")} AND {D("v.clav_cla_visit_date")} <= $ref) AS last_visit,
                (SELECT max({D("r.clar_cla_review_date")}) FROM ssd_cla_reviews r WHERE r.clar_cla_id = pe.clae_cla_id
                    AND {D("r.clar_cla_review_date")} <= $ref) AS latest_review,
                {AllocatedAt("pe.clae_person_id", Until("l.clae_cla_episode_ceased_date"), "NULL", "NULL")}
            FROM periods pe JOIN ssd_person p ON p.pers_person_id = pe.clae_person_id
            JOIN latest l ON l.clae_cla_id = pe.clae_cla_id AND l.n = 1
            LEFT JOIN placement pl ON pl.clap_cla_id = pe.clae_cla_id AND pl.n = 1
            WHERE l.clae_cla_episode_ceased_date IS NULL OR {D("l.clae_cla_episode_ceased_date")} >= $from
            ORDER BY pe.started, p.pers_person_id
            """,
        9 => $"""
            SELECT {Child}, {Disability}, {Names("c.clea_care_leaver_allocated_team", "c.clea_care_leaver_worker_id")},
                c.clea_care_leaver_eligibility AS eligibility, c.clea_care_leaver_in_touch AS in_touch,
                c.clea_care_leaver_accommodation AS accommodation, c.clea_care_leaver_accom_suitable AS suitable,
                c.clea_care_leaver_activity AS activity
            FROM ssd_care_leavers c JOIN ssd_person p ON p.pers_person_id = c.clea_person_id
            ORDER BY p.pers_person_id
            """,
        _ => null, // Lists 10-11: the SSD contract holds no adoption records; the sheets are written with their headings only.
    };
}
