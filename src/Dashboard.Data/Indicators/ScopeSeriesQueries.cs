using Dapper;
using Dashboard.Core.Indicators;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Indicators;

/// <summary>A team with the service area it belongs to (dim_team).</summary>
public sealed record TeamInfo(string TeamId, string TeamName, string? ServiceAreaId, string? ServiceAreaName);

/// <summary>How an exception page is ordered. Each maps to a fixed ORDER BY in <see cref="ScopeSeriesQueries"/>.</summary>
public enum ExceptionSort
{
    DaysOverdue,
    DueDate,
    PersonId,
    Team,
    Worker,
    WhatDue,
}

/// <summary>One indicator and month's exception rows to read: which teams (null: all), a search, an order and a page.</summary>
public sealed record ExceptionQuery(string IndicatorId, string Period)
{
    /// <summary>Only these teams; null: every team. An empty list reads nothing.</summary>
    public IReadOnlyList<string>? TeamIds { get; init; }

    /// <summary>Matches anywhere in the person id, the worker's id or the worker's name (case-insensitive); null: no search.</summary>
    public string? Search { get; init; }

    public ExceptionSort Sort { get; init; } = ExceptionSort.DaysOverdue;

    public bool Descending { get; init; } = true;

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>A page of exception rows and how many match in all.</summary>
public sealed record ExceptionPage(IReadOnlyList<StoredExceptionRow> Rows, int Total);

/// <summary>
/// The dashboard's focused reads of the indicator snapshots. <see cref="IndicatorQueries.ResultsAsync"/> takes an
/// optional filter of every column, which no index can serve; each query here has one shape and an index behind it
/// (sql/*/0006 and the unique index), so the overview and indicator pages stay fast with millions of rows.
/// Stateless: opens a connection per call. Headline figures only (series '').
/// </summary>
public sealed class ScopeSeriesQueries(IConnectionFactory connections)
{
    private const string Columns = """
        SELECT indicator_id AS IndicatorId, series AS Series, period AS Period, as_at_date AS AsAtDate, scope_level AS ScopeLevel,
               scope_id AS ScopeId, scope_name AS ScopeName, numerator AS Numerator, denominator AS Denominator, "value" AS "Value",
               not_available AS NotAvailable
        FROM fact_indicator
        """;

    // ix_fact_indicator_scope (scope_level, scope_id, period).
    private const string ScopeSql = Columns + """

        WHERE scope_level = @Level AND scope_id = @ScopeId AND period >= @From AND period <= @To AND series = ''
        ORDER BY indicator_id, period
        """;

    // ux_fact_indicator (indicator_id, series, period, scope_level, scope_id).
    private const string LevelSql = Columns + """

        WHERE indicator_id = @IndicatorId AND series = '' AND period >= @From AND period <= @To AND scope_level = @Level
        ORDER BY period, scope_name, scope_id
        """;

    // The council's rows hold every month any figure was computed for; ix_fact_indicator_scope serves this. A month in
    // which no indicator counted anything (an extract's empty last days, say) has no figures worth offering.
    private const string PeriodsSql = """
        SELECT period FROM fact_indicator WHERE scope_level = 'council' AND series = ''
        GROUP BY period HAVING SUM(denominator) > 0 ORDER BY period
        """;

    // The same rows, with what ReportingMonths needs: the date each month was counted to and the volume counted in it.
    private const string StoredMonthsSql = """
        SELECT period AS Period, MAX(as_at_date) AS AsAtDate, SUM(CAST(denominator AS BIGINT)) AS Denominator
        FROM fact_indicator WHERE scope_level = 'council' AND series = ''
        GROUP BY period HAVING SUM(denominator) > 0 ORDER BY period
        """;

    private const string TeamsSql = """
        SELECT team_id AS TeamId, team_name AS TeamName, service_area_id AS ServiceAreaId, service_area_name AS ServiceAreaName
        FROM dim_team WHERE team_key <> 0 ORDER BY team_name
        """;

    private const string WorkerTeamsSql = """
        SELECT w.professional_id AS WorkerId, t.team_id AS TeamId
        FROM dim_worker w JOIN dim_team t ON t.team_key = w.team_key
        WHERE w.is_current = 1
        """;

    private const string ExceptionWhere = """

        WHERE e.indicator_id = @IndicatorId AND e.period = @Period AND e.series = ''
        """;

    private const string TeamFilter = " AND e.team_id IN @TeamIds";

    private const string SearchFilter = """
        WHERE (@Search IS NULL OR x.PersonId LIKE @Search ESCAPE '\' OR x.WorkerId LIKE @Search ESCAPE '\' OR x.WorkerName LIKE @Search ESCAPE '\')
        """;

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>Every indicator's headline for one scope ('council'/'council', 'service_area'/SA01, 'team'/T000001), both periods included.</summary>
    public Task<IReadOnlyList<StoredIndicator>> ScopeAsync(string level, string scopeId, string fromPeriod, string toPeriod, CancellationToken cancellationToken = default) =>
        ReadAsync(ScopeSql, new { Level = level, ScopeId = scopeId, From = fromPeriod, To = toPeriod }, cancellationToken);

    /// <summary>One indicator's headline for every scope at one level ('team', 'worker'), both periods included.</summary>
    public Task<IReadOnlyList<StoredIndicator>> LevelAsync(string indicatorId, string level, string fromPeriod, string toPeriod, CancellationToken cancellationToken = default) =>
        ReadAsync(LevelSql, new { IndicatorId = indicatorId, Level = level, From = fromPeriod, To = toPeriod }, cancellationToken);

