using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts.Tests;

/// <summary>What each builder draws, read back from its SVG: the words on the chart, where labels sit, panel layout.</summary>
public partial class DrawnChartTests
{
    private static List<string> Words(ChartSpec chart) => SvgText.Boxes(chart.Svg).Select(b => b.Text).ToList();

    private static SvgTextBox Text(ChartSpec chart, string start) => SvgText.Boxes(chart.Svg).Single(b => b.Text.StartsWith(start, StringComparison.Ordinal));

    /// <summary>The y of the full-width horizontal line drawn in <paramref name="colour"/> (the target is green in SPC charts).</summary>
    private static double LineY(ChartSpec chart, string colour)
    {
        var m = Regex.Matches(chart.Svg, $"stroke=\"{colour}\"[^>]* d=\"M([\\d.]+) ([\\d.]+)L([\\d.]+) ([\\d.]+)\"")
            .Single(x => x.Groups[2].Value == x.Groups[4].Value);
        return double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [Test]
    public void Spc_chart_names_its_reference_lines_its_axis_and_its_legend()
    {
        var chart = SpcChart.Build("Child protection visits on time", Fixtures.ShiftingDown(), IndicatorUnit.Percent, Polarity.HigherIsBetter, 85m, 80m);
        Assert.That(Words(chart), Is.SupersetOf(new[] { "Target 85.0%", "England 80.0%", "%", "Usual variation", "Concern", "Average", "Limits", "Apr 2024" }));
        Assert.That(chart.Id, Is.EqualTo("spc-child-protection-visits-on-time"));
        Assert.That((chart.Drawing.Width, chart.Drawing.Height), Is.EqualTo((SpcChart.DefaultWidth, SpcChart.DefaultHeight)));
    }

    [Test]
    public void Target_label_goes_under_its_line_when_the_last_months_run_above_it()
    {
        var chart = SpcChart.Build("Visits", Fixtures.Steady(8), IndicatorUnit.Percent, Polarity.HigherIsBetter, 70m, null);
        Assert.That(Text(chart, "Target").Top, Is.GreaterThan(LineY(chart, "#00703C")));
    }

    [Test]
    public void Target_label_stays_over_its_line_when_the_last_months_are_below_it()
    {
        var chart = SpcChart.Build("Visits", Fixtures.ShiftingDown(), IndicatorUnit.Percent, Polarity.HigherIsBetter, 85m, 80m);
        Assert.That(Text(chart, "Target").Bottom, Is.LessThan(LineY(chart, "#00703C")));
    }

    [Test]
    public void Without_target_or_england_no_reference_label_is_drawn()
    {
        var chart = SpcChart.Build("Visits", Fixtures.Steady(8), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        Assert.That(Words(chart).Where(w => w.StartsWith("Target", StringComparison.Ordinal) || w.StartsWith("England", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Each_new_phase_is_labelled_at_its_boundary()
    {
        var chart = SpcChart.Build("Visits", Fixtures.Phased(), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        Assert.That(Words(chart), Does.Contain("Limits recalculated").And.Contain("New locality teams"));
    }

    [Test]
    public void Special_causes_differ_in_shape_as_well_as_colour()
    {
        var chart = SpcChart.Build("Visits", Fixtures.ShiftingDown(), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        // Usual variation is drawn as circles (ellipses); concerns as squares (rectangles) in orange.
        Assert.That(chart.Svg, Does.Contain("<ellipse").And.Match("<rect fill=\"#C25400\""));
    }

    [Test]
    public void Up_to_five_teams_share_one_chart_with_each_team_in_the_legend()
    {
        var chart = TeamTrendChart.Build("Visits by team", ChartGallery.Teams(5, 6), IndicatorUnit.Percent, 85m);
        Assert.That(chart.Drawing.PanelCount, Is.EqualTo(1));
        Assert.That(Words(chart), Is.SupersetOf(ChartGallery.Teams(5, 1).Select(t => t.Team)));
    }

    [Test]
    public void More_than_five_teams_become_small_multiples_three_to_a_row_each_titled()
    {
        var chart = TeamTrendChart.Build("Attendance by team", ChartGallery.Teams(8, 6), IndicatorUnit.Count, null);
        Assert.That((chart.Drawing.PanelCount, chart.Drawing.Columns, chart.Drawing.Rows), Is.EqualTo((8, 3, 3)));
        Assert.That(Words(chart), Is.SupersetOf(ChartGallery.Teams(8, 1).Select(t => t.Team)));
    }

    [Test]
    public void Count_axes_tick_at_whole_numbers_only()
    {
        var chart = BarChart.Build("Conferences", [("North", 3m), ("South", 2m)], IndicatorUnit.Count, null);
        var ticks = Words(chart).Where(w => Regex.IsMatch(w, @"^\d+(\.\d+)?$")).ToList();
        Assert.That(ticks, Is.Not.Empty);
        Assert.That(ticks, Has.None.Contain("."));
    }

    [Test]
    public void A_bar_label_the_target_would_strike_through_goes_inside_its_bar_in_white()
    {
        var chart = BarChart.Build("Attendance", [("Police", 77.9m), ("Health", 40m)], IndicatorUnit.Percent, 80m);
        Assert.That(chart.Svg, Does.Match("<text[^>]*fill=\"white\"[^>]*>\\s*77.9%"));
        Assert.That(Words(chart), Does.Contain("c").Or.Contain("40.0%"));
    }

    [Test]
    public void A_hidden_bar_keeps_its_row_and_shows_the_missing_mark()
    {
        var chart = BarChart.Build("Attendance", [("Police", 70m), ("Schools", null)], IndicatorUnit.Percent, null);
        Assert.That(Words(chart), Does.Contain("Schools").And.Contain("c"));
    }

    [Test]
    public void Funnel_outliers_are_named_on_the_chart_and_the_rest_are_not()
    {
        FunnelUnit[] units = [new("North", 6, 20), new("South", 60, 100), new("East", 30, 100), new("West", 40, 200)];
        var points = FunnelPlot.Plot(units, 0.3m).Select(p => (p.Id, p)).ToList();
        var chart = FunnelChart.Build("Referrals", points, 0.3m, IndicatorUnit.Percent, "Referrals");
        var outliers = points.Where(p => p.p.IsOutlier).Select(p => p.Id).ToList();
        Assert.That(outliers, Is.Not.Empty);
        Assert.That(Words(chart), Is.SupersetOf(outliers).And.Contain("Council 30.0%"));
        Assert.That(Words(chart), Has.None.EqualTo(points.First(p => !p.p.IsOutlier).Id));
    }

    [Test]
    public void A_funnel_around_a_team_s_rate_names_the_team_on_its_line_and_in_its_description()
    {
        FunnelUnit[] units = [new("Ann", 6, 20), new("Bob", 60, 100), new("Cy", 30, 100)];
        var points = FunnelPlot.Plot(units, 0.3m).Select(p => (p.Id, p)).ToList();
        var chart = FunnelChart.Build("Visits: workers compared", points, 0.3m, IndicatorUnit.Percent, "Visits", "workers", centreName: FunnelCentre.Of("Child Protection West"));
        Assert.That(Words(chart), Does.Contain("Child Protection West 30.0%").And.No.Contain("Council 30.0%"));
        Assert.That(chart.Description, Does.Contain("3 workers compared with the Child Protection West rate of 30.0%"));

        var pooled = FunnelChart.Build("Visits: workers compared", points, 0.3m, IndicatorUnit.Percent, "Visits", "workers", centreName: FunnelCentre.Pooled);
        Assert.That(Words(pooled), Does.Contain("Pooled 30.0%"));
        Assert.That(pooled.Description, Does.Contain("compared with their pooled rate of 30.0%"));
    }

    [Test]
    public void Sparkline_is_a_small_drawing_with_no_text()
    {
        var chart = Sparkline.Build("SEEN-01", [(Fixtures.April2024, 70m), (Fixtures.April2024.AddMonths(1), null), (Fixtures.April2024.AddMonths(2), 72m)],
            IndicatorUnit.Percent, "Visits");
        Assert.That((chart.Drawing.Width, chart.Drawing.Height), Is.EqualTo((Sparkline.DefaultWidth, Sparkline.DefaultHeight)));
        Assert.That(SvgText.Boxes(chart.Svg), Is.Empty);
        Assert.That(chart.Id, Is.EqualTo("spark-seen-01"));
    }

    [Test]
    public void Two_charts_never_share_an_svg_id()
    {
        var a = SpcChart.Build("Visits", Fixtures.Steady(8), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        var b = SpcChart.Build("Plans", Fixtures.Steady(8), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        var ids = Regex.Matches(a.Svg + b.Svg, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(ids, Is.Not.Empty.And.Unique);
    }

    [Test]
    public void A_name_with_markup_stays_text_inside_the_svg()
    {
        var chart = BarChart.Build("Attendance", [("</svg><script>alert(1)</script>", 50m)], IndicatorUnit.Percent, null);
        Assert.That(chart.Svg, Does.Not.Contain("<script").And.Contain("&lt;/svg&gt;&lt;script&gt;"));
        Assert.That(Words(chart), Does.Contain("</svg><script>alert(1)</script>"));
    }
}
