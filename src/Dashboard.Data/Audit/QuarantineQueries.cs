using Dapper;

namespace Dashboard.Data.Audit;

/// <summary>Which quarantine entries of one run to read. Null <see cref="SourceTable"/>, <see cref="Rule"/> and
/// <see cref="Outcome"/> do not filter.</summary>
public sealed record QuarantineFilter(long LoadId, string? SourceTable = null, string? Rule = null)
{
    /// <summary>"rejected" or "repaired" (see <see cref="QuarantineOutcomes"/>); null: both.</summary>
    public string? Outcome { get; init; }

    /// <summary>Rows to skip, in quarantine order.</summary>
    public int Offset { get; init; }

    /// <summary>Rows to return, at least 1.</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>One page of quarantined rows and how many match the filter in all.</summary>
public sealed record QuarantinePage(IReadOnlyList<QuarantinedRow> Rows, int Total);

/// <summary>
/// Pages through one run's quarantine filtered by source table and rule, for the data quality drill-down
/// (<see cref="LoadAuditQueries.QuarantineAsync"/> reads a whole run or table at once, which a run with thousands of rejected
/// rows makes too long for a page). Also lists the runs that rejected anything. Stateless: opens a connection per call.
/// </summary>
public sealed class QuarantineQueries(IConnectionFactory connections)
{
    private const string Filter = """
        FROM etl_quarantine
        WHERE load_id = @LoadId AND (@SourceTable IS NULL OR source_table = @SourceTable) AND (@Rule IS NULL OR "rule" = @Rule)
          AND (@Outcome IS NULL OR outcome = @Outcome)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string RowsSql = """
        SELECT quarantine_id AS QuarantineId, load_id AS LoadId, source_table AS SourceTable, business_key AS BusinessKey,
               field AS Field, "value" AS "Value", "rule" AS "Rule", message AS Message, row_json AS RowJson,
               outcome AS Outcome
        """ + "\n" + Filter + "\nORDER BY quarantine_id";

    private const string LoadsSql = "SELECT DISTINCT load_id FROM etl_quarantine ORDER BY load_id DESC";

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>The rows matching the filter, in quarantine order, one page of them, and the total that match.</summary>
    public async Task<QuarantinePage> PageAsync(QuarantineFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filter.Limit);
        var parameters = new DynamicParameters();
        parameters.Add("LoadId", filter.LoadId);
        parameters.Add("SourceTable", string.IsNullOrWhiteSpace(filter.SourceTable) ? null : filter.SourceTable.Trim());
        parameters.Add("Rule", string.IsNullOrWhiteSpace(filter.Rule) ? null : filter.Rule.Trim());
        parameters.Add("Outcome", QuarantineOutcomes.Parse(filter.Outcome));
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<LoadAuditQueries.QuarantineRow>(new CommandDefinition(_connections.Dialect.Page(RowsSql, filter.Offset, filter.Limit),
            parameters, cancellationToken: cancellationToken));
        return new QuarantinePage([.. rows.Select(r => r.ToQuarantinedRow())], checked((int)total));
    }

    /// <summary>The load ids of the runs that quarantined at least one row, newest first.</summary>
    public async Task<IReadOnlyList<long>> LoadsWithQuarantineAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(LoadsSql, cancellationToken: cancellationToken))];
    }
}
