using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Reports.Tests.Support;

/// <summary>The synthetic councils the councillor pack tests read: Scilly (tiny, many small numbers) and Small.</summary>
public enum PackCouncil
{
    Scilly,
    Small,
}

/// <summary>Generates and loads each council once per test run, then hands each test its own copy of the file.</summary>
internal static class PackTestWarehouse
{
    public static readonly DateOnly AsOf = new(2026, 3, 31);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(AsOf.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"dashboard-pack-tests-{Environment.ProcessId}");
    private static readonly Dictionary<PackCouncil, Lazy<Task<string>>> Built = new()
    {
        [PackCouncil.Scilly] = new(() => BuildAsync(CouncilPreset.Scilly)),
        [PackCouncil.Small] = new(() => BuildAsync(CouncilPreset.Small)),
    };

    /// <summary>A fresh copy of the loaded warehouse in <paramref name="folder"/> (tests may add findings to it).</summary>
    public static async Task<string> CopyAsync(PackCouncil council, string folder)
    {
        var source = await Built[council].Value;
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "warehouse.db");
        File.Copy(source, copy, overwrite: true);
        return copy;
    }

    public static DatabaseTarget Target(string path) => new(DatabaseProvider.Sqlite, path);

    public static void DeleteAll()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static async Task<string> BuildAsync(CouncilPreset preset)
    {
        var folder = Path.Combine(Root, preset.ToString().ToLowerInvariant());
        Directory.CreateDirectory(folder);
        var clock = Clock();
        var source = Path.Combine(folder, "source.db");
        new CouncilGenerator(clock).Generate(new GeneratorOptions(preset, Seed: 1, Years: 3, AsOf: AsOf, FaultRate: 0.002), source);
        var warehouse = Path.Combine(folder, "warehouse.db");
        var result = await new EtlRunner(clock).RunAsync(new EtlOptions(Target(source), Target(warehouse)) { AsOf = AsOf });
        if (result.Status != "succeeded") throw new InvalidOperationException($"The {preset} test warehouse did not load: {result.Status}");
        // WAL mode: closing the pooled connections checkpoints the log into the file, so a copy of the file is complete.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return warehouse;
    }
}
