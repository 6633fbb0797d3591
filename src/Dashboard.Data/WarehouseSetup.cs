namespace Dashboard.Data;

/// <summary>Brings a warehouse to the current schema and fills the dimensions that come from code
/// rather than from a source: dim_date (2000-2040 with working days and bank holidays), dim_code and
/// dim_agency (from Core's code lists). Safe to run before every load.</summary>
public static class WarehouseSetup
{
    /// <summary>Migrates and seeds; returns the scripts applied now.</summary>
    public static Task<IReadOnlyList<string>> PrepareAsync(IConnectionFactory connections, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
