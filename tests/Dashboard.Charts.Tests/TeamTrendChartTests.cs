using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts.Tests;

public class TeamTrendChartTests
{
    private static List<(string Team, Month Month, decimal? Value)> Series(int teams, int months = 3)
    {
        var rows = new List<(string, Month, decimal?)>();
        for (var t = 0; t < teams; t++)
        {
            for (var m = 0; m < months; m++) rows.Add(($"Team {(char)('A' + t)}", Fixtures.April2024.AddMonths(m), 60m + (t * 5) + m));
        }
        return rows;
    }

    /// <summary>
    /// ScottPlot leaves a dashed line's pattern on the paint the next plottable uses; a filled marker drawn with it makes
    /// SkiaSharp's SVG writer print a warning per marker on the server's standard error. Markers therefore follow a solid
    /// stroke, never a dashed or dotted line.
    /// </summary>
    [Test]
    public void Team_markers_are_drawn_after_every_line_and_a_solid_stroke_so_no_dash_pattern_reaches_them()
    {
        var chart = TeamTrendChart.Build("Visits by team", Series(5), IndicatorUnit.Percent, 85m);
        var plottables = chart.Drawing.Panel(0).GetPlottables().ToList();
        var firstMarkers = plottables.FindIndex(p => p is ScottPlot.Plottables.Markers);
        var lastLine = plottables.FindLastIndex(p => p is ScottPlot.Plottables.Scatter);

        Assert.That(firstMarkers, Is.GreaterThan(0));
        Assert.That(lastLine, Is.LessThan(firstMarkers), "every line before any marker");
        Assert.That(((ScottPlot.Plottables.Scatter)plottables[lastLine]).LinePattern, Is.EqualTo(ScottPlot.LinePattern.Solid),
            "the stroke just before the markers is solid");
        Assert.That(plottables.OfType<ScottPlot.Plottables.Scatter>().Select(l => l.LinePattern), Has.Some.EqualTo(ScottPlot.LinePattern.Dashed),
            "the teams' own lines keep their patterns");
    }

    [Test]
    public void With_every_team_drawn_the_description_mentions_none_hidden()
    {
        var chart = TeamTrendChart.Build("Visits by team", Series(3), IndicatorUnit.Percent, 85m, emptyReason: TeamTrendChart.SuppressedReason);
        Assert.That(chart.Description, Does.Not.Contain("hidden"));
    }

    [Test]
    public void Description_names_the_highest_and_lowest_latest_and_the_target()
    {
        var chart = TeamTrendChart.Build("Visits on time by team", Series(3), IndicatorUnit.Percent, 70m);
        Assert.That(chart.Description, Is.EqualTo(
            "Visits on time by team for 3 teams, monthly from April 2024 to June 2024. In June 2024 the highest is Team C at 72.0% " +
            "and the lowest Team A at 62.0%; 1 of the 3 teams with a value are at or above the target of 70.0%."));
    }

    [Test]
    public void Teams_with_no_such_cases_are_not_drawn_and_are_named_apart_from_hidden_teams()
    {
        // Eight teams with figures (small multiples), one hidden for small numbers, two that do no such work.
        var series = Series(8);
        series.AddRange([.. Enumerable.Range(0, 3).Select(m => ("Team Hidden", Fixtures.April2024.AddMonths(m), (decimal?)null))]);
        series.AddRange([.. Enumerable.Range(0, 3).Select(m => ("Assessment East", Fixtures.April2024.AddMonths(m), (decimal?)null))]);
        var chart = TeamTrendChart.Build("Visits by team", series, IndicatorUnit.Percent, 85m, emptyReason: TeamTrendChart.SuppressedReason,
            withoutCases: ["Assessment East", "Assessment West"]);

        Assert.That(chart.Description, Does.Contain("for 8 teams"));
        Assert.That(chart.Description, Does.EndWith(
            " 1 team hidden: small numbers. 2 teams have no such cases in these months: Assessment East and Assessment West."));
        Assert.That(chart.Drawing.PanelCount, Is.EqualTo(8), "one panel a team with figures, none empty");
        Assert.That(chart.Table.Headers, Has.None.StartsWith("Assessment"));
        var titles = SvgText.Boxes(chart.Svg).Select(b => b.Text).ToList();
        Assert.That(titles, Does.Contain("Team A").And.Contain("Team H"));
        Assert.That(titles, Has.None.StartsWith("Assessment").And.None.EqualTo("Team Hidden"));
    }

    [Test]
    public void Many_teams_with_no_such_cases_are_counted_with_the_first_four_named()
    {
        string[] none = ["Assessment A", "Assessment B", "Assessment C", "Assessment D", "Assessment E", "Assessment F"];
        var chart = TeamTrendChart.Build("Visits by team", Series(2), IndicatorUnit.Percent, null, withoutCases: none);
        Assert.That(chart.Description, Does.EndWith(
            " 6 teams have no such cases in these months: Assessment A, Assessment B, Assessment C, Assessment D and 2 more."));
        Assert.That(chart.Description, Does.Not.Contain("hidden"));
    }
}
