using System.CommandLine;

namespace Dashboard.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Warehouse() => new("--warehouse")
    {
        Description = "Warehouse connection string (a file path is enough for SQLite). Default: Dashboard:Warehouse:ConnectionString, else data/warehouse.db.",
    };

    public static Option<string?> WarehouseProvider() => Provider("--warehouse-provider", "Warehouse engine");

    public static Option<string?> Source() => new("--source")
    {
        Description = "Source (SSD extract) connection string (a file path is enough for SQLite). Default: Dashboard:Source:ConnectionString, else data/source.db.",
    };

    public static Option<string?> SourceProvider() => Provider("--source-provider", "Source engine");

    private static Option<string?> Provider(string name, string what)
    {
        var option = new Option<string?>(name) { Description = $"{what}: sqlite or sqlserver." };
        option.AcceptOnlyFromAmong("sqlite", "sqlserver");
        return option;
    }
}
