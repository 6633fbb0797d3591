using Dashboard.Data;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>
/// Measures the indicator step on a real-sized source (Explicit): set ETL_INDICATOR_SOURCE to a generated council
/// (for example `dashboard generate --preset medium --as-of 2026-03-31 --out /tmp/medium.db`) and ETL_INDICATOR_AS_OF to its as-of date. Prints the figures docs/etl.md records,
/// keeping exception rows for every month so the 13-month retention can be judged.
/// </summary>
[Explicit("Needs ETL_INDICATOR_SOURCE; takes a minute or more on medium and large.")]
public class IndicatorVolumeTests : EtlTestBase
{
    [Test]
    public async Task Exception_rows_for_every_month_and_for_thirteen()
    {
        var source = Environment.GetEnvironmentVariable("ETL_INDICATOR_SOURCE");
        if (string.IsNullOrEmpty(source)) Assert.Ignore("Set ETL_INDICATOR_SOURCE to a generated council.");
        var asOf = Environment.GetEnvironmentVariable("ETL_INDICATOR_AS_OF");   // the generator's --as-of (bench: 2026-03-31)
        var options = new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, source), WarehouseTarget)
        {
            ExceptionMonths = null,
            AsOf = string.IsNullOrEmpty(asOf) ? null : DateOnly.ParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        var all = await new EtlRunner().RunAsync(options);
        var months = Warehouse.Count("(SELECT DISTINCT period FROM fact_indicator)");
        var thirteen = Warehouse.Count("fact_indicator_exception",
            "period >= (SELECT MIN(period) FROM (SELECT DISTINCT period FROM fact_indicator ORDER BY period DESC LIMIT 13))");

        TestContext.Out.WriteLine($"months: {months}; figures: {all.IndicatorRows:N0}; exception rows, every month: {all.ExceptionRows:N0}; " +
                                  $"last 13 months: {thirteen:N0}; indicator step: {all.IndicatorElapsed.TotalSeconds:N1} s; run: {all.Elapsed.TotalSeconds:N1} s");
        Assert.That(all.Status, Is.EqualTo("succeeded"));
    }
}
