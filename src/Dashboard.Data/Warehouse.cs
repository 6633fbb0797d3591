namespace Dashboard.Data;

/// <summary>Entry points for a warehouse: its connection factory, bulk writer, migrations and seeding.</summary>
public static class Warehouse
{
    /// <summary>The connection factory (and so the dialect) for a target.</summary>
    public static IConnectionFactory Connect(DatabaseTarget target) => throw new NotImplementedException();

    /// <summary>The bulk writer for a provider.</summary>
    public static IBulkWriter BulkWriter(DatabaseProvider provider) => throw new NotImplementedException();
}
