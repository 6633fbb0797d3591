using Dashboard.Data.Sqlite;
using Dashboard.Data.SqlServer;

namespace Dashboard.Data;

/// <summary>Entry points for a warehouse: its connection factory, bulk writer, migrations and seeding.</summary>
public static class Warehouse
{
    /// <summary>The connection factory (and so the dialect) for a target. Opening a connection that cannot be
    /// made throws <see cref="WarehouseUnavailableException"/>.</summary>
    public static IConnectionFactory Connect(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnectionFactory(target),
            DatabaseProvider.SqlServer => new SqlServerConnectionFactory(target),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Provider, "Unknown database provider."),
        };
    }

    /// <summary>The bulk writer for a provider. Writers are stateless and thread-safe.</summary>
    public static IBulkWriter BulkWriter(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteBulkWriter.Instance,
        DatabaseProvider.SqlServer => SqlServerBulkWriter.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}
