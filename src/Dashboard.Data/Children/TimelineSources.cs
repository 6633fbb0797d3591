using System.Globalization;

namespace Dashboard.Data.Children;

/// <summary>A strategy discussion's invitation of one agency (fact_meeting_attendance joined to dim_agency).</summary>
internal sealed record Attendance(string MeetingId, string Agency, bool? Invited, bool? Attended);

/// <summary>One fact table's events: the SQL (parameter @ChildKey) and how a row becomes a summary. Every query selects
/// event_id and event_date (a date key), and where it has them end_date, team_name and worker_name.</summary>
internal sealed record TimelineSource(string Kind, string Sql, Func<TimelineRow, ILookup<string, Attendance>, string> Summary);

/// <summary>
/// The fact tables a child's timeline reads, in the order events of one day are listed (the order work usually flows).
/// Portable SQL: codes are decoded by LEFT JOIN to dim_code, the unknown team and worker (key 0) read as no name, and
/// strings are put together here, not in SQL (SQLite and T-SQL concatenate differently).
/// </summary>
internal static class TimelineSources
{
    private const string Team = "LEFT JOIN dim_team t ON t.team_key = f.team_key AND t.team_key <> 0";
    private const string Worker = "LEFT JOIN dim_worker w ON w.worker_key = f.worker_key AND w.worker_key <> 0";
    private const string Allocated = "t.team_name AS team_name, w.worker_name AS worker_name";

    public const string AttendanceSql = """
        SELECT a.meeting_id AS MeetingId, COALESCE(g.agency_name, 'Unknown agency') AS Agency, a.invited AS Invited, a.attended AS Attended
        FROM fact_meeting_attendance a LEFT JOIN dim_agency g ON g.agency_key = a.agency_key
        WHERE a.meeting_id IN (SELECT meeting_id FROM fact_strategy_discussion WHERE child_key = @ChildKey)
        ORDER BY a.meeting_id, g.agency_name
        """;

