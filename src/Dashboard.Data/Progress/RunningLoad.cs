using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Progress;

/// <summary>The load id of the run a progress writer watches: the newest run recorded since the writer began (the ETL
/// lock lets only one run at a time), whether it is still running or has already failed.</summary>
public static class RunningLoad
{
    private const string Select = "SELECT MAX(load_id) FROM etl_load_run WHERE started_at >= @Since";

    /// <summary>Asked once the run's row is committed (after the Prepare stage); on SQL Server before the swap
    /// transaction, which updates etl_load_run, or at the end.</summary>
    /// <param name="since">When the writer began, by the same clock as the run's started_at.</param>
    public static async Task<long?> IdAsync(IConnectionFactory warehouse, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Select, new { Since = IsoText.Timestamp(since) },
            commandTimeout: 5, cancellationToken: cancellationToken));
    }
}
