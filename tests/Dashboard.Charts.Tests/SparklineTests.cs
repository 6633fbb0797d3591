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
    public void Is_small_fixed_size_with_no_axes()
    {
        var chart = Build();
        var spec = new Spec(chart);
        Assert.Multiple(() =>
        {
            Assert.That((string?)spec.Root["$schema"], Is.EqualTo(Spec.Schema));
            Assert.That((int?)spec.Root["width"], Is.EqualTo(Sparkline.DefaultWidth));
            Assert.That((int?)spec.Root["height"], Is.EqualTo(Sparkline.DefaultHeight));
            Assert.That(spec.Layer("values")["encoding"]!["x"]!["axis"], Is.Null);
            Assert.That(spec.Layer("values")["encoding"]!["y"]!["axis"], Is.Null);
            Assert.That(chart.Id, Is.EqualTo("spark-seen-01"));
        });
    }

    [Test]
    public void A_null_month_has_no_number_so_the_line_breaks()
    {
        var spec = new Spec(Build());
        var rows = spec.Rows;
        Assert.That(rows.Select(r => Spec.Number(r, "value")), Is.EqualTo(Points.Select(p => p.Value)));
        Assert.That(rows[1].ContainsKey("value"), Is.False);
        Assert.That((string?)spec.Layer("values")["mark"]!["invalid"], Does.StartWith("break-paths"));
    }

    [Test]
    public void Only_the_latest_month_with_a_value_is_marked()
    {
        var trailingGap = Points.Append((April.AddMonths(4), (decimal?)null)).ToList();
        var spec = new Spec(Sparkline.Build("x", trailingGap, IndicatorUnit.Percent, "Visits"));
        var marked = spec.Rows.Where(r => (bool?)r["latest"] == true).Select(r => (string?)r["month"]);
        Assert.That(marked, Is.EqualTo(new[] { "2024-07" }));
        Assert.That((string?)spec.Layer("latest")["transform"]![0]!["filter"], Is.EqualTo("datum.latest === true"));
    }

    [Test]
    public void Description_and_table_show_first_latest_and_the_hidden_month()
    {
        var chart = Build();
        Assert.That(chart.Description, Is.EqualTo(
            "Child protection visits on time, 4 months from April 2024 to July 2024: from 70.0% in April 2024 to 71.2% in July 2024, " +
            "lowest 70.0% and highest 72.5%. 1 month has no value, shown as c."));
        Assert.That(chart.Table.Rows.Select(r => r[1]), Is.EqualTo(new[] { "70.0%", "c", "72.5%", "71.2%" }));
    }

    [Test]
    public void The_missing_symbol_is_the_callers()
    {
        var chart = Sparkline.Build("x", Points, IndicatorUnit.Percent, "Visits", new ChartOptions { Missing = "*" });
        Assert.That(chart.Table.Rows[1][1], Is.EqualTo("*"));
        Assert.That((string?)new Spec(chart).Rows[1]["valueText"], Is.EqualTo("*"));
    }
}
