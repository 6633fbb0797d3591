using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Reports.Tests.Support;

/// <summary>
/// The Small synthetic council, generated and loaded once per test run for the Annex A tests; each test that
/// changes data (a planted worker name) works on its own copy of the file.
/// </summary>
internal static class AnnexATestWarehouse
{
    public static readonly DateOnly AsOf = new(2026, 3, 31);

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"annexa-tests-{Environment.ProcessId}");
    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    /// <summary>A fresh copy of the loaded warehouse in <paramref name="folder"/>.</summary>
    public static async Task<string> CopyAsync(string folder)
    {
        var source = await Built.Value;
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "warehouse.db");
        File.Copy(source, copy, overwrite: true);
        if (File.Exists(source + "-wal")) File.Copy(source + "-wal", copy + "-wal", overwrite: true);
        return copy;
    }

    public static IConnectionFactory Connect(string path) => Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, path));

    public static string NewFolder() => Path.Combine(Root, Guid.NewGuid().ToString("N"));

    public static void DeleteAll()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static async Task<string> BuildAsync()
    {
        var folder = Path.Combine(Root, "small");
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(new DateTimeOffset(AsOf.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var source = Path.Combine(folder, "source.db");
        new CouncilGenerator(clock).Generate(new GeneratorOptions(CouncilPreset.Small, Seed: 1, Years: 3, AsOf: AsOf, FaultRate: 0.002), source);
        var warehouse = Path.Combine(folder, "warehouse.db");
        var result = await new EtlRunner(clock).RunAsync(new EtlOptions(
            new DatabaseTarget(DatabaseProvider.Sqlite, source), new DatabaseTarget(DatabaseProvider.Sqlite, warehouse)) { AsOf = AsOf });
        if (result.Status != "succeeded") throw new InvalidOperationException($"The Small test warehouse did not load: {result.Status}");
        // Closing the pooled connections checkpoints the WAL into the file, so a copy of the file holds the load.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return warehouse;
    }
}
