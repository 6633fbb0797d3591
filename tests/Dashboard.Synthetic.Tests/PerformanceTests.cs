using System.Diagnostics;

namespace Dashboard.Synthetic.Tests;

/// <summary>Timings of the bigger presets; run by hand (`dotnet test --filter Category=Performance`).</summary>
[Explicit("Generates hundreds of MB; run by hand.")]
[Category("Performance")]
public sealed class PerformanceTests
{
    [TestCase(CouncilPreset.Medium, 10)]
    [TestCase(CouncilPreset.Large, 20)]
    public void Five_years_generate_within_budget(CouncilPreset preset, int seconds)
    {
        var path = TestRun.NewPath(preset.ToString());
        var started = Stopwatch.StartNew();
        var summary = new CouncilGenerator(TimeProvider.System).Generate(new GeneratorOptions(preset, AsOf: Councils.AsOf), path);
        started.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        TestContext.Out.WriteLine($"{preset}: {summary.TotalRows:N0} rows in {started.Elapsed.TotalSeconds:F1} s, {new FileInfo(path).Length / (1024 * 1024)} MB, peak working set {peak} MB");
        foreach (var (table, rows) in summary.RowsPerTable) TestContext.Out.WriteLine($"  {table,-32} {rows,10:N0}");
        File.Delete(path);
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(seconds)));
    }
}
