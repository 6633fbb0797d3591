using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Indicators;

/// <summary>One stored figure (fact_indicator). <see cref="Series"/> is null for the headline ('' in the table).</summary>
public sealed record StoredIndicator(
    string IndicatorId, string? Series, string Period, DateOnly AsAtDate, string ScopeLevel, string ScopeId, string ScopeName,
    int Numerator, int Denominator, decimal? Value, string? NotAvailable);

/// <summary>One stored exception row (fact_indicator_exception).</summary>
public sealed record StoredExceptionRow(
    string IndicatorId, string? Series, string Period, DateOnly RuleDate, string? PersonId, string? EventId, string TeamId, string? TeamName,
    string? WorkerId, string? WorkerName, string ServiceAreaId, string WhatDue, DateOnly? DueDate, int? DaysOverdue, string? OverdueUnit);

/// <summary>Which stored figures to read. Null members do not filter. Periods are 'yyyy-MM', both ends included.</summary>
public sealed record IndicatorFilter
{
    public string? FromPeriod { get; init; }
    public string? ToPeriod { get; init; }
    public string? IndicatorId { get; init; }

    /// <summary>council | service_area | team | worker.</summary>
    public string? ScopeLevel { get; init; }

    /// <summary>One team (by team_id): with scope team, that team's row; with scope worker, the workers whose current spell is in it.</summary>
    public string? TeamId { get; init; }

    /// <summary>The named breakdown; '' (the default) is the headline, null every series.</summary>
    public string? Series { get; init; } = "";
}

/// <summary>
/// Reads the indicator snapshots and exception rows the nightly ETL stores. Stateless: opens a connection per call.
/// </summary>
public sealed class IndicatorQueries(IConnectionFactory connections)
{
    private const string PeriodsSql = "SELECT DISTINCT period FROM fact_indicator ORDER BY period";

    private const string TeamsSql = "SELECT team_id AS Id, team_name AS Name FROM dim_team WHERE team_key <> 0 ORDER BY team_name";

    private const string ResultsSql = """
        SELECT indicator_id AS IndicatorId, series AS Series, period AS Period, as_at_date AS AsAtDate, scope_level AS ScopeLevel,
               scope_id AS ScopeId, scope_name AS ScopeName, numerator AS Numerator, denominator AS Denominator, "value" AS "Value",
               not_available AS NotAvailable
        FROM fact_indicator
        WHERE (@FromPeriod IS NULL OR period >= @FromPeriod) AND (@ToPeriod IS NULL OR period <= @ToPeriod)
          AND (@IndicatorId IS NULL OR indicator_id = @IndicatorId) AND (@ScopeLevel IS NULL OR scope_level = @ScopeLevel)
          AND (@Series IS NULL OR series = @Series)
          AND (@TeamId IS NULL
               OR (scope_level = 'team' AND scope_id = @TeamId)
               OR (scope_level = 'worker' AND scope_id IN (SELECT w.professional_id FROM dim_worker w JOIN dim_team t ON t.team_key = w.team_key
                                                         WHERE w.is_current = 1 AND t.team_id = @TeamId)))
        ORDER BY indicator_id, series, period, scope_level, scope_name, scope_id
        """;

    /// <summary>The columns of <see cref="ExceptionRow"/> from fact_indicator_exception e with the team's name (t); add WHERE and ORDER BY.</summary>
    internal const string ExceptionSelect = ExceptionSelectStart + "(SELECT MAX(w.worker_name) FROM dim_worker w WHERE w.professional_id = e.worker_id)" + ExceptionSelectEnd;

    /// <summary>
    /// <see cref="ExceptionSelect"/> with WorkerName left empty: looking a name up for every row of a month's list costs
    /// more than the rest of a page's query, so a page that neither sorts nor searches by name looks up only its own
    /// rows' names afterwards (<see cref="WorkerNamesSql"/>).
    /// </summary>
    internal const string ExceptionSelectUnnamed = ExceptionSelectStart + "CAST(NULL AS VARCHAR(200))" + ExceptionSelectEnd;

