using Dapper;
using Dashboard.Data;

namespace Dashboard.Reports.AnnexA;

/// <summary>
/// Reads what the Annex A lists need from the warehouse's facts and dimensions. Each query is a single scan with a
/// date-key filter (portable SQL, parameterised); joining rows to children, allocations and counts happens in
/// memory by key, so no query runs once per row and none needs an index the schema lacks.
/// Stateless: one connection per workbook, passed in by <see cref="AnnexAWorkbook"/>.
/// </summary>
internal sealed class AnnexAQueries(System.Data.Common.DbConnection connection, AnnexAWindow window, CancellationToken ct)
{
    private object Window => new { Ref = window.RefKey, From = window.FromKey, YearFrom = window.YearFromKey };

    public async Task<IReadOnlyList<ChildRow>> ChildrenAsync() => await QueryAsync<ChildRow>("""
        SELECT child_key AS ChildKey, person_id AS PersonId, sex AS Sex, ethnicity AS Ethnicity,
               date_of_birth AS DateOfBirth, has_disability AS HasDisability
        FROM dim_child WHERE child_key <> 0
        """);

    /// <summary>Involvements (allocations) open on the reference date, with the team and worker they name.</summary>
    public async Task<IReadOnlyList<AllocationRow>> AllocationsAsync() => await QueryAsync<AllocationRow>("""
        SELECT i.child_key AS ChildKey,
               CASE WHEN i.team_key = 0 THEN NULL ELSE t.team_name END AS Team,
               CASE WHEN i.worker_key = 0 THEN NULL ELSE w.worker_name END AS Worker,
               i.start_date_key AS StartKey
        FROM fact_involvement i
        JOIN dim_team t ON t.team_key = i.team_key
        JOIN dim_worker w ON w.worker_key = i.worker_key
        WHERE i.start_date_key <= @Ref AND (i.end_date_key IS NULL OR i.end_date_key >= @Ref)
        """);

    /// <summary>Events per child in the twelve months to the reference date, for one of the counted fact tables.</summary>
    public async Task<Dictionary<long, long>> CountsInYearAsync(CountedEvent counted)
    {
        var sql = counted switch
        {
            CountedEvent.Referral => "SELECT child_key AS ChildKey, COUNT(*) AS Value FROM fact_referral WHERE referral_date_key BETWEEN @YearFrom AND @Ref GROUP BY child_key",
            CountedEvent.Section47 => "SELECT child_key AS ChildKey, COUNT(*) AS Value FROM fact_s47_enquiry WHERE start_date_key BETWEEN @YearFrom AND @Ref GROUP BY child_key",
            CountedEvent.Icpc => "SELECT child_key AS ChildKey, COUNT(*) AS Value FROM fact_icpc WHERE icpc_date_key BETWEEN @YearFrom AND @Ref GROUP BY child_key",
            _ => throw new ArgumentOutOfRangeException(nameof(counted), counted, null),
        };
        return (await QueryAsync<ChildValueRow>(sql)).ToDictionary(r => r.ChildKey, r => r.Value);
    }

    /// <summary>The latest visit at which each child was seen, up to the reference date, across CIN, CP and CLA visits.</summary>
    public async Task<Dictionary<long, long>> LastSeenAsync()
    {
        var rows = await QueryAsync<ChildValueRow>("""
            SELECT child_key AS ChildKey, MAX(visit_date_key) AS Value FROM fact_cin_visit WHERE seen = 1 AND visit_date_key <= @Ref GROUP BY child_key
            UNION ALL
            SELECT child_key AS ChildKey, MAX(visit_date_key) AS Value FROM fact_cp_visit WHERE seen = 1 AND visit_date_key <= @Ref GROUP BY child_key
            UNION ALL
            SELECT child_key AS ChildKey, MAX(visit_date_key) AS Value FROM fact_cla_visit WHERE seen = 1 AND visit_date_key <= @Ref GROUP BY child_key
            """);
        var latest = new Dictionary<long, long>();
        foreach (var r in rows)
            latest[r.ChildKey] = latest.TryGetValue(r.ChildKey, out var seen) ? Math.Max(seen, r.Value) : r.Value;
        return latest;
    }

