using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>
/// Suppression hides cells; it never changes a figure. For every indicator and the latest complete month, each figure a
/// councillor sees (headline value and counts, team table, funnel centre and limits, team trend values) equals the
/// director's wherever it is not suppressed, and no count from 1 to 5 reaches the councillor's page.
/// </summary>
[TestFixture(TestCouncil.Small)]
[TestFixture(TestCouncil.Scilly)]
public sealed class CouncillorMatchesDirectorTests(TestCouncil council)
{
    private DashboardTestHost _host = null!;
    private Month _month;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(council);
        _month = await CouncillorComparison.LatestCompleteMonthAsync(_host);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static IEnumerable<string> Indicators => IndicatorCatalogue.All.Select(i => i.Definition.Id);

    [TestCaseSource(nameof(Indicators))]
    public async Task Every_figure_a_councillor_sees_is_the_director_s(string id)
    {
        var pages = _host.Services.GetRequiredService<IndicatorPageService>();
        var d = (await pages.GetAsync(CouncillorComparison.ViewerFor(AppRole.Director), id, _month.ToString(), null, null))!;
        var c = (await pages.GetAsync(CouncillorComparison.ViewerFor(AppRole.Councillor), id, _month.ToString(), null, null))!;
        Assume.That(d.Period?.Selected, Is.EqualTo(_month), "the month compared is offered");

        Assert.Multiple(() =>
        {
            Same(c.Figure.Value, d.Figure.Value, "headline value");
            Same(c.Figure.Numerator, d.Figure.Numerator, "headline numerator");
            Same(c.Figure.Denominator, d.Figure.Denominator, "headline denominator");
            if (c.Figure.Value is not null) Assert.That(c.Rag, Is.EqualTo(d.Rag), "rating");
            Assert.That(new[] { c.Figure.Numerator, c.Figure.Denominator }.OfType<int>(), Has.None.InRange(1, 5), "headline counts");

            var director = d.Teams.ToDictionary(t => t.Team.TeamId);
            foreach (var t in c.Teams)
            {
                var exact = director[t.Team.TeamId];
                Same(t.Value, exact.Value, $"{t.Team.TeamName} value");
                Same(t.Met, exact.Met, $"{t.Team.TeamName} met");
                Same(t.Total, exact.Total, $"{t.Team.TeamName} total");
                Assert.That(new[] { t.MetText, t.NotMetText, t.TotalText }, Has.None.Matches(@"^[1-5]$"), $"{t.Team.TeamName} counts");
            }

            SameFunnel(c.TeamFunnel, d.TeamFunnel, c.Figure.Value is not null);
            Assert.That(c.WorkerFunnel, Is.Null, "no worker is shown to a councillor");
            SameTrend(c.TeamChart, d.TeamChart);
        });
    }

    [TestCaseSource(nameof(Indicators))]
    public async Task A_councillor_s_page_shows_no_count_from_1_to_5(string id)
    {
        using var client = await _host.SignedInAsync(AppRole.Councillor);
        var html = await client.GetStringAsync($"/indicators/{id}?period={_month}");
        Assert.That(SuppressionScan.SmallCountsInTileCounts(html), Is.Empty);
        Assert.That(SuppressionScan.SmallCountsInTableCells(html), Is.Empty);
        Assert.That(SuppressionScan.SmallCountsInChartTables(html), Is.Empty);
    }

    private static void Same<T>(T? councillor, T? director, string what) where T : struct
    {
        if (councillor is not null) Assert.That(councillor, Is.EqualTo(director), what);
    }

    /// <summary>Same centre and limits (the table's caption names the centre), and each point shown is the director's point.</summary>
    private static void SameFunnel(ChartSpec? councillor, ChartSpec? director, bool scopeShown)
    {
        if (councillor is null)
        {
            // Only a hidden scope figure, or fewer than two teams left to show, takes a councillor's funnel away.
            if (director is not null && scopeShown) Assert.That(director.Table.Rows.Count, Is.GreaterThanOrEqualTo(2));
            return;
        }
        Assert.That(director, Is.Not.Null, "a councillor never has a funnel the director lacks");
        Assert.That(councillor.Table.Caption, Is.EqualTo(director!.Table.Caption), "the same council rate");
        var rows = director.Table.Rows.ToDictionary(r => r[0]);
        foreach (var row in councillor.Table.Rows) Assert.That(row, Is.EqualTo(rows[row[0]]), $"{row[0]}: rate, limits and position");
    }

    /// <summary>Every team-month value a councillor sees in the trend by team is the director's.</summary>
    private static void SameTrend(ChartSpec? councillor, ChartSpec? director)
    {
        if (councillor is null) return;
        Assert.That(director, Is.Not.Null);
        var columns = director!.Table.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var months = director.Table.Rows.ToDictionary(r => r[0]);
        foreach (var row in councillor.Table.Rows)
        {
            for (var i = 1; i < row.Count; i++)
            {
                if (row[i] == "c") continue;
                Assert.That(row[i], Is.EqualTo(months[row[0]][columns[councillor.Table.Headers[i]]]), $"{councillor.Table.Headers[i]}, {row[0]}");
            }
        }
    }
}