    private const string ExceptionSelectStart = """
        SELECT e.indicator_id AS IndicatorId, e.series AS Series, e.period AS Period, e.rule_date AS RuleDate, e.person_id AS PersonId,
               e.event_id AS EventId, e.team_id AS TeamId, t.team_name AS TeamName, e.worker_id AS WorkerId,
        """ + " ";

    private const string ExceptionSelectEnd = """
         AS WorkerName,
               e.service_area_id AS ServiceAreaId, e.what_due AS WhatDue, e.due_date AS DueDate, e.days_overdue AS DaysOverdue,
               e.overdue_unit AS OverdueUnit
        FROM fact_indicator_exception e LEFT JOIN dim_team t ON t.team_id = e.team_id
        """;

    /// <summary>The names of the given workers, as <see cref="ExceptionSelect"/> names them (MAX over a worker's spells).</summary>
    internal const string WorkerNamesSql = """
        SELECT professional_id AS WorkerId, MAX(worker_name) AS WorkerName FROM dim_worker WHERE professional_id IN @WorkerIds GROUP BY professional_id
        """;

    private const string ExceptionsSql = ExceptionSelect + """

        WHERE e.indicator_id = @IndicatorId AND e.period = @Period AND (@TeamId IS NULL OR e.team_id = @TeamId)
        ORDER BY e.days_overdue DESC, e.rule_date, e.person_id, e.event_id
        """;

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>The months that have figures, oldest first ('yyyy-MM').</summary>
    public async Task<IReadOnlyList<string>> PeriodsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(PeriodsSql, cancellationToken: cancellationToken))];
    }

    /// <summary>The months offered by the dashboard's rule (<see cref="ScopeSeriesQueries.ReportingMonthsAsync"/>): the CLI's default month is
    /// the latest complete one, as on every page.</summary>
    public Task<Core.Indicators.ReportingMonths?> ReportingMonthsAsync(Core.Indicators.Month? fixedStart, CancellationToken cancellationToken = default) =>
        new ScopeSeriesQueries(_connections).ReportingMonthsAsync(fixedStart, cancellationToken);

    /// <summary>Every team (business id and name), by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> TeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TeamRow>(new CommandDefinition(TeamsSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>Stored figures matching the filter, by indicator, series, period, scope level and scope name.</summary>
    public async Task<IReadOnlyList<StoredIndicator>> ResultsAsync(IndicatorFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredIndicatorRow>(new CommandDefinition(ResultsSql, new
        {
            filter.FromPeriod, filter.ToPeriod, filter.IndicatorId, filter.ScopeLevel, filter.Series, filter.TeamId,
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    /// <summary>The exception rows of one indicator and month (optionally one team), most overdue first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoredExceptionRow>> ExceptionsAsync(
        string indicatorId, string period, string? teamId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExceptionRow>(new CommandDefinition(_connections.Dialect.Limit(ExceptionsSql, limit),
            new { IndicatorId = indicatorId, Period = period, TeamId = teamId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    private static string? Series(string? stored) => string.IsNullOrEmpty(stored) ? null : stored;

    private sealed class TeamRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
    }

    /// <summary>fact_indicator_exception as <see cref="ExceptionSelect"/> reads it (also read by the child timeline).</summary>
    internal sealed class ExceptionRow
    {
        public string IndicatorId { get; set; } = "";
        public string? Series { get; set; }
        public string Period { get; set; } = "";
        public object RuleDate { get; set; } = "";
        public string? PersonId { get; set; }
        public string? EventId { get; set; }
        public string TeamId { get; set; } = "";
        public string? TeamName { get; set; }
        public string? WorkerId { get; set; }
        public string? WorkerName { get; set; }
        public string ServiceAreaId { get; set; } = "";
        public string WhatDue { get; set; } = "";
        public object? DueDate { get; set; }
        public long? DaysOverdue { get; set; }
        public string? OverdueUnit { get; set; }

        public StoredExceptionRow ToStored() => new(IndicatorId, Series(this.Series), Period, IsoText.ToDate(RuleDate, "rule_date"), PersonId, EventId,
            TeamId, TeamName, WorkerId, WorkerName, ServiceAreaId, WhatDue, DueDate is null or DBNull ? null : IsoText.ToDate(DueDate, "due_date"),
            DaysOverdue is { } d ? checked((int)d) : null, OverdueUnit);
    }
}
