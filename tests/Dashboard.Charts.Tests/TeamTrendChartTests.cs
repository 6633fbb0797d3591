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

    [Test]
    public void Up_to_eight_teams_share_one_chart_with_a_legend_of_colour_and_shape()
    {
        var spec = new Spec(TeamTrendChart.Build("Visits by team", Series(3), IndicatorUnit.Percent, 85m));
        var points = spec.Layer("points")["encoding"]!;
        Assert.Multiple(() =>
        {
            Assert.That(spec.Root.ContainsKey("facet"), Is.False);
            Assert.That((string?)spec.Root["width"], Is.EqualTo("container"));
            Assert.That(points["color"]!["scale"]!["domain"]!.AsArray().Select(d => (string?)d), Is.EqualTo(new[] { "Team A", "Team B", "Team C" }));
            Assert.That((string?)points["shape"]!["field"], Is.EqualTo("team"));
            Assert.That(spec.LayerNames, Does.Contain("target"));
        });
    }

    [Test]
    public void More_than_eight_teams_become_small_multiples_three_to_a_row()
    {
        var spec = new Spec(TeamTrendChart.Build("Visits by team", Series(9), IndicatorUnit.Percent, 85m));
        Assert.That((string?)spec.Root["facet"]!["field"], Is.EqualTo("team"));
        Assert.That((int?)spec.Root["columns"], Is.EqualTo(3));
        Assert.That(spec.LayerNames, Is.EqualTo(new[] { "lines", "target" }));
    }

    [Test]
    public void A_team_hidden_in_every_month_gets_no_panel_and_the_description_counts_it()
    {
        var series = Series(13).Select(s => s.Team is "Team B" or "Team D" or "Team F" or "Team K" ? (s.Team, s.Month, (decimal?)null) : s).ToList();
        var chart = TeamTrendChart.Build("Visits by team", series, IndicatorUnit.Percent, 85m, emptyReason: TeamTrendChart.SuppressedReason);
        var spec = new Spec(chart);
        Assert.Multiple(() =>
        {
            Assert.That(spec.Root["facet"]!["sort"]!.AsArray().Select(t => (string?)t).ToList(), Has.Count.EqualTo(9).And.No.Member("Team B"));
            Assert.That(spec.Rows.Select(r => (string?)r["team"]).Distinct(), Has.No.Member("Team K"));
            Assert.That(chart.Table.Headers, Has.Count.EqualTo(10));
            Assert.That(chart.Description, Does.EndWith("4 teams hidden: small numbers."));
        });
    }

    [Test]
    public void With_every_team_drawn_the_description_mentions_none_hidden()
    {
        var chart = TeamTrendChart.Build("Visits by team", Series(3), IndicatorUnit.Percent, 85m, emptyReason: TeamTrendChart.SuppressedReason);
        Assert.That(chart.Description, Does.Not.Contain("hidden"));
    }

    [Test]
    public void Only_the_latest_24_months_are_drawn()
    {
        var spec = new Spec(TeamTrendChart.Build("Visits", Series(1, months: 30), IndicatorUnit.Percent, null));
        Assert.That(spec.Rows, Has.Count.EqualTo(TeamTrendChart.MaxMonths));
        Assert.That((string?)spec.Rows[0]["month"], Is.EqualTo("2024-10"));
        Assert.That(spec.LayerNames, Does.Not.Contain("target"));
    }

    [Test]
    public void A_suppressed_or_missing_month_is_a_gap_shown_as_c()
    {
        var series = Series(2);
        series[1] = (series[1].Team, series[1].Month, null);
        series.RemoveAt(5);
        var chart = TeamTrendChart.Build("Visits", series, IndicatorUnit.Percent, 85m);
        var spec = new Spec(chart);
        Assert.Multiple(() =>
        {
            Assert.That(spec.Rows, Has.Count.EqualTo(6));
            Assert.That(spec.Rows.Count(r => !r.ContainsKey("value")), Is.EqualTo(2));
            Assert.That(spec.NullNumbers("value"), Is.Empty);
            Assert.That(chart.Table.Headers, Is.EqualTo(new[] { "Month", "Team A", "Team B" }));
            Assert.That(chart.Table.Rows.Select(r => r[1]), Is.EqualTo(new[] { "60.0%", "c", "62.0%" }));
            Assert.That(chart.Table.Rows.Select(r => r[2]), Is.EqualTo(new[] { "65.0%", "66.0%", "c" }));
        });
    }

    [Test]
    public void Description_names_the_highest_and_lowest_latest_and_the_target()
    {
        var chart = TeamTrendChart.Build("Visits on time by team", Series(3), IndicatorUnit.Percent, 70m);
        Assert.That(chart.Description, Is.EqualTo(
            "Visits on time by team for 3 teams, monthly from April 2024 to June 2024. In June 2024 the highest is Team C at 72.0% " +
            "and the lowest Team A at 62.0%; 1 of the 3 teams with a value are at or above the target of 70.0%."));
    }
}
