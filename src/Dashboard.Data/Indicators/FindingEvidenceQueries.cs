using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Indicators;

/// <summary>
/// The council-level headline series of a few indicators, for the evidence behind inspection findings.
/// <see cref="IndicatorQueries.ResultsAsync"/> answers the same question, but its optional filters
/// (<c>@X IS NULL OR column = @X</c>) keep SQLite from seeking the unique index, so on a large council it reads every
/// team and worker row of every indicator. Here the indicator ids, series and scope are fixed, so both SQLite and
/// SQL Server seek ux_fact_indicator (indicator_id, series, period, ...) once per indicator.
/// </summary>
public sealed class FindingEvidenceQueries(IConnectionFactory connections)
{
    private const string CouncilHeadlinesSql = """
        SELECT indicator_id AS IndicatorId, series AS Series, period AS Period, as_at_date AS AsAtDate, scope_level AS ScopeLevel,
               scope_id AS ScopeId, scope_name AS ScopeName, numerator AS Numerator, denominator AS Denominator, "value" AS "Value",
               not_available AS NotAvailable
        FROM fact_indicator
        WHERE indicator_id IN @IndicatorIds AND series = '' AND scope_level = 'council' AND period <= @ToPeriod
        ORDER BY indicator_id, period
        """;

    // ux_fact_indicator again: indicator_id, then a range of series (everything but the headline), then periods.
    private const string BreakdownsSql = """
        SELECT indicator_id AS IndicatorId, series AS Series, period AS Period, as_at_date AS AsAtDate, scope_level AS ScopeLevel,
               scope_id AS ScopeId, scope_name AS ScopeName, numerator AS Numerator, denominator AS Denominator, "value" AS "Value",
               not_available AS NotAvailable
        FROM fact_indicator
        WHERE indicator_id IN @IndicatorIds AND series > '' AND scope_level = @ScopeLevel AND scope_id = @ScopeId
              AND period >= @FromPeriod AND period <= @ToPeriod
        ORDER BY indicator_id, series, period
        """;

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>The council's headline figure of each indicator for every month up to <paramref name="toPeriod"/> ('yyyy-MM',
    /// included), by indicator then month. The same rows <see cref="IndicatorQueries.ResultsAsync"/> returns for scope council.</summary>
    public async Task<IReadOnlyList<StoredIndicator>> CouncilHeadlinesAsync(
        IReadOnlyCollection<string> indicatorIds, string toPeriod, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(toPeriod);
        if (indicatorIds.Count == 0) return [];
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredIndicatorRow>(new CommandDefinition(CouncilHeadlinesSql,
            new { IndicatorIds = indicatorIds.Distinct(StringComparer.Ordinal).ToArray(), ToPeriod = toPeriod }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    /// <summary>
    /// The council's figures of each indicator's breakdowns (series other than the headline: POLICE, HEALTH and so on)
    /// for the months <paramref name="fromPeriod"/> to <paramref name="toPeriod"/> ('yyyy-MM', both included), by
    /// indicator, series, then month.
    /// </summary>
    public Task<IReadOnlyList<StoredIndicator>> CouncilBreakdownsAsync(
        IReadOnlyCollection<string> indicatorIds, string fromPeriod, string toPeriod, CancellationToken cancellationToken = default) =>
        BreakdownsAsync(indicatorIds, "council", "council", fromPeriod, toPeriod, cancellationToken);

    /// <summary>
    /// The same breakdowns for one scope ('council'/'council', 'service_area'/SA01, 'team'/T000001): the indicator page's
    /// attendance by agency for the scope it shows, from the rows the monitoring pack reads for the council.
    /// </summary>
    public async Task<IReadOnlyList<StoredIndicator>> BreakdownsAsync(IReadOnlyCollection<string> indicatorIds, string scopeLevel, string scopeId,
        string fromPeriod, string toPeriod, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(scopeLevel);
        ArgumentException.ThrowIfNullOrWhiteSpace(scopeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromPeriod);
        ArgumentException.ThrowIfNullOrWhiteSpace(toPeriod);
        if (indicatorIds.Count == 0) return [];
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredIndicatorRow>(new CommandDefinition(BreakdownsSql,
            new
            {
                IndicatorIds = indicatorIds.Distinct(StringComparer.Ordinal).ToArray(), ScopeLevel = scopeLevel, ScopeId = scopeId,
                FromPeriod = fromPeriod, ToPeriod = toPeriod,
            },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }
}
