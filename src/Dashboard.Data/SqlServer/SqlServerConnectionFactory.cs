using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Dashboard.Data.SqlServer;

internal sealed class SqlServerConnectionFactory : IConnectionFactory
{
    private readonly string _connectionString;

    public SqlServerConnectionFactory(DatabaseTarget target)
    {
        Target = target;
        try
        {
            // Parse once here so a malformed string fails at Connect, not on the first query of a run.
            _connectionString = new SqlConnectionStringBuilder(target.ConnectionString).ConnectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException("The SQL Server connection string is not valid (its text is not repeated here: it may hold a password).", nameof(target));
        }
    }

    public DatabaseTarget Target { get; }

    public ISqlDialect Dialect => SqlServerDialect.Instance;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant)
        {
            // SqlClient refuses invariant mode by design (dotnet/SqlClient#220) with a bare NotSupportedException.
            throw WarehouseUnavailableException.For(Target,
                "cannot be opened because this process runs in globalization-invariant mode, which Microsoft.Data.SqlClient " +
                "does not support (set InvariantGlobalization to false in the executable's project)",
                new NotSupportedException("Globalization Invariant Mode is not supported."));
        }
        var connection = new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is SqlException or InvalidOperationException)
        {
            await connection.DisposeAsync();
            throw WarehouseUnavailableException.For(Target, "cannot be reached or refused the connection", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
