using Dapper;

namespace Dashboard.Data.Indicators;

/// <summary>
/// The council's name as the last load stored it on its council-level figures. The nightly run writes the configured
/// name there, so a command run later without that configuration (a pack made by hand after `dashboard demo`, a
/// `serve` started from another folder) still says whose figures these are instead of "Your council".
/// </summary>
public static class StoredCouncilName
{
    // ix_fact_indicator_scope (scope_level, scope_id, period) serves both the inner MAX and the outer read.
    private const string Sql = """
        SELECT MAX(scope_name) FROM fact_indicator
        WHERE scope_level = 'council' AND scope_id = 'council'
          AND period = (SELECT MAX(period) FROM fact_indicator WHERE scope_level = 'council' AND scope_id = 'council')
        """;

    /// <summary>The stored name, or null before the first load computed any figures.</summary>
    public static async Task<string?> ReadAsync(IConnectionFactory connections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }
}
