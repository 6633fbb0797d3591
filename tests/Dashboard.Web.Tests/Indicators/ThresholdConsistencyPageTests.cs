using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>OVERSIGHT-02's page: the teams outside the council's funnel limits, named to the director, counted for a councillor.</summary>
public sealed partial class ThresholdConsistencyPageTests
{
    private const string Indicator = "OVERSIGHT-02";
    private DashboardTestHost _host = null!;
    private Month _month;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        _month = await CouncillorComparison.LatestCompleteMonthAsync(_host);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task The_director_reads_which_teams_decide_differently_with_their_rates_limits_and_direction()
    {
        var model = await ModelAsync(AppRole.Director);
        var html = await PageAsync(AppRole.Director);

        Assert.That(model.Outside, Is.Not.Empty, "the Small council plants a front door team that closes too many referrals");
        var headline = Headline().Match(html);
        Assert.That(headline.Success, Is.True, "a headline that counts the teams");
        Assert.That(int.Parse(headline.Groups[1].Value), Is.EqualTo(model.Outside.Count));
        Assert.That(int.Parse(headline.Groups[2].Value), Is.EqualTo(model.Compared.Count));
        foreach (var team in model.Outside)
        {
            Assert.That(team.IsNamed, Is.True, "nothing is hidden from the director");
            var item = Regex.Match(html, $"<li><strong>{Regex.Escape(WebUtility.HtmlEncode(team.Team.TeamName))}</strong>: ([^<]*)</li>");
            Assert.That(item.Success, Is.True, $"{team.Team.TeamName} is named");
            var text = WebUtility.HtmlDecode(item.Groups[1].Value);
            Assert.That(text, Does.Match(@"\d+\.\d% \([\d,]+ of [\d,]+\), (higher|lower) than the council's \d+\.\d% \(99\.8% limits \d+\.\d% to \d+\.\d%\)"));
        }
        Assert.That(html, Does.Contain("teams compared").And.Contain("workers compared"));
        Assert.That(Regex.Count(html, "class=\"chart-svg\""), Is.GreaterThanOrEqualTo(5), "the trend and four funnels");
        Assert.That(html, Does.Not.Contain("Children to follow up"), "no list of children for a measure of teams");
        Assert.That(html, Does.Not.Contain("Not met"), "no met and not met table");
    }

    [Test]
    public async Task The_panel_s_tests_are_the_ones_the_stored_figure_counts()
    {
        var model = await ModelAsync(AppRole.Director);
        var stored = (await _host.Services.GetRequiredService<CachedScopeSeries>().ScopeAsync("council", "council", _month.ToString(), _month.ToString()))
            .Single(r => r.IndicatorId == Indicator);
        var units = model.Measures.SelectMany(m => m.TeamUnits.Concat(m.Workers)).Where(u => u.Point is not null).ToList();
        Assert.That(units.Count(u => u.IsOutside), Is.EqualTo(stored.Numerator), "outside the 99.8% limits");
        Assert.That(units, Has.Count.EqualTo(stored.Denominator), "tests made");
        Assert.That(stored.Value, Is.EqualTo(Math.Round(100m * stored.Numerator / stored.Denominator, 1)).Within(0.05m), "a percentage, not a count");
    }

    [Test]
    public async Task A_councillor_is_told_as_many_teams_outside_the_limits_as_the_director_and_sees_no_worker()
    {
        var director = await ModelAsync(AppRole.Director);
        var councillor = await ModelAsync(AppRole.Councillor);
        var html = await PageAsync(AppRole.Councillor);

        Assert.That(councillor.Outside.Select(t => t.Team.TeamId), Is.EqualTo(director.Outside.Select(t => t.Team.TeamId)));
        Assert.That(councillor.Compared, Has.Count.EqualTo(director.Compared.Count));
        var headline = Headline().Match(html);
        Assert.That(headline.Groups[1].Value, Is.EqualTo(director.Outside.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(councillor.ShowsWorkers, Is.False);
        Assert.That(html, Does.Not.Contain("workers compared"));
        foreach (var (c, d) in councillor.Measures.Zip(director.Measures))
        {
            Assert.That(c.CouncilRate, Is.EqualTo(d.CouncilRate), "the council's rate is never changed by suppression");
            foreach (var u in c.TeamUnits.Where(u => u.Shown)) Assert.That(u.Point, Is.EqualTo(d.TeamUnits.Single(x => x.Id == u.Id).Point));
        }
        Assert.That(SuppressionScan.SmallCountsInTableCells(html), Is.Empty);
        Assert.That(SuppressionScan.SmallCountsInChartTables(html), Is.Empty);
    }

    [Test]
    public async Task On_a_tiny_council_a_councillor_s_hidden_teams_are_counted_not_named()
    {
        await using var scilly = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        var month = await CouncillorComparison.LatestCompleteMonthAsync(scilly);
        var service = scilly.Services.GetRequiredService<ThresholdConsistencyService>();
        var scopes = scilly.Services.GetRequiredService<IndicatorScopes>();
        async Task<ThresholdConsistency> For(AppRole role)
        {
            var viewer = CouncillorComparison.ViewerFor(role);
            return await service.GetAsync(viewer, await scopes.ResolveAsync(viewer, null, null, "Scilly"), month);
        }
        var director = await For(AppRole.Director);
        var councillor = await For(AppRole.Councillor);

        Assert.That(councillor.Outside, Has.Count.EqualTo(director.Outside.Count), "never a more reassuring picture");
        Assert.That(councillor.UnnamedOutside, Is.EqualTo(councillor.Outside.Count(t => !t.IsNamed)));
        Assert.That(councillor.Measures.SelectMany(m => m.TeamUnits).Where(u => !u.Shown).Select(u => u.RateText), Is.All.EqualTo("c"));
        using var client = await scilly.SignedInAsync(AppRole.Councillor);
        var html = await client.GetStringAsync($"/indicators/{Indicator}?period={month}");
        foreach (var hidden in councillor.Outside.Where(t => !t.IsNamed))
        {
            Assert.That(html, Does.Not.Contain($"<strong>{WebUtility.HtmlEncode(hidden.Team.TeamName)}</strong>"));
        }
        if (councillor.UnnamedOutside > 0) Assert.That(html, Does.Contain("not named here"));
        Assert.That(SuppressionScan.SmallCountsInTableCells(html), Is.Empty);
        Assert.That(SuppressionScan.SmallCountsInChartTables(html), Is.Empty);
    }

    private async Task<ThresholdConsistency> ModelAsync(AppRole role)
    {
        var viewer = CouncillorComparison.ViewerFor(role);
        var scope = await _host.Services.GetRequiredService<IndicatorScopes>().ResolveAsync(viewer, null, null, "Testshire");
        return await _host.Services.GetRequiredService<ThresholdConsistencyService>().GetAsync(viewer, scope, _month);
    }

    private async Task<string> PageAsync(AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        using var response = await client.GetAsync($"/indicators/{Indicator}?period={_month}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"<strong>(\d+) of (\d+) teams? decide differently from the council")]
    private static partial Regex Headline();
}
