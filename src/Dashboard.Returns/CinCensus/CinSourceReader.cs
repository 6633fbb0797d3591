using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// Reads from an SSD source what the CIN census carries: children with referrals, and each referral's assessments, CIN
/// plans, section 47 enquiries, conferences, CP plans and held reviews, attached by their referral id (or, where a row
/// names none, to the child's referral open on its start date). Plain SQL over the SSD tables; one pass per table.
/// </summary>
internal static class CinSourceReader
{
    public static IReadOnlyList<CinChild> Read(SqliteConnection source, CancellationToken ct)
    {
        var children = new Dictionary<string, CinChild>(StringComparer.Ordinal);
        Each(source, "SELECT pers_person_id, pers_sex, pers_ethnicity, pers_dob, pers_expected_dob, pers_death_date FROM ssd_person", r =>
            children[r[0]!] = new CinChild(r[0]!, r[1], r[2], Date(r[3]), Date(r[4]), Date(r[5])));
        Each(source, "SELECT disa_person_id, disa_disability_code FROM ssd_disability ORDER BY disa_person_id, disa_disability_code", r =>
        {
            if (children.TryGetValue(r[0]!, out var child) && r[1] is { } code) child.Disabilities.Add(code);
        });
        var episodes = new Dictionary<string, CinEpisode>(StringComparer.Ordinal);
        Each(source, """
            SELECT cine_referral_id, cine_person_id, cine_referral_date, cine_referral_source_code, cine_cin_primary_need_code,
                   cine_referral_nfa, cine_close_reason, cine_close_date
            FROM ssd_cin_episodes ORDER BY cine_person_id, cine_referral_date, cine_referral_id
            """, r =>
        {
            if (Date(r[2]) is not { } date || r[1] is null || !children.TryGetValue(r[1]!, out var child)) return;
            var episode = new CinEpisode(r[0]!, date, r[3], r[4], Flag(r[5]), r[6], Date(r[7]));
            episodes[episode.Id] = episode;
            child.Episodes.Add(episode);
        });
        ct.ThrowIfCancellationRequested();

        CinEpisode? EpisodeOf(string? referralId, string? personId, DateOnly on) =>
            referralId is not null && episodes.TryGetValue(referralId, out var e) ? e
            : personId is not null && children.TryGetValue(personId, out var c)
                ? c.Episodes.LastOrDefault(x => x.ReferralDate <= on && (x.CloseDate is not { } close || close >= on))
                : null;

        Each(source, """
            SELECT cina_referral_id, cina_person_id, cina_assessment_start_date, cina_assessment_auth_date, cina_assessment_outcome_nfa
            FROM ssd_cin_assessments ORDER BY cina_assessment_start_date, cina_assessment_id
            """, r =>
        {
            if (Date(r[2]) is { } start) EpisodeOf(r[0], r[1], start)?.Assessments.Add(new CinAssessment(start, Date(r[3]), Flag(r[4])));
        });
        Each(source, """
            SELECT cinp_referral_id, cinp_person_id, cinp_cin_plan_start_date, cinp_cin_plan_end_date
            FROM ssd_cin_plans ORDER BY cinp_cin_plan_start_date, cinp_cin_plan_id
            """, r =>
        {
            if (Date(r[2]) is { } start) EpisodeOf(r[0], r[1], start)?.CinPlans.Add(new CinPlanPeriod(start, Date(r[3])));
        });
        var enquiries = new Dictionary<string, CinEnquiry>(StringComparer.Ordinal);
        Each(source, """
            SELECT s47e_referral_id, s47e_person_id, s47e_s47_start_date, s47e_s47_enquiry_id,
                   json_extract(s47e_s47_outcome_json, '$.CP_CONFERENCE_FLAG')
            FROM ssd_s47_enquiry ORDER BY s47e_s47_start_date, s47e_s47_enquiry_id
            """, r =>
        {
            if (Date(r[2]) is not { } start || EpisodeOf(r[0], r[1], start) is not { } episode) return;
            var enquiry = new CinEnquiry(r[3]!, start, Flag(r[4]) == true);
            enquiries[enquiry.Id] = enquiry;
            episode.Enquiries.Add(enquiry);
        });
        Each(source, """
            SELECT icpc_referral_id, icpc_person_id, icpc_icpc_date, icpc_s47_enquiry_id, icpc_icpc_target_date
            FROM ssd_initial_cp_conference ORDER BY icpc_icpc_date, icpc_icpc_id
            """, r =>
        {
            if (Date(r[2]) is not { } held) return;
            if (r[3] is { } s47 && enquiries.TryGetValue(s47, out var enquiry))
            {
                enquiry.ConferenceDate = held;
                enquiry.ConferenceTarget = Date(r[4]);
            }
            else
            {
                EpisodeOf(r[0], r[1], held)?.TransferInConferences.Add(held);
            }
        });
        ReadProtectionPlans(source, children, EpisodeOf);
        ct.ThrowIfCancellationRequested();
        return [.. children.Values.Where(c => c.Episodes.Count > 0).OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    private static void ReadProtectionPlans(SqliteConnection source, Dictionary<string, CinChild> children,
        Func<string?, string?, DateOnly, CinEpisode?> episodeOf)
    {
        var plans = new Dictionary<string, CinProtectionPlan>(StringComparer.Ordinal);
        var starts = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        Each(source, """
            SELECT cppl_referral_id, cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_id, cppl_cp_plan_end_date,
                   cppl_cp_plan_initial_category, cppl_cp_plan_latest_category
            FROM ssd_cp_plans ORDER BY cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_id
            """, r =>
        {
            if (Date(r[2]) is not { } start || r[1] is not { } person || !children.ContainsKey(person)) return;
            var earlier = starts.TryGetValue(person, out var list) ? list : starts[person] = [];
            var plan = new CinProtectionPlan(start, Date(r[4]), r[5], r[6]) { PreviousPlans = earlier.Count(s => s < start) };
            earlier.Add(start);
            plans[r[3]!] = plan;
            episodeOf(r[0], person, start)?.ProtectionPlans.Add(plan);
        });
        Each(source, """
            SELECT cppr_cp_plan_id, cppr_cp_review_date FROM ssd_cp_reviews
            WHERE cppr_cp_review_date IS NOT NULL ORDER BY cppr_cp_review_date
            """, r =>
        {
            if (r[0] is { } id && plans.TryGetValue(id, out var plan) && Date(r[1]) is { } held) plan.Reviews.Add(held);
        });
    }

    private static void Each(SqliteConnection source, string sql, Action<string?[]> row)
    {
        using var command = source.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new string?[reader.FieldCount];
        while (reader.Read())
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)?.Trim();
            }
            row(values);
        }
    }

    private static DateOnly? Date(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static bool? Flag(string? text) => ReturnValues.Flag(text) switch
    {
        "Y" => true,
        "N" => false,
        _ => null,
    };
}
