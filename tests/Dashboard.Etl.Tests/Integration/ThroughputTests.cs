using System.Diagnostics;
using Dashboard.Data;
using Dashboard.Etl.Benchmarks;
using Dashboard.Etl.Tests.Support;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>
/// The ETL's speed against the bare prepared-insert baseline, on a bulk source of ETL_THROUGHPUT_ROWS rows
/// (default 300,000). Explicit: its figures depend on what else the machine is doing. Run with
/// <c>dotnet test tests/Dashboard.Etl.Tests --filter "FullyQualifiedName~ThroughputTests"</c>. The CLI's
/// <c>dashboard bench etl</c> measures the same on the synthetic council.
/// </summary>
[Explicit("Measures throughput; its figures depend on the machine's load.")]
public class ThroughputTests : EtlTestBase
{
    [Test]
    public async Task The_etl_runs_at_no_less_than_a_quarter_of_the_bare_insert_rate()
    {
        var size = long.Parse(Environment.GetEnvironmentVariable("ETL_THROUGHPUT_ROWS") ?? "300000", System.Globalization.CultureInfo.InvariantCulture);
        var written = BulkSource.Write(SourcePath, size);

        var clock = Stopwatch.StartNew();
        var result = await new EtlRunner(Time).RunAsync(Options() with { TriggerKind = "bench" });
        var etl = clock.Elapsed;
        var baseline = await BareInsertBaseline.MeasureAsync(
            new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={SourcePath}"), File("scratch.db"), CancellationToken.None);

        var etlRate = result.RowsRead / etl.TotalSeconds;
        TestContext.Out.WriteLine($"ETL: {result.RowsRead:N0} rows ({result.RowsQuarantined:N0} quarantined) in {etl.TotalSeconds:F1} s = {etlRate:N0} rows/s");
        TestContext.Out.WriteLine($"bare insert baseline: {baseline.Rows:N0} rows in {baseline.Elapsed.TotalSeconds:F1} s = {baseline.RowsPerSecond:N0} rows/s");
        TestContext.Out.WriteLine($"ratio {etlRate / baseline.RowsPerSecond:F2}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");

        Assert.That(result.RowsRead, Is.EqualTo(written));
        AssertReadEqualsLoadedPlusQuarantined(result);
        Assert.That(result.RowsQuarantined, Is.GreaterThan(0));
        Assert.That(baseline.Rows, Is.EqualTo(result.RowsRead));
        Assert.That(etlRate, Is.GreaterThanOrEqualTo(baseline.RowsPerSecond / 4));
    }
}
