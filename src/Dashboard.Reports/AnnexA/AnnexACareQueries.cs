namespace Dashboard.Reports.AnnexA;

/// <summary>
/// The reads behind Lists 6 to 9 (children in need, child protection, children in care, care leavers), through the
/// same connection and window as <see cref="AnnexAQueries"/>.
/// </summary>
internal sealed class AnnexACareQueries(AnnexAQueries queries)
{
    /// <summary>List 6: CIN episodes (referrals that were not NFA) open at any time in the lookback.
    /// Code = primary need, Code2 = closure reason, EndKey = closure date.</summary>
    public Task<IReadOnlyList<EventRow>> CinEpisodesAsync() => queries.QueryAsync<EventRow>("""
        SELECT referral_id AS Id, child_key AS ChildKey, referral_date_key AS DateKey, close_date_key AS EndKey,
               primary_need_code AS Code, close_reason_code AS Code2
        FROM fact_referral
        WHERE referral_date_key <= @Ref AND (close_date_key IS NULL OR close_date_key >= @From)
          AND (is_nfa IS NULL OR is_nfa = 0)
        ORDER BY referral_date_key, referral_id
        """);

    /// <summary>List 7: CP plans open at any time in the lookback. Code = initial, Code2 = latest category.</summary>
    public Task<IReadOnlyList<EventRow>> CpPlansAsync() => queries.QueryAsync<EventRow>("""
        SELECT cp_plan_id AS Id, child_key AS ChildKey, start_date_key AS DateKey, end_date_key AS EndKey,
               initial_category AS Code, latest_category AS Code2
        FROM fact_cp_plan
        WHERE start_date_key <= @Ref AND (end_date_key IS NULL OR end_date_key >= @From)
        ORDER BY start_date_key, cp_plan_id
        """);

    /// <summary>Every CP plan's start, to count a child's previous plans.</summary>
    public Task<IReadOnlyList<ChildValueRow>> CpPlanStartsAsync() => queries.QueryAsync<ChildValueRow>(
        "SELECT child_key AS ChildKey, start_date_key AS Value FROM fact_cp_plan WHERE start_date_key <= @Ref");

    /// <summary>CP visits up to the reference date (Flag = seen alone); the latest per plan is kept in memory.</summary>
    public Task<IReadOnlyList<LinkedEventRow>> CpVisitsAsync() => queries.QueryAsync<LinkedEventRow>("""
        SELECT cp_plan_id AS Id, visit_date_key AS DateKey, seen_alone AS Flag FROM fact_cp_visit
        WHERE visit_date_key <= @Ref AND (seen IS NULL OR seen = 1)
        """);

    /// <summary>The latest review conference held for each plan by the reference date.</summary>
    public Task<IReadOnlyList<LinkedEventRow>> CpReviewsAsync() => queries.QueryAsync<LinkedEventRow>("""
        SELECT cp_plan_id AS Id, MAX(review_date_key) AS DateKey FROM fact_cp_review
        WHERE review_date_key IS NOT NULL AND review_date_key <= @Ref GROUP BY cp_plan_id
        """);

    /// <summary>Children under police protection (L1) or an emergency protection order (L2) at any time in the lookback.</summary>
    public Task<IReadOnlyList<ChildValueRow>> ProtectedInLookbackAsync() => queries.QueryAsync<ChildValueRow>("""
        SELECT DISTINCT child_key AS ChildKey, 1 AS Value FROM fact_legal_status
        WHERE legal_status IN ('L1', 'L2') AND start_date_key <= @Ref AND (end_date_key IS NULL OR end_date_key >= @From)
        """);

