using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Tests.Support;

/// <summary>
/// Builds a small SSD-shaped SQLite source by hand. Every contract table is created from <see cref="SsdSchema"/>
/// (columns without a declared type, so a test can store text, integers or reals exactly as a council might);
/// helpers add rows with readable defaults. <see cref="Without"/> and <see cref="WithoutColumn"/> make broken sources.
/// </summary>
public sealed class SsdSourceBuilder
{
    private readonly Dictionary<string, List<Dictionary<string, object?>>> _rows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _droppedColumns = new(StringComparer.Ordinal);

    public static SsdSourceBuilder AnSsdSource() => new();

    /// <summary>Adds a row; columns not named are NULL.</summary>
    public SsdSourceBuilder Row(string table, params (string Column, object? Value)[] values)
    {
        var t = SsdSchema.Table(table);
        var row = t.Columns.ToDictionary(c => c.Name, _ => (object?)null, StringComparer.Ordinal);
        foreach (var (column, value) in values)
        {
            if (!row.ContainsKey(column)) throw new ArgumentException($"{table} has no column {column}.", nameof(values));
            row[column] = value;
        }
        Rows(table).Add(row);
        return this;
    }

    /// <summary>Changes one column of the rows whose first key column is <paramref name="key"/>.</summary>
    public SsdSourceBuilder Set(string table, string key, string column, object? value)
    {
        var keyColumn = SsdSchema.Table(table).Key[0];
        var matched = Rows(table).Where(r => Equals(r[keyColumn], key)).ToList();
        if (matched.Count == 0) throw new ArgumentException($"{table} has no row {key}.", nameof(key));
        foreach (var row in matched) row[column] = value;
        return this;
    }

    /// <summary>Removes the rows whose first key column is <paramref name="key"/>.</summary>
    public SsdSourceBuilder Remove(string table, string key)
    {
        var keyColumn = SsdSchema.Table(table).Key[0];
        Rows(table).RemoveAll(r => Equals(r[keyColumn], key));
        return this;
    }

    public SsdSourceBuilder Without(string table)
    {
        _absent.Add(table);
        return this;
    }

    public SsdSourceBuilder WithoutColumn(string table, string column)
    {
        _droppedColumns[table] = column;
        return this;
    }

