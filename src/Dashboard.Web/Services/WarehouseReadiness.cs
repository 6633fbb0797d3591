using Dapper;
using Dashboard.Data;

namespace Dashboard.Web.Services;

/// <summary>Whether the warehouse answers: for /health, which a load balancer or a monitoring check polls.</summary>
public sealed class WarehouseReadiness(IConnectionFactory connections)
{
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)) == 1;
        }
#pragma warning disable CA1031 // Any failure to reach the warehouse means "not ready"; the reason is logged by the provider.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