    /// <summary>List 8: CLA episodes open at any time in the twelve months (the lookback's periods of care, and the
    /// earlier ones that make a period "second or subsequent"). Text = cla_id, Code = need, Code2 = ceased reason,
    /// OtherKey = date entered care, LaterKey = last IRO contact.</summary>
    public Task<IReadOnlyList<EventRow>> ClaEpisodesAsync() => queries.QueryAsync<EventRow>("""
        SELECT episode_id AS Id, child_key AS ChildKey, start_date_key AS DateKey, ceased_date_key AS EndKey,
               cla_id AS Text, primary_need_code AS Code, ceased_reason AS Code2,
               entered_care_date_key AS OtherKey, last_iro_contact_date_key AS LaterKey
        FROM fact_cla_episode
        WHERE start_date_key <= @Ref AND (ceased_date_key IS NULL OR ceased_date_key >= @YearFrom)
        ORDER BY start_date_key, episode_id
        """);

    /// <summary>Legal statuses open in the lookback. Code = status.</summary>
    public Task<IReadOnlyList<EventRow>> LegalStatusesAsync() => queries.QueryAsync<EventRow>("""
        SELECT legal_status_id AS Id, child_key AS ChildKey, start_date_key AS DateKey, end_date_key AS EndKey, legal_status AS Code
        FROM fact_legal_status
        WHERE start_date_key <= @Ref AND (end_date_key IS NULL OR end_date_key >= @From)
        """);

    /// <summary>Placements open at any time in the twelve months. Code = type, Text = provider.</summary>
    public Task<IReadOnlyList<EventRow>> PlacementsAsync() => queries.QueryAsync<EventRow>("""
        SELECT placement_id AS Id, child_key AS ChildKey, start_date_key AS DateKey, end_date_key AS EndKey,
               placement_type AS Code, provider AS Text
        FROM fact_placement
        WHERE start_date_key <= @Ref AND (end_date_key IS NULL OR end_date_key >= @YearFrom)
        """);

    /// <summary>The latest review held (not cancelled) for each period of care by the reference date.</summary>
    public Task<IReadOnlyList<LinkedEventRow>> ClaReviewsAsync() => queries.QueryAsync<LinkedEventRow>("""
        SELECT cla_id AS Id, MAX(review_date_key) AS DateKey FROM fact_cla_review
        WHERE review_date_key IS NOT NULL AND review_date_key <= @Ref AND (cancelled IS NULL OR cancelled = 0)
        GROUP BY cla_id
        """);

    /// <summary>The latest social work visit for each period of care by the reference date.</summary>
    public Task<IReadOnlyList<LinkedEventRow>> ClaVisitsAsync() => queries.QueryAsync<LinkedEventRow>("""
        SELECT cla_id AS Id, MAX(visit_date_key) AS DateKey FROM fact_cla_visit
        WHERE visit_date_key <= @Ref GROUP BY cla_id
        """);

    /// <summary>List 9: each care leaver's latest status (SSD keeps one row per person), with their team and worker.</summary>
    public Task<IReadOnlyList<CareLeaverRow>> CareLeaversAsync() => queries.QueryAsync<CareLeaverRow>("""
        SELECT s.child_key AS ChildKey, s.eligibility AS Eligibility, s.in_touch AS InTouch,
               s.accommodation AS Accommodation, s.accommodation_suitable AS Suitable, s.activity AS Activity,
               CASE WHEN s.team_key = 0 THEN NULL ELSE t.team_name END AS Team,
               CASE WHEN s.worker_key = 0 THEN NULL ELSE w.worker_name END AS Worker
        FROM fact_care_leaver_status s
        JOIN dim_team t ON t.team_key = s.team_key
        JOIN dim_worker w ON w.worker_key = s.worker_key
        ORDER BY s.person_id
        """);
}

internal sealed class CareLeaverRow
{
    public long ChildKey { get; set; }
    public string? Eligibility { get; set; }
    public string? InTouch { get; set; }
    public string? Accommodation { get; set; }
    public long? Suitable { get; set; }
    public string? Activity { get; set; }
    public string? Team { get; set; }
    public string? Worker { get; set; }
}
