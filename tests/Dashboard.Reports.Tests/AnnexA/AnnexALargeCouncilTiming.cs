using System.Diagnostics;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Reports.AnnexA;
using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.AnnexA;

/// <summary>
/// Times the workbook on a large council's warehouse named by ANNEXA_BENCH_DB (a copy: the test only reads it).
/// Explicit: it needs a loaded large warehouse, which a test run does not build; the figures go to
/// docs/performance.md through the benchmark command.
/// </summary>
[Explicit("Needs ANNEXA_BENCH_DB, a loaded large-council warehouse")]
public sealed class AnnexALargeCouncilTiming
{
    [Test]
    public async Task Annex_A_on_a_large_council_takes_at_most_15_seconds()
    {
        var path = Environment.GetEnvironmentVariable("ANNEXA_BENCH_DB");
        Assume.That(path, Is.Not.Null.And.Not.Empty, "ANNEXA_BENCH_DB names no warehouse");
        var output = Path.Combine(Path.GetTempPath(), "annexa-large.xlsx");
        var clock = Stopwatch.StartNew();
        AnnexASummary summary;
        await using (var file = File.Create(output))
            summary = await AnnexAWorkbook.WriteAsync(AnnexATestWarehouse.Connect(path!), IndicatorSettings.Default, null, file, CancellationToken.None);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        TestContext.Out.WriteLine($"Annex A: {clock.Elapsed.TotalSeconds:F1} s, peak working set {process.PeakWorkingSet64 / 1048576} MiB, " +
            $"{summary.TotalRows} rows, {new FileInfo(output).Length / 1048576.0:F1} MiB file");
        foreach (var list in summary.Lists) TestContext.Out.WriteLine($"  {list.SheetName}: {list.Rows} rows");
        Assert.That(clock.Elapsed, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(15)));
    }
}