    public static IReadOnlyList<TimelineSource> All { get; } =
    [
        new("Contact", """
            SELECT f.contact_id AS event_id, f.contact_date_key AS event_date, COALESCE(c.label, f.source_code) AS source,
                   f.is_new_referral AS new_referral, f.is_existing_referral AS existing_referral, f.is_cp_enquiry AS cp_enquiry,
                   f.is_advice AS advice, f.is_nfa AS nfa
            FROM fact_contact f LEFT JOIN dim_code c ON c.code_list = 'referral_source' AND c.code = f.source_code
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Contact" + Prefixed(" from ", r.Text("source")),
                When(r.Flag("new_referral"), "led to a referral"), When(r.Flag("existing_referral"), "passed to the open case"),
                When(r.Flag("cp_enquiry"), "child protection enquiry"), When(r.Flag("advice"), "advice and information given"),
                When(r.Flag("nfa"), "no further action"))),
        new("Early help", """
            SELECT f.episode_id AS event_id, f.start_date_key AS event_date, f.end_date_key AS end_date,
                   (SELECT MAX(w.worker_name) FROM dim_worker w WHERE w.professional_id = f.worker_id) AS worker_name,
                   f.reason AS reason, f.organisation AS organisation, f.end_reason AS end_reason
            FROM fact_early_help_episode f
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Early help episode" + Prefixed(" for ", r.Text("reason")) + Prefixed(" with ", r.Text("organisation")),
                Prefixed("ended: ", r.Text("end_reason")))),
        new("Referral", $"""
            SELECT f.referral_id AS event_id, f.referral_date_key AS event_date, f.close_date_key AS end_date, {Allocated},
                   COALESCE(src.label, f.source_code) AS source, COALESCE(need.label, f.primary_need_code) AS need, f.is_nfa AS nfa,
                   COALESCE(cr.label, f.close_reason_code) AS close_reason
            FROM fact_referral f {Team} {Worker}
                 LEFT JOIN dim_code src ON src.code_list = 'referral_source' AND src.code = f.source_code
                 LEFT JOIN dim_code need ON need.code_list = 'primary_need' AND need.code = f.primary_need_code
                 LEFT JOIN dim_code cr ON cr.code_list = 'closure_reason' AND cr.code = f.close_reason_code
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Referral" + Prefixed(" from ", r.Text("source")), Prefixed("need: ", r.Text("need")),
                When(r.Flag("nfa"), "no further action"), Prefixed("closed: ", r.Text("close_reason")))),
        new("Allocation", $"""
            SELECT f.involvement_id AS event_id, f.start_date_key AS event_date, f.end_date_key AS end_date, {Allocated},
                   f.role AS involvement_role, f.change_reason AS change_reason
            FROM fact_involvement f {Team} {Worker}
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Allocated to " + (r.Text("worker_name") ?? "an unknown worker") + Prefixed(" as ", r.Text("involvement_role")) +
                Prefixed(" in ", r.Text("team_name")), Prefixed("reason for change: ", r.Text("change_reason")))),
        new("Assessment", $"""
            SELECT f.assessment_id AS event_id, f.start_date_key AS event_date, f.auth_date_key AS end_date, {Allocated},
                   f.child_seen AS seen, f.is_nfa AS nfa
            FROM fact_assessment f {Team} {Worker}
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Assessment started", r.Flag("seen") switch { true => "child seen", false => "child not seen", null => null },
                r.Date("end_date") is { } authorised ? "authorised " + TimelineRow.Show(authorised) : "not yet authorised",
                When(r.Flag("nfa"), "no further action"))),
        new("CIN plan", $"""
            SELECT f.cin_plan_id AS event_id, f.start_date_key AS event_date, f.end_date_key AS end_date, {Allocated}
            FROM fact_cin_plan f {Team} {Worker}
            WHERE f.child_key = @ChildKey
            """, (r, _) => "Child in need plan" + (r.Date("end_date") is null ? " (open)" : "")),
        new("CIN visit", """
            SELECT f.visit_id AS event_id, f.visit_date_key AS event_date, f.seen AS seen, f.seen_alone AS seen_alone, f.bedroom_seen AS bedroom_seen
            FROM fact_cin_visit f
            WHERE f.child_key = @ChildKey
            """, (r, _) => "Child in need visit: " + Seen(r)),
        new("S47 enquiry", $"""
            SELECT f.s47_id AS event_id, f.start_date_key AS event_date, f.end_date_key AS end_date, {Allocated},
                   f.icpc_required AS icpc_required, f.is_nfa AS nfa
            FROM fact_s47_enquiry f {Team} {Worker}
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Section 47 enquiry", When(r.Flag("icpc_required"), "conference needed"), When(r.Flag("nfa"), "no further action"))),
        new("Strategy discussion", """
            SELECT f.meeting_id AS event_id, f.meeting_date_key AS event_date, f.agencies_invited AS invited, f.agencies_attended AS attended
            FROM fact_strategy_discussion f
            WHERE f.child_key = @ChildKey
            """, Strategy),
        new("ICPC", $"""
            SELECT f.icpc_id AS event_id, f.icpc_date_key AS event_date, {Allocated}, f.target_date_key AS target_date,
                   f.is_transfer_in AS transfer_in, f.outcome_cp_plan AS outcome_cp_plan
            FROM fact_icpc f {Team} {Worker}
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Initial child protection conference" + (r.Flag("transfer_in") == true ? " (transfer in)" : ""),
                r.Flag("outcome_cp_plan") switch { true => "child protection plan made", false => "no plan", null => null },
                r.Date("target_date") is { } target && r.Date("event_date") > target ? "held after its target date of " + TimelineRow.Show(target) : null)),
        new("CP plan", """
            SELECT f.cp_plan_id AS event_id, f.start_date_key AS event_date, f.end_date_key AS end_date,
                   COALESCE(ic.label, f.initial_category) AS initial_category, COALESCE(lc.label, f.latest_category) AS latest_category
            FROM fact_cp_plan f
                 LEFT JOIN dim_code ic ON ic.code_list = 'cp_category' AND ic.code = f.initial_category
                 LEFT JOIN dim_code lc ON lc.code_list = 'cp_category' AND lc.code = f.latest_category
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Child protection plan" + Prefixed(" under ", r.Text("initial_category")),
                r.Text("latest_category") is { } latest && latest != r.Text("initial_category") ? "latest category: " + latest : null,
                r.Date("end_date") is null ? "open" : null)),
        new("CP visit", """
            SELECT f.visit_id AS event_id, f.visit_date_key AS event_date, f.seen AS seen, f.seen_alone AS seen_alone, f.bedroom_seen AS bedroom_seen
            FROM fact_cp_visit f
            WHERE f.child_key = @ChildKey
            """, (r, _) => "Child protection visit: " + Seen(r)),
        new("CP review", """
            SELECT f.review_id AS event_id, COALESCE(f.review_date_key, f.due_date_key) AS event_date, f.review_date_key AS held,
                   f.quorate AS quorate, f.continue_cp AS continue_cp, f.participation AS participation
            FROM fact_cp_review f
            WHERE f.child_key = @ChildKey AND COALESCE(f.review_date_key, f.due_date_key) IS NOT NULL
            """, (r, _) => r.Date("held") is null ? "Child protection review due, not held" : Join("Child protection review",
                When(r.Flag("quorate") == false, "not quorate"),
                r.Flag("continue_cp") switch { true => "plan to continue", false => "plan to end", null => null },
                Prefixed("participation: ", r.Text("participation")))),
        new("Care episode", """
            SELECT f.episode_id AS event_id, f.start_date_key AS event_date, f.ceased_date_key AS end_date,
                   COALESCE(sr.label, f.start_reason) AS start_reason, COALESCE(need.label, f.primary_need_code) AS need,
                   COALESCE(cr.label, f.ceased_reason) AS ceased_reason
            FROM fact_cla_episode f
                 LEFT JOIN dim_code sr ON sr.code_list = 'cla_start_reason' AND sr.code = f.start_reason
                 LEFT JOIN dim_code need ON need.code_list = 'primary_need' AND need.code = f.primary_need_code
                 LEFT JOIN dim_code cr ON cr.code_list = 'cla_ceased_reason' AND cr.code = f.ceased_reason
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Looked-after episode" + Prefixed(": ", r.Text("start_reason")), Prefixed("need: ", r.Text("need")),
                Prefixed("ended: ", r.Text("ceased_reason")))),
        new("Placement", """
            SELECT f.placement_id AS event_id, f.start_date_key AS event_date, f.end_date_key AS end_date,
                   COALESCE(pt.label, f.placement_type) AS placement_type, f.provider AS provider, f.distance_miles AS distance_miles,
                   f.change_reason AS change_reason
            FROM fact_placement f LEFT JOIN dim_code pt ON pt.code_list = 'placement_type' AND pt.code = f.placement_type
            WHERE f.child_key = @ChildKey
            """, (r, _) => Join("Placement" + Prefixed(": ", r.Text("placement_type")) + Prefixed(" with ", r.Text("provider")),
                r.Real("distance_miles") is { } miles ? miles.ToString("0.#", CultureInfo.InvariantCulture) + " miles from home" : null,
                Prefixed("reason for change: ", r.Text("change_reason")))),
        new("CLA visit", """
            SELECT f.visit_id AS event_id, f.visit_date_key AS event_date, f.seen AS seen, f.seen_alone AS seen_alone
            FROM fact_cla_visit f
            WHERE f.child_key = @ChildKey
            """, (r, _) => "Looked-after visit: " + Seen(r)),
        new("CLA review", """
            SELECT f.review_id AS event_id, COALESCE(f.review_date_key, f.due_date_key) AS event_date, f.review_date_key AS held,
                   f.cancelled AS cancelled, f.participation AS participation
            FROM fact_cla_review f
            WHERE f.child_key = @ChildKey AND COALESCE(f.review_date_key, f.due_date_key) IS NOT NULL
            """, (r, _) => r.Flag("cancelled") == true ? "Looked-after review cancelled"
                : r.Date("held") is null ? "Looked-after review due, not held"
                : Join("Looked-after review", Prefixed("participation: ", r.Text("participation")))),
        new("Legal status", """
            SELECT f.legal_status_id AS event_id, f.start_date_key AS event_date, f.end_date_key AS end_date,
                   COALESCE(ls.label, f.legal_status) AS legal_status
            FROM fact_legal_status f LEFT JOIN dim_code ls ON ls.code_list = 'legal_status' AND ls.code = f.legal_status
            WHERE f.child_key = @ChildKey
            """, (r, _) => "Legal status: " + (r.Text("legal_status") ?? "not recorded")),
        new("Care leaver", $"""
            SELECT f.person_id AS event_id, f.latest_contact_date_key AS event_date, {Allocated},
                   COALESCE(it.label, f.in_touch) AS in_touch, COALESCE(ac.label, f.accommodation) AS accommodation,
                   f.accommodation_suitable AS suitable, COALESCE(av.label, f.activity) AS activity, f.personal_advisor AS personal_advisor,
                   f.pathway_plan_review_date_key AS pathway_review
            FROM fact_care_leaver_status f {Team} {Worker}
                 LEFT JOIN dim_code it ON it.code_list = 'care_leaver_in_touch' AND it.code = f.in_touch
                 LEFT JOIN dim_code ac ON ac.code_list = 'care_leaver_accommodation' AND ac.code = f.accommodation
                 LEFT JOIN dim_code av ON av.code_list = 'care_leaver_activity' AND av.code = f.activity
            WHERE f.child_key = @ChildKey AND f.latest_contact_date_key IS NOT NULL
            """, (r, _) => Join("Care leaver, latest contact" + Prefixed(": ", r.Text("in_touch")),
                r.Text("accommodation") is { } accommodation
                    ? "accommodation: " + accommodation + r.Flag("suitable") switch { true => " (suitable)", false => " (not suitable)", null => "" }
                    : null,
                Prefixed("activity: ", r.Text("activity")), Prefixed("personal advisor: ", r.Text("personal_advisor")),
                r.Date("pathway_review") is { } review ? "pathway plan reviewed " + TimelineRow.Show(review) : null)),
        new("Oversight", """
            SELECT f.oversight_id AS event_id, f.oversight_date_key AS event_date, w.worker_name AS worker_name,
                   COALESCE(ot.label, f.oversight_type) AS oversight_type
            FROM fact_oversight f
                 LEFT JOIN dim_worker w ON w.worker_key = f.manager_worker_key AND w.worker_key <> 0
                 LEFT JOIN dim_code ot ON ot.code_list = 'oversight_type' AND ot.code = f.oversight_type
            WHERE f.child_key = @ChildKey
            """, (r, _) => (r.Text("oversight_type") ?? "Management oversight") + Prefixed(" by ", r.Text("worker_name"))),
    ];

    private static string Strategy(TimelineRow row, ILookup<string, Attendance> attendance)
    {
        var agencies = attendance[row.Text("event_id") ?? ""].ToList();
        if (agencies.Count == 0)
        {
            return $"Strategy discussion: {row.Number("attended") ?? 0} of {row.Number("invited") ?? 0} agencies invited attended";
        }
        var attended = agencies.Where(a => a.Attended == true).Select(a => a.Agency).ToList();
        var absent = agencies.Where(a => a.Attended != true && a.Invited != false).Select(a => a.Agency).ToList();
        return Join("Strategy discussion", attended.Count > 0 ? "attended by " + string.Join(", ", attended) : "no agency attended",
            absent.Count > 0 ? "invited but absent: " + string.Join(", ", absent) : null);
    }

    /// <summary>Whether the child was seen (and alone, and their bedroom) on a visit.</summary>
    private static string Seen(TimelineRow row) => row.Flag("seen") switch
    {
        null => "not recorded whether the child was seen",
        false => "child not seen",
        true => "child seen" + row.Flag("seen_alone") switch { true => " alone", false => ", not alone", null => "" } +
            (row.Flag("bedroom_seen") == true ? "; bedroom seen" : ""),
    };

    private static string? When(bool? flag, string text) => flag == true ? text : null;

    private static string Prefixed(string prefix, string? text) => text is null ? "" : prefix + text;

    /// <summary>The head, then each non-empty part after "; ".</summary>
    private static string Join(string head, params string?[] parts) =>
        string.Join("; ", new[] { head }.Concat(parts.Where(p => !string.IsNullOrEmpty(p))));
}
