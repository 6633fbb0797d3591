using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Indicators;

namespace Dashboard.Charts.Tests;

public class SpcChartTests
{
    private const string Title = "Child protection visits on time";

    private static ChartSpec Shifting(decimal? target = 85m, decimal? england = 80m, ChartOptions? options = null) =>
        SpcChart.Build(Title, Fixtures.ShiftingDown(), IndicatorUnit.Percent, Polarity.HigherIsBetter, target, england, options);

    [Test]
    public void Description_names_latest_value_target_England_mean_and_signals()
    {
        Assert.That(Shifting().Description, Is.EqualTo(
            "Child protection visits on time, monthly from April 2024 to September 2025. " +
            "Latest 71.2% in September 2025, below the target of 85.0% and the England figure of 80.0%. " +
            "The average is 75.0%; 2 months fall below the lower limit and the last 7 months are below the average; " +
            "verdict: getting worse; consistently below the target."));
    }

    [Test]
    public void A_chart_runs_to_the_month_it_is_about_when_its_latest_months_have_no_value()
    {
        // Six months from April 2024 (to September 2024); the page or pack is about December 2024, whose last three
        // months are hidden as small numbers: the chart must not stop in September as if nothing had happened since.
        var chart = SpcChart.Build(Title, Fixtures.Steady(6), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null,
            new ChartOptions { Missing = "c" }, through: new Month(2024, 12));

        Assert.That(chart.Description, Does.StartWith($"{Title}, monthly from April 2024 to December 2024 (3 months without a value, shown as c)."));
        Assert.That(chart.Table.Rows.Select(r => r[0]).TakeLast(3), Is.EqualTo(new[] { "October 2024", "November 2024", "December 2024" }));
        Assert.That(chart.Table.Rows[^1][1], Is.EqualTo("c"));
        Assert.That(SpcChart.Build(Title, Fixtures.Steady(6), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null, through: new Month(2024, 7))
            .Table.Rows, Has.Count.EqualTo(6), "an earlier month never cuts the series short");
    }

    [Test]
    public void A_point_on_100_percent_or_0_percent_is_drawn_whole_inside_the_plot()
    {
        var points = Enumerable.Range(0, 6).Select(i => Fixtures.Point(Fixtures.April2024.AddMonths(i), i % 2 == 0 ? 100m : 0m)).ToList();
        var spc = new SpcResult(ChartKind.XmR, points, 50m, 10m, Variation.NoSignificantChange, Assurance.NoTarget, null)
        {
            Phases = [new SpcPhase(points[0].Month, points[^1].Month, points.Count, 50m, 10m, true, PhaseStart.FirstMonth)],
        };
        var chart = SpcChart.Build(Title, spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        var plot = chart.Drawing.Panel(0);
        plot.GetImage(chart.Drawing.Width, chart.Drawing.Height);
        var area = plot.RenderManager.LastRender.DataRect;

        // The markers are 9 px across: their centres must sit at least half that inside the data area's edges.
        var top = plot.GetPixel(new ScottPlot.Coordinates(0, 100)).Y;
        var bottom = plot.GetPixel(new ScottPlot.Coordinates(0, 0)).Y;
        Assert.That(top - area.Top, Is.GreaterThanOrEqualTo(4.5), "a point on 100% is not cut by the top edge");
        Assert.That(area.Bottom - bottom, Is.GreaterThanOrEqualTo(4.5), "a point on 0% is not cut by the bottom edge");
    }

    [Test]
    public void Description_of_a_steady_process_says_there_is_no_signal()
    {
        var chart = SpcChart.Build(Title, Fixtures.Steady(), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        Assert.That(chart.Description, Does.Contain("no month is outside the limits and there is no run or steady rise or fall; verdict: no real change."));
        Assert.That(chart.Description, Does.Not.Contain("target"));
    }

    [Test]
    public void Description_warns_when_limits_rest_on_fewer_months_than_recommended()
    {
        var chart = SpcChart.Build(Title, Fixtures.Steady(6), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        Assert.That(chart.Description, Does.Contain("fewer than 15 months"));
    }

    [Test]
    public void Table_rows_hold_the_same_numbers_as_the_chart()
    {
        var chart = Shifting();
        Assert.That(chart.Table.Headers, Is.EqualTo(new[] { "Month", "Value", "Average", "Lower limit", "Upper limit", "Limits from", "Variation" }));
        Assert.That(chart.Table.Rows[^1], Is.EqualTo(new[]
        {
            "September 2025", "71.2%", "75.0%", "60.0%", "90.0%", "April 2024", "Concern: 7 or more on one side of the average",
        }));
        Assert.That(chart.Table.Rows[1][6], Is.EqualTo("Concern: outside the limits"));
    }

    [Test]
    public void A_caller_format_controls_every_text()
    {
        var options = new ChartOptions { Format = v => v is null ? "[x]" : $"{v:0.00}" };
        var chart = SpcChart.Build(Title, Fixtures.Steady(6, gapInMonthThree: true), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null, options);
        Assert.That(chart.Table.Rows[2][1], Is.EqualTo("[x]"));
        Assert.That(chart.Table.Rows[0][1], Is.EqualTo("74.00"));
        Assert.That(chart.Description, Does.Contain("shown as [x]"));
    }

    [Test]
    public void The_description_says_where_phases_start_and_why_and_judges_the_latest_phase()
    {
        Assert.That(Phased().Description, Is.EqualTo(
            "Child protection visits on time, monthly from April 2024 to November 2025. " +
            "Latest 89.0% in November 2025, above the target of 85.0%. " +
            "The limits were recalculated from February 2025, after a sustained rise (7 or more months above the earlier average); " +
            "and from September 2025, when the council recorded a change (New locality teams). " +
            "3 months since September 2025: too few to set limits, so too few months to judge yet; the average is 89.0%."));
    }

    [Test]
    public void The_table_says_which_months_each_month_s_limits_come_from()
    {
        var table = Phased().Table;

        Assert.That(table.Rows.Select(r => r[5]).Distinct(), Is.EqualTo(new[]
        {
            "April 2024", "February 2025 (Limits recalculated)", "September 2025 (too few months for limits)",
        }));
        Assert.That(table.Rows[^1][3], Is.Empty);
    }

    private static ChartSpec Phased() =>
        SpcChart.Build(Title, Fixtures.Phased(), IndicatorUnit.Percent, Polarity.HigherIsBetter, 85m, null);
}
