using Dapper;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.Indicators;

namespace Dashboard.Data.Audit;

/// <summary>An element or row the import of a return could not place: where it was and why (the text as found only for analysts).</summary>
public sealed record ReturnRejection(long RejectionId, string ReturnName, string FileName, long? LineNumber, string? Element, string? Field, string Reason, string? Original);

/// <summary>Whether one return, alone, lets an indicator be measured.</summary>
public enum ReturnSupport
{
    /// <summary>Every source the indicator reads is a table the return fills completely.</summary>
    Every,
    /// <summary>Every source is filled, at least one only with each child's latest record: the latest month only.</summary>
    LatestMonth,
    /// <summary>The return lacks at least one source the indicator reads.</summary>
    None,
}

/// <summary>
/// What the data quality page shows about a load made from statutory returns: the returns, which indicators each
/// supports on its own, and the elements the import could not place. A load from an SSD extract has none of these.
/// </summary>
public sealed class ReturnSourceQueries(IConnectionFactory connections)
{
    private const string Rejections = """
        SELECT rejection_id AS RejectionId, return_name AS ReturnName, file_name AS FileName, line_number AS LineNumber,
               element AS Element, field AS Field, reason AS Reason, original AS Original
        FROM etl_load_return_rejection
        WHERE load_id = @LoadId
        ORDER BY rejection_id
        """;

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>The returns load <paramref name="loadId"/> was made from (empty for an SSD extract).</summary>
    public async Task<IReadOnlyList<LoadedReturn>> ReturnsAsync(long loadId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await ReturnSources.ReadAsync(connection, null, loadId, cancellationToken);
    }

    /// <summary>The first <paramref name="limit"/> elements the load's import could not place, in the order found.</summary>
    public async Task<IReadOnlyList<ReturnRejection>> RejectionsAsync(long loadId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RejectionRow>(new CommandDefinition(_connections.Dialect.Limit(Rejections, limit), new { LoadId = loadId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReturnRejection(r.RejectionId, r.ReturnName, r.FileName, r.LineNumber, r.Element, r.Field, r.Reason, r.Original))];
    }

    /// <summary>Whether <paramref name="loaded"/>, on its own, lets <paramref name="definition"/> be measured.</summary>
    public static ReturnSupport SupportOf(LoadedReturn loaded, IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(definition);
        if (loaded.NotSupported.ContainsKey(definition.Id)) return ReturnSupport.None;
        var coverages = definition.Sources.Select(s => loaded.Tables
            .Where(t => string.Equals(t.Table, CaseFactsReader.SourceTables[s], StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Coverage).FirstOrDefault()).ToList();
        if (coverages.Any(c => c is null)) return ReturnSupport.None;
        // A measure of each person's latest status is the latest month only, whatever the source.
        return coverages.All(c => c == "complete") && !definition.LatestMonthOnly ? ReturnSupport.Every : ReturnSupport.LatestMonth;
    }

    // Dapper maps by name; SQLite gives integers as Int64 and text as string, SQL Server the declared types.
    private sealed record RejectionRow(long RejectionId, string ReturnName, string FileName, long? LineNumber, string? Element, string? Field, string Reason, string? Original);
}