    /// <summary>List 1: contacts dated in the lookback. Code = contact source.</summary>
    public Task<IReadOnlyList<EventRow>> ContactsAsync() => QueryAsync<EventRow>("""
        SELECT contact_id AS Id, child_key AS ChildKey, contact_date_key AS DateKey, source_code AS Code
        FROM fact_contact WHERE contact_date_key BETWEEN @From AND @Ref
        ORDER BY contact_date_key, contact_id
        """);

    /// <summary>List 2: early help episodes started in the lookback. Text = the organisation.</summary>
    public Task<IReadOnlyList<EventRow>> EarlyHelpAsync() => QueryAsync<EventRow>("""
        SELECT episode_id AS Id, child_key AS ChildKey, start_date_key AS DateKey, end_date_key AS EndKey, organisation AS Text
        FROM fact_early_help_episode WHERE start_date_key BETWEEN @From AND @Ref
        ORDER BY start_date_key, episode_id
        """);

    /// <summary>List 3: referrals dated in the lookback. Code = source, Flag = NFA.</summary>
    public Task<IReadOnlyList<EventRow>> ReferralsAsync() => QueryAsync<EventRow>("""
        SELECT referral_id AS Id, child_key AS ChildKey, referral_date_key AS DateKey, source_code AS Code, is_nfa AS Flag
        FROM fact_referral WHERE referral_date_key BETWEEN @From AND @Ref
        ORDER BY referral_date_key, referral_id
        """);

    /// <summary>List 4: assessments open at any time in the lookback. EndKey = authorisation, Flag = child seen, Flag2 = NFA.</summary>
    public Task<IReadOnlyList<EventRow>> AssessmentsAsync() => QueryAsync<EventRow>("""
        SELECT assessment_id AS Id, child_key AS ChildKey, start_date_key AS DateKey, auth_date_key AS EndKey,
               child_seen AS Flag, is_nfa AS Flag2
        FROM fact_assessment
        WHERE start_date_key <= @Ref AND (auth_date_key IS NULL OR auth_date_key >= @From)
        ORDER BY start_date_key, assessment_id
        """);

    /// <summary>List 5: section 47 enquiries started in the lookback. Flag = ICPC required.</summary>
    public Task<IReadOnlyList<EventRow>> Section47sAsync() => QueryAsync<EventRow>("""
        SELECT s47_id AS Id, child_key AS ChildKey, start_date_key AS DateKey, icpc_required AS Flag
        FROM fact_s47_enquiry WHERE start_date_key BETWEEN @From AND @Ref
        ORDER BY start_date_key, s47_id
        """);

    /// <summary>Strategy discussions matched to an enquiry, by enquiry id (the earliest wins when several match).</summary>
    public Task<IReadOnlyList<LinkedEventRow>> StrategyDiscussionsAsync() => QueryAsync<LinkedEventRow>("""
        SELECT s47_id AS Id, meeting_date_key AS DateKey FROM fact_strategy_discussion
        WHERE s47_id IS NOT NULL AND meeting_date_key <= @Ref
        """);

    /// <summary>Initial conferences by the enquiry that led to them. Flag = a CP plan resulted.</summary>
    public Task<IReadOnlyList<LinkedEventRow>> IcpcsByEnquiryAsync() => QueryAsync<LinkedEventRow>("""
        SELECT s47_id AS Id, icpc_date_key AS DateKey, outcome_cp_plan AS Flag FROM fact_icpc
        WHERE s47_id IS NOT NULL AND icpc_date_key BETWEEN @From AND @Ref
        """);

    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, Window, cancellationToken: ct))).AsList();
}

/// <summary>The events counted per child over the last twelve months.</summary>
internal enum CountedEvent
{
    Referral,
    Section47,
    Icpc,
}
