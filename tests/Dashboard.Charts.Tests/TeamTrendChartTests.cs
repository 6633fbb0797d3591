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
}
