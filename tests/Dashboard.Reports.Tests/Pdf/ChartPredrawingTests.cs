using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Tests.Pdf;

/// <summary>A pack's charts drawn side by side on every core come out exactly as drawn one at a time.</summary>
public sealed class ChartPredrawingTests
{
    private static List<ChartSpec> Charts() => [.. Enumerable.Range(0, 12).Select(seed =>
    {
        var values = Enumerable.Range(0, 24).Select(i =>
        {
            var met = 40 + (i * 13 + seed * 7) % 25;
            return new SpcInput(new Month(2024, 4).AddMonths(i), met * 100m / 80, met, 80);
        }).ToList();
        var spc = Spc.Analyse(values, Polarity.HigherIsBetter, IndicatorUnit.Percent, 75m);
        return SpcChart.Build($"Chart {seed}", spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, 75m, 60m,
            new ChartOptions { Width = 460, Height = 230 });
    })];

    [Test]
    public void Charts_drawn_in_parallel_have_the_bytes_of_charts_drawn_one_at_a_time()
    {
        var parallel = Charts();
        ChartPredrawing.DrawAll([.. parallel, null]);
        var sequential = Charts();
        Assert.That(parallel.Select(c => c.Svg), Is.EqualTo(sequential.Select(c => c.Svg)));
    }
}
