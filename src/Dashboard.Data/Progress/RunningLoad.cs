using Dapper;

namespace Dashboard.Data.Progress;

/// <summary>The load id of the run that is recording itself as running (the ETL lock lets only one run at a time).</summary>
public static class RunningLoad
{
    private const string Select = "SELECT MAX(load_id) FROM etl_load_run WHERE status = 'running'";

    /// <summary>Asked once the run's row is committed (after the Prepare stage), before the swap transaction opens.</summary>
    public static async Task<long?> IdAsync(IConnectionFactory warehouse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Select, commandTimeout: 5, cancellationToken: cancellationToken));
    }
}
