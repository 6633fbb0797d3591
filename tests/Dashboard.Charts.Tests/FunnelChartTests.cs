using System.Text.Json.Nodes;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts.Tests;

public class FunnelChartTests
{
    private const decimal Centre = 0.30m;

    private static List<(string Label, FunnelPoint Point)> Units()
    {
        FunnelUnit[] units = [new("North", 6, 20), new("South", 60, 100), new("East", 30, 100), new("West", 40, 200)];
        return FunnelPlot.Plot(units, Centre).Select(p => (p.Id, p)).ToList();
    }

    private static ChartSpec Build() => FunnelChart.Build("Referrals leading to no further action", Units(), Centre, IndicatorUnit.Percent, "Referrals");

    [Test]
    public void Rates_are_shown_as_percentages_of_the_proportions_core_computes()
    {
        var spec = new Spec(Build());
        Assert.That(spec.Rows.Select(r => Spec.Number(r, "rate")), Is.EqualTo(Units().Select(u => u.Point.Rate * 100)));
        Assert.That(spec.Rows.Select(r => (int?)r["denominator"]), Is.EqualTo(new[] { 20, 100, 100, 200 }));
        Assert.That((decimal?)spec.Layer("centre")["data"]!["values"]![0]!["value"], Is.EqualTo(30m));
    }

    [Test]
    public void Limit_curves_narrow_as_size_grows_and_always_contain_the_centre()
    {
        var curves = FunnelChart.Curves(Centre, 200);
        Assert.That(curves.Select(c => c.N), Is.Ordered.Ascending.And.Unique);
        Assert.That(curves[0].N, Is.EqualTo(1));
        Assert.That(curves[^1].N, Is.EqualTo(200));
        Assert.That(curves, Has.Count.InRange(40, FunnelChart.CurvePoints + 1));
        for (var i = 1; i < curves.Count; i++)
        {
            Assert.That(curves[i].U998 - curves[i].L998, Is.LessThanOrEqualTo(curves[i - 1].U998 - curves[i - 1].L998));
            Assert.That(curves[i].U95 - curves[i].L95, Is.LessThanOrEqualTo(curves[i - 1].U95 - curves[i - 1].L95));
        }
        Assert.That(curves, Has.All.Matches<(int N, decimal L95, decimal U95, decimal L998, decimal U998)>(
            c => c.L998 <= c.L95 && c.L95 <= Centre && Centre <= c.U95 && c.U95 <= c.U998));
    }

    [Test]
    public void The_curves_in_the_spec_are_core_limits_in_percent()
    {
        var layer = new Spec(Build()).Layer("limits-95");
        var rows = layer["data"]!["values"]!.AsArray();
        var last = rows[^1]!;
        var (lower, upper) = FunnelPlot.Limits(Centre, 200, FunnelPlot.Z95);
        Assert.That((int?)last["n"], Is.EqualTo(200));
        Assert.That((decimal?)last["lower95"], Is.EqualTo(lower * 100));
        Assert.That((decimal?)last["upper95"], Is.EqualTo(upper * 100));
        Assert.That(layer["transform"]![0]!["fold"]!.AsArray().Select(f => (string?)f), Is.EqualTo(new[] { "upper95", "lower95" }));
    }

    [Test]
    public void Outliers_are_labelled_and_named_in_the_description()
    {
        var chart = Build();
        var spec = new Spec(chart);
        Assert.That(spec.Rows.Where(r => (bool?)r["outlier"] == true).Select(r => (string?)r["label"]), Is.EqualTo(new[] { "South" }));
        Assert.That((string?)spec.Layer("outlier-labels-right")["encoding"]!["text"]!["field"], Is.EqualTo("label"));
        Assert.That((string?)spec.Rows.Single(r => (string?)r["label"] == "South")["labelSide"], Is.EqualTo("Right"));
        Assert.That(chart.Description, Is.EqualTo(
            "Referrals leading to no further action: 4 teams compared with the council rate of 30.0%, sizes from 20 to 200. " +
            "1 is outside the 99.8% limits: South (60.0% of 100, above); 1 more is outside the 95% limits."));
    }

    [Test]
    public void Table_has_each_unit_with_its_rate_limits_and_position()
    {
        var chart = Build();
        Assert.That(chart.Table.Headers, Is.EqualTo(new[] { "Name", "Numerator", "Denominator", "Rate", "95% limits", "99.8% limits", "Position" }));
        Assert.That(chart.Table.Rows.Select(r => r[0]), Is.EqualTo(new[] { "North", "South", "East", "West" }));
        Assert.That(chart.Table.Rows[1][3], Is.EqualTo("60.0%"));
        Assert.That(chart.Table.Rows[1][6], Is.EqualTo("Above the 99.8% limits"));
        Assert.That(chart.Table.Rows[0][6], Is.EqualTo("Within the 95% limits"));
    }

    [Test]
    public void A_centre_given_as_a_percentage_is_refused()
    {
        Assert.That(() => FunnelChart.Build("x", Units(), 30m, IndicatorUnit.Percent), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_same_input_gives_identical_json()
    {
        var first = Build();
        var second = Build();
        Assert.That(second.Json, Is.EqualTo(first.Json));
        Assert.That(JsonNode.Parse(first.Json), Is.Not.Null);
    }

    [Test]
    public void Two_outliers_of_similar_size_and_rate_get_labels_on_different_sides()
    {
        // The large preset's front door: East and West have about 4,800 referrals each and rates of 4.1% and 3.8%.
        FunnelUnit[] units = [new("Front Door East", 205, 4951), new("Front Door West", 183, 4760), new("Front Door South", 1045, 4809),
            new("Front Door North", 411, 9865)];
        var plotted = FunnelPlot.Plot(units, 0.076m).Select(p => (p.Id, p)).ToList();
        var spec = new Spec(FunnelChart.Build("Referrals with no further action", plotted, 0.076m, IndicatorUnit.Percent, "Referrals"));
        var sides = spec.Rows.ToDictionary(r => (string)r["label"]!, r => (string?)r["labelSide"]);
        Assert.That(sides["Front Door East"], Is.Not.EqualTo(sides["Front Door West"]));
        Assert.That(sides["Front Door North"], Is.EqualTo("Left"), "the largest team's name would run off the right of the plot");
        var drawn = spec.LayerNames.Where(n => n.StartsWith("outlier-labels-", StringComparison.Ordinal)).ToList();
        Assert.That(drawn, Is.EquivalentTo(sides.Values.Distinct().Select(s => "outlier-labels-" + s!.ToLowerInvariant())));
    }
}