    /// <summary>The months in which something was counted, oldest first ('yyyy-MM'): read from the council's rows, so the index answers it.</summary>
    public async Task<IReadOnlyList<string>> PeriodsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(PeriodsSql, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// The months the dashboard, packs and CLI offer (<see cref="ReportingMonths"/>: latest complete month by default, the
    /// running month as "the month so far", from the reliable start or <paramref name="fixedStart"/>); null before the first load.
    /// </summary>
    public async Task<ReportingMonths?> ReportingMonthsAsync(Month? fixedStart, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredMonthRow>(new CommandDefinition(StoredMonthsSql, cancellationToken: cancellationToken));
        return ReportingMonths.From(rows.Select(r => new StoredMonth(Month.Parse(r.Period), IsoText.ToDate(r.AsAtDate, "as_at_date"), r.Denominator)), fixedStart);
    }

    /// <summary>Every team with its service area, by name (the unknown member left out).</summary>
    public async Task<IReadOnlyList<TeamInfo>> TeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<TeamInfo>(new CommandDefinition(TeamsSql, cancellationToken: cancellationToken))];
    }

    /// <summary>Each worker's current team (professional id to team id), for showing a manager only their own teams' workers.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WorkerTeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string WorkerId, string TeamId)>(new CommandDefinition(WorkerTeamsSql, cancellationToken: cancellationToken));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (worker, team) in rows) map[worker] = team;
        return map;
    }

    /// <summary>One page of an indicator and month's exception rows, filtered and ordered as asked, with the total that match.</summary>
    public async Task<ExceptionPage> ExceptionsAsync(ExceptionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        if (query.TeamIds is { Count: 0 }) return new ExceptionPage([], 0);
        // Names are needed for every row only to sort or search by them; otherwise the page's own rows are named after.
        var byName = query.Sort == ExceptionSort.Worker || LikePattern(query.Search) is not null;
        var (inner, parameters) = Filtered(query, byName ? IndicatorQueries.ExceptionSelect : IndicatorQueries.ExceptionSelectUnnamed);
        var ordered = $"SELECT * FROM ({inner}) x {SearchFilter} ORDER BY {OrderBy(query.Sort, query.Descending)}";
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM ({inner}) x {SearchFilter}", parameters, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<IndicatorQueries.ExceptionRow>(new CommandDefinition(
            _connections.Dialect.Page(ordered, query.Offset, query.Limit), parameters, cancellationToken: cancellationToken))).AsList();
        if (!byName) await NameWorkersAsync(connection, rows, cancellationToken);
        return new ExceptionPage([.. rows.Select(r => r.ToStored())], checked((int)total));
    }

    /// <summary>Fills in WorkerName for rows read without it, a few hundred workers per query (SQL Server takes at most
    /// 2,100 parameters in one statement).</summary>
    private static async Task NameWorkersAsync(System.Data.Common.DbConnection connection, List<IndicatorQueries.ExceptionRow> rows, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.WorkerId).OfType<string>().Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var found = await connection.QueryAsync<(string WorkerId, string? WorkerName)>(new CommandDefinition(
                IndicatorQueries.WorkerNamesSql, new { WorkerIds = chunk }, cancellationToken: cancellationToken));
            foreach (var (id, name) in found) names[id] = name;
        }
        foreach (var row in rows)
        {
            if (row.WorkerId is { } id) row.WorkerName = names.GetValueOrDefault(id);
        }
    }

    /// <summary>Every matching exception row in the asked order, for a CSV export.</summary>
    public async Task<IReadOnlyList<StoredExceptionRow>> AllExceptionsAsync(ExceptionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.TeamIds is { Count: 0 }) return [];
        var (inner, parameters) = Filtered(query, IndicatorQueries.ExceptionSelect);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndicatorQueries.ExceptionRow>(new CommandDefinition(
            $"SELECT * FROM ({inner}) x {SearchFilter} ORDER BY {OrderBy(query.Sort, query.Descending)}", parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    private static (string Sql, DynamicParameters Parameters) Filtered(ExceptionQuery query, string select)
    {
        var parameters = new DynamicParameters(new { query.IndicatorId, query.Period, Search = LikePattern(query.Search) });
        var sql = select + ExceptionWhere;
        if (query.TeamIds is { } teams)
        {
            sql += TeamFilter;
            parameters.Add("TeamIds", teams.ToArray());
        }
        return (sql, parameters);
    }

    /// <summary>"%text%" with LIKE's own characters escaped, so a search for "50%" means those characters; null for no search.</summary>
    public static string? LikePattern(string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return null;
        var escaped = search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
        return "%" + escaped + "%";
    }

    /// <summary>A fixed ORDER BY per sort (never text from the request), ending in a unique key so paging is stable.</summary>
    private static string OrderBy(ExceptionSort sort, bool descending)
    {
        var dir = descending ? "DESC" : "ASC";
        var first = sort switch
        {
            ExceptionSort.DaysOverdue => $"x.DaysOverdue {dir}, x.DueDate",
            ExceptionSort.DueDate => $"x.DueDate {dir}",
            ExceptionSort.PersonId => $"x.PersonId {dir}",
            ExceptionSort.Team => $"x.TeamName {dir}",
            ExceptionSort.Worker => $"x.WorkerName {dir}",
            ExceptionSort.WhatDue => $"x.WhatDue {dir}",
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
        return first + ", x.PersonId, x.EventId, x.RuleDate, x.WorkerId";
    }

    private async Task<IReadOnlyList<StoredIndicator>> ReadAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredIndicatorRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }
}

internal sealed class StoredMonthRow
{
    public string Period { get; set; } = "";

    public object AsAtDate { get; set; } = "";

    public long Denominator { get; set; }
}
