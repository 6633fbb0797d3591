using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Support;

/// <summary>The synthetic councils the web tests read: Small for journeys and roles, Scilly (tiny) for suppression.</summary>
public enum TestCouncil
{
    Scilly,
    Small,

    /// <summary>About 6,000 referrals a year: the chart layout tests' busiest council.</summary>
    Medium,

    /// <summary>The small council extracted on 4 March 2026: March is the month so far, February the latest complete month.</summary>
    SmallMidMonth,

    /// <summary>The small council as a council without an SSD extract has it: written as its CIN census, SSDA903 and Annex A
    /// files, imported and loaded (loaded as at the returns' reference date).</summary>
    SmallFromReturns,
}

/// <summary>
/// Generates and loads each test council once per test run (seconds each), into a folder that lives for the run.
/// Hosts share the loaded warehouse read-only for facts; what they write (accounts, audit rows, findings) goes to
/// app tables, so each host starts from its own copy of the file.
/// </summary>
internal static class TestWarehouses
{
    public static readonly DateOnly AsOf = new(2026, 3, 31);

    /// <summary>The extract date of <see cref="TestCouncil.SmallMidMonth"/>: a few days into a month.</summary>
    public static readonly DateOnly MidMonthAsOf = new(2026, 3, 4);

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"dashboard-web-tests-{Environment.ProcessId}");
    private static readonly Dictionary<TestCouncil, Lazy<Task<string>>> Built = new()
    {
        [TestCouncil.Scilly] = new(() => BuildAsync(CouncilPreset.Scilly)),
        [TestCouncil.Small] = new(() => BuildAsync(CouncilPreset.Small)),
        [TestCouncil.Medium] = new(() => BuildAsync(CouncilPreset.Medium)),
        [TestCouncil.SmallMidMonth] = new(() => BuildAsync(CouncilPreset.Small, MidMonthAsOf)),
        [TestCouncil.SmallFromReturns] = new(() => BuildFromReturnsAsync(CouncilPreset.Small)),
    };

    /// <summary>A fresh copy of the council's loaded warehouse file for one host.</summary>
    public static async Task<string> CopyAsync(TestCouncil council, string folder)
    {
        var source = await Built[council].Value;
        var copy = Path.Combine(folder, "warehouse.db");
        File.Copy(source, copy, overwrite: true);
        // The load's pooled connection may not have checkpointed yet: without its WAL the copy is an empty warehouse.
        if (File.Exists(source + "-wal")) File.Copy(source + "-wal", copy + "-wal", overwrite: true);
        return copy;
    }

    /// <summary>An empty but migrated warehouse: the dashboard before the first load.</summary>
    public static async Task<string> EmptyAsync(string folder)
    {
        var path = Path.Combine(folder, "warehouse.db");
        await WarehouseSetup.PrepareAsync(Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, path)));
        return path;
    }

    /// <summary>The source (SSD extract) a council's warehouse was loaded from, for a test that runs a load itself.</summary>
    public static async Task<string> SourceOfAsync(TestCouncil council)
    {
        var warehouse = await Built[council].Value;
        return Path.Combine(Path.GetDirectoryName(warehouse)!, "source.db");
    }

    public static void DeleteAll()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static async Task<string> BuildAsync(CouncilPreset preset) => await BuildAsync(preset, AsOf);

    private static async Task<string> BuildFromReturnsAsync(CouncilPreset preset)
    {
        var folder = Path.Combine(Root, $"{preset.ToString().ToLowerInvariant()}-returns-{AsOf:yyyyMMdd}");
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(new DateTimeOffset(AsOf.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var caseSystem = Path.Combine(folder, "case-system.db");
        new CouncilGenerator(clock).Generate(new GeneratorOptions(preset, Seed: 1, Years: 3, AsOf: AsOf), caseSystem);
        var files = Returns.Import.ReturnFiles.WriteAll(caseSystem, folder, new Returns.ReturnWriteOptions(AsOf, 3), CancellationToken.None);
        var source = Path.Combine(folder, "source.db");
        new Returns.Import.ReturnsImport(Returns.ReturnCatalogue.Importers, clock).Run(Returns.Import.ReturnFiles.Request(files, source), null, CancellationToken.None);
        var warehouse = Path.Combine(folder, "warehouse.db");
        // No date given: a source made from returns is loaded as at its latest reference date.
        var result = await new EtlRunner(clock).RunAsync(new EtlOptions(
            new DatabaseTarget(DatabaseProvider.Sqlite, source), new DatabaseTarget(DatabaseProvider.Sqlite, warehouse)));
        if (result.Status != "succeeded") throw new InvalidOperationException($"The {preset} test warehouse from returns did not load: {result.Status}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return warehouse;
    }

    private static async Task<string> BuildAsync(CouncilPreset preset, DateOnly asOf)
    {
        var folder = Path.Combine(Root, $"{preset.ToString().ToLowerInvariant()}-{asOf:yyyyMMdd}");
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(new DateTimeOffset(asOf.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var source = Path.Combine(folder, "source.db");
        new CouncilGenerator(clock).Generate(new GeneratorOptions(preset, Seed: 1, Years: 3, AsOf: asOf, FaultRate: 0.002), source);
        var warehouse = Path.Combine(folder, "warehouse.db");
        var result = await new EtlRunner(clock).RunAsync(new EtlOptions(
            new DatabaseTarget(DatabaseProvider.Sqlite, source), new DatabaseTarget(DatabaseProvider.Sqlite, warehouse)) { AsOf = asOf });
        if (result.Status != "succeeded") throw new InvalidOperationException($"The {preset} test warehouse did not load: {result.Status}");
        // The warehouse is in WAL mode: closing the pooled connections checkpoints the log into the file, else a copy of
        // the file alone can miss the load (a small council's load fits in the log and never reached the file).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return warehouse;
    }
}