    private List<Dictionary<string, object?>> Rows(string table)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            rows = [];
            _rows[table] = rows;
        }
        return rows;
    }

    public SsdSourceBuilder Person(string id, string? dob = "2015-03-01", string? sex = "F", string? ethnicity = "WBRI") =>
        Row("ssd_person", ("pers_person_id", id), ("pers_sex", sex), ("pers_gender", "Girl"), ("pers_ethnicity", ethnicity),
            ("pers_dob", dob));

    public SsdSourceBuilder Disability(string person, string code) =>
        Row("ssd_disability", ("disa_person_id", person), ("disa_disability_code", code));

    public SsdSourceBuilder Team(string id, string? name = null) =>
        Row("ssd_department", ("dept_team_id", id), ("dept_team_name", name ?? $"Team {id}"), ("dept_team_parent_id", "CSC"),
            ("dept_team_parent_name", "Children's social care"));

    public SsdSourceBuilder Worker(string id, string? team = null, string? name = null) =>
        Row("ssd_professionals", ("prof_professional_id", id), ("prof_staff_id", "S" + id), ("prof_professional_name", name ?? $"Worker {id}"),
            ("prof_professional_job_title", "Social worker"), ("prof_professional_caseload", 12L), ("prof_professional_department", team),
            ("prof_full_time_equivalency", 1.0), ("prof_agency_worker_flag", "N"));

    public SsdSourceBuilder Involvement(string id, string worker, string person, string start, string? team = null, string? end = null,
        string? referral = null) =>
        Row("ssd_involvements", ("invo_involvements_id", id), ("invo_professional_id", worker), ("invo_professional_role_id", "SW"),
            ("invo_professional_team", team), ("invo_involvement_start_date", start), ("invo_involvement_end_date", end),
            ("invo_person_id", person), ("invo_referral_id", referral));

    public SsdSourceBuilder Contact(string id, string person, string date, string? outcome = """{"NEW_REFERRAL_FLAG":"Y","NFA_FLAG":"N"}""") =>
        Row("ssd_contacts", ("cont_contact_id", id), ("cont_person_id", person), ("cont_contact_date", date),
            ("cont_contact_source_code", "2A"), ("cont_contact_source_desc", "School"), ("cont_contact_outcome_json", outcome));

    public SsdSourceBuilder EarlyHelp(string id, string person, string start, string? end = null) =>
        Row("ssd_early_help_episodes", ("earl_episode_id", id), ("earl_person_id", person), ("earl_episode_start_date", start),
            ("earl_episode_end_date", end), ("earl_episode_reason", "Family support"), ("earl_episode_organisation", "Children's centre"));

    public SsdSourceBuilder Referral(string id, string person, string date, string? team = null, string? worker = null, string? nfa = "N") =>
        Row("ssd_cin_episodes", ("cine_referral_id", id), ("cine_person_id", person), ("cine_referral_date", date),
            ("cine_cin_primary_need_code", "N1"), ("cine_referral_source_code", "6"), ("cine_referral_nfa", nfa),
            ("cine_referral_team", team), ("cine_referral_worker_id", worker));

    public SsdSourceBuilder Assessment(string id, string person, string start, string? referral = null, string? auth = null,
        string? team = null, string? worker = null) =>
        Row("ssd_cin_assessments", ("cina_assessment_id", id), ("cina_person_id", person), ("cina_referral_id", referral),
            ("cina_assessment_start_date", start), ("cina_assessment_child_seen", "Y"), ("cina_assessment_auth_date", auth),
            ("cina_assessment_outcome_nfa", "N"), ("cina_assessment_team", team), ("cina_assessment_worker_id", worker));

    public SsdSourceBuilder CinPlan(string id, string person, string start, string? end = null, string? team = null, string? worker = null) =>
        Row("ssd_cin_plans", ("cinp_cin_plan_id", id), ("cinp_person_id", person), ("cinp_cin_plan_start_date", start),
            ("cinp_cin_plan_end_date", end), ("cinp_cin_plan_team", team), ("cinp_cin_plan_worker_id", worker));

    public SsdSourceBuilder CinVisit(string id, string person, string date) =>
        Row("ssd_cin_visits", ("cinv_cin_visit_id", id), ("cinv_person_id", person), ("cinv_cin_visit_date", date),
            ("cinv_cin_visit_seen", "Y"), ("cinv_cin_visit_seen_alone", "N"));

    public SsdSourceBuilder S47(string id, string person, string start, string? outcome = """{"CP_CONFERENCE_FLAG":"Y"}""",
        string? team = null, string? worker = null) =>
        Row("ssd_s47_enquiry", ("s47e_s47_enquiry_id", id), ("s47e_person_id", person), ("s47e_s47_start_date", start),
            ("s47e_s47_nfa", "N"), ("s47e_s47_outcome_json", outcome), ("s47e_s47_completed_by_team", team),
            ("s47e_s47_completed_by_worker_id", worker));

    public SsdSourceBuilder Icpc(string id, string person, string date, string? s47 = null, string? team = null, string? worker = null) =>
        Row("ssd_initial_cp_conference", ("icpc_icpc_id", id), ("icpc_icpc_meeting_id", "M" + id), ("icpc_s47_enquiry_id", s47),
            ("icpc_person_id", person), ("icpc_icpc_transfer_in", "N"), ("icpc_icpc_date", date), ("icpc_icpc_outcome_cp_flag", "Y"),
            ("icpc_icpc_team", team), ("icpc_icpc_worker_id", worker));

    public SsdSourceBuilder CpPlan(string id, string person, string start, string? end = null, string? icpc = null) =>
        Row("ssd_cp_plans", ("cppl_cp_plan_id", id), ("cppl_person_id", person), ("cppl_icpc_id", icpc),
            ("cppl_cp_plan_start_date", start), ("cppl_cp_plan_end_date", end), ("cppl_cp_plan_initial_category", "NEG"),
            ("cppl_cp_plan_latest_category", "NEG"), ("cppl_cp_plan_ola", "N"));

    public SsdSourceBuilder CpVisit(string id, string plan, string person, string date, string? seen = "Y", string? seenAlone = "Y") =>
        Row("ssd_cp_visits", ("cppv_cp_visit_id", id), ("cppv_cp_plan_id", plan), ("cppv_person_id", person),
            ("cppv_cp_visit_date", date), ("cppv_cp_visit_seen", seen), ("cppv_cp_visit_seen_alone", seenAlone));

    public SsdSourceBuilder CpReview(string id, string plan, string person, string? due, string? date) =>
        Row("ssd_cp_reviews", ("cppr_cp_review_id", id), ("cppr_cp_plan_id", plan), ("cppr_person_id", person),
            ("cppr_cp_review_due", due), ("cppr_cp_review_date", date), ("cppr_cp_review_quorate", "Y"));

    public SsdSourceBuilder ClaEpisode(string id, string person, string claId, string start, string? ceased = null) =>
        Row("ssd_cla_episodes", ("clae_cla_episode_id", id), ("clae_person_id", person), ("clae_cla_id", claId),
            ("clae_cla_episode_start_date", start), ("clae_cla_episode_start_reason", "S"), ("clae_cla_primary_need_code", "N1"),
            ("clae_cla_episode_ceased_date", ceased), ("clae_entered_care_date", start));

    public SsdSourceBuilder Placement(string id, string claId, string person, string start, double? distance = 4.5) =>
        Row("ssd_cla_placement", ("clap_cla_placement_id", id), ("clap_cla_id", claId), ("clap_person_id", person),
            ("clap_cla_placement_start_date", start), ("clap_cla_placement_type", "U4"), ("clap_cla_placement_distance", distance));

    public SsdSourceBuilder ClaReview(string id, string claId, string? due, string? date) =>
        Row("ssd_cla_reviews", ("clar_cla_review_id", id), ("clar_cla_id", claId), ("clar_cla_review_due_date", due),
            ("clar_cla_review_date", date), ("clar_cla_review_cancelled", "N"));

    public SsdSourceBuilder ClaVisit(string id, string claId, string person, string date) =>
        Row("ssd_cla_visits", ("clav_cla_visit_id", id), ("clav_cla_id", claId), ("clav_person_id", person),
            ("clav_cla_visit_date", date), ("clav_cla_visit_seen", "Y"), ("clav_cla_visit_seen_alone", "Y"));

    public SsdSourceBuilder LegalStatus(string id, string person, string status, string start) =>
        Row("ssd_legal_status", ("lega_legal_status_id", id), ("lega_person_id", person), ("lega_legal_status", status),
            ("lega_legal_status_start_date", start));

    public SsdSourceBuilder CareLeaver(string person, string? team = null, string? worker = null) =>
        Row("ssd_care_leavers", ("clea_person_id", person), ("clea_care_leaver_in_touch", "YES"), ("clea_care_leaver_accommodation", "U"),
            ("clea_care_leaver_accom_suitable", "Y"), ("clea_care_leaver_activity", "F2"), ("clea_pathway_plan_review_date", "2026-03-01"),
            ("clea_care_leaver_allocated_team", team), ("clea_care_leaver_worker_id", worker));

    public SsdSourceBuilder Attendance(string id, string meeting, string type, string date, string person, string agency,
        string invited = "Y", string attended = "Y") =>
        Row("ssd_ext_meeting_attendance", ("meet_attendance_id", id), ("meet_meeting_id", meeting), ("meet_meeting_type", type),
            ("meet_meeting_date", date), ("meet_person_id", person), ("meet_agency_code", agency), ("meet_invited", invited),
            ("meet_attended", attended), ("meet_report_provided", "N"));

    public SsdSourceBuilder Oversight(string id, string person, string date, string? manager = null, string type = "SUPERVISION") =>
        Row("ssd_ext_management_oversight", ("moversight_id", id), ("mo_person_id", person), ("mo_oversight_date", date),
            ("mo_manager_id", manager), ("mo_type", type));

    /// <summary>Writes the source database (replacing the file) and returns its path.</summary>
    public string Build(string path)
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.File.Exists(path)) System.IO.File.Delete(path);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in SsdSchema.All)
        {
            if (_absent.Contains(table.Name)) continue;
            var columns = table.Columns.Select(c => c.Name)
                .Where(c => !(_droppedColumns.TryGetValue(table.Name, out var dropped) && dropped == c)).ToList();
            Execute(connection, transaction, $"CREATE TABLE {table.Name} ({string.Join(", ", columns)})");
            if (!_rows.TryGetValue(table.Name, out var rows)) continue;
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
            var parameters = columns.Select(c => insert.Parameters.Add(new SqliteParameter("@" + c, DBNull.Value))).ToList();
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++) parameters[i].Value = row[columns[i]] ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        return path;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A small, clean council: three children, two teams, two workers (W1 moved from team T1 to T2 on 2026-03-01),
    /// and at least one row in every table, all dated before 2026-06-30.
    /// </summary>
    public static SsdSourceBuilder ASmallCouncil() => AnSsdSource()
        .Person("P1").Person("P2", dob: "2010-07-15", sex: "M").Person("P3", dob: "2007-01-20")
        .Disability("P1", "NONE").Disability("P2", "MOB").Disability("P2", "AUT")
        .Team("T1", "Assessment team").Team("T2", "Child protection team")
        .Worker("W1", team: "T2").Worker("W2", team: "T1")
        .Involvement("I1", "W1", "P1", "2025-09-01", team: "T1", end: "2026-02-28", referral: "R1")
        .Involvement("I2", "W1", "P2", "2026-03-01", team: "T2")
        .Involvement("I3", "W2", "P3", "2025-01-10", team: "T1")
        .Contact("C1", "P1", "2025-08-30").Contact("C2", "P2", "2026-02-27", """{"NEW_REFERRAL_FLAG":"N","ADVICE_FLAG":"Y"}""")
        .EarlyHelp("E1", "P3", "2024-05-01", "2024-11-01")
        .Referral("R1", "P1", "2025-09-01", team: "T1", worker: "W1")
        .Referral("R2", "P2", "2026-03-02", team: "T2", worker: "W1")
        .Assessment("A1", "P1", "2025-09-02", referral: "R1", auth: "2025-10-15", team: "T1", worker: "W1")
        .CinPlan("CIN1", "P1", "2025-10-20", team: "T1", worker: "W1")
        .CinVisit("CV1", "P1", "2025-11-03")
        .S47("S1", "P2", "2026-03-04", team: "T2", worker: "W1")
        .Icpc("IC1", "P2", "2026-03-20", s47: "S1", team: "T2", worker: "W1")
        .CpPlan("CP1", "P2", "2026-03-20", icpc: "IC1")
        .CpVisit("V1", "CP1", "P2", "2026-04-01").CpVisit("V2", "CP1", "P2", "2026-04-14", seenAlone: "N")
        .CpReview("CR1", "CP1", "P2", due: "2026-06-20", date: "2026-06-18")
        .ClaEpisode("CLE1", "P3", "CLA1", "2025-02-01")
        .Placement("PL1", "CLA1", "P3", "2025-02-01")
        .ClaReview("CLR1", "CLA1", due: "2025-03-01", date: "2025-02-27")
        .ClaVisit("CLV1", "CLA1", "P3", "2025-02-07")
        .LegalStatus("L1", "P3", "C2", "2025-02-01")
        .CareLeaver("P3", team: "T1", worker: "W2")
        .Attendance("MA1", "STRAT1", "STRAT", "2026-03-02", "P2", "POLICE")
        .Attendance("MA2", "STRAT1", "STRAT", "2026-03-02", "P2", "HEALTH", attended: "N")
        .Attendance("MA3", "STRAT1", "STRAT", "2026-03-02", "P2", "LA")
        .Oversight("MO1", "P2", "2026-03-05", manager: "W2");
}
