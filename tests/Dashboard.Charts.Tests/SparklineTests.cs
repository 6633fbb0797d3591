using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts.Tests;

public class SparklineTests
{
    private static readonly Month April = Fixtures.April2024;

    private static readonly (Month Month, decimal? Value)[] Points =
        [(April, 70m), (April.AddMonths(1), null), (April.AddMonths(2), 72.5m), (April.AddMonths(3), 71.2m)];

    private static ChartSpec Build() => Sparkline.Build("SEEN-01", Points, IndicatorUnit.Percent, "Child protection visits on time");

    [Test]
    public void Description_and_table_show_first_latest_and_the_hidden_month()
    {
        var chart = Build();
        Assert.That(chart.Description, Is.EqualTo(
            "Child protection visits on time, 4 months from April 2024 to July 2024: from 70.0% in April 2024 to 71.2% in July 2024, " +
            "lowest 70.0% and highest 72.5%. 1 month has no value, shown as c."));
        Assert.That(chart.Table.Rows.Select(r => r[1]), Is.EqualTo(new[] { "70.0%", "c", "72.5%", "71.2%" }));
    }
}
