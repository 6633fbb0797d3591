using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A director reads child protection visits by team: only teams that make such visits are drawn, and the chart's
/// description names the teams that have none; opening the chart's table shows the same teams as the drawing.
/// </summary>
[NonParallelizable]
public sealed class TeamChartBrowserTests() : BrowserJourney(TestCouncil.Small)
{
    [Test]
    public async Task A_director_sees_only_teams_that_do_the_work_and_reads_which_do_none()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await page.GotoAsync($"{Dashboard.BaseUrl}/indicators/SEEN-01?period=2026-03");
        await BrowserSession.WaitForChartsAsync(page);

        var figure = page.Locator("figure[id^='chart-teams-']");
        var description = figure.Locator("p.chart__description");
        await Assertions.Expect(description).ToContainTextAsync(new Regex(@"\d+ teams? ha(s|ve) no such cases in these months: "));
        var text = await description.InnerTextAsync();
        var named = Regex.Match(text, @"no such cases in these months: ([^.]+)\.").Groups[1].Value.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ");

        await figure.Locator("details summary").ClickAsync();
        var headers = await figure.Locator("table thead th").AllInnerTextsAsync();
        Assert.That(headers.Skip(1), Is.Not.Empty);
        Assert.That(headers, Has.None.AnyOf(named), "a team with no such cases has no column");
        foreach (var team in headers.Skip(1)) await Assertions.Expect(figure.Locator("svg.chart-svg")).ToContainTextAsync(team.Length > 30 ? team[..29] : team);
        foreach (var team in named) Assert.That(await figure.Locator("svg.chart-svg").TextContentAsync(), Does.Not.Contain(team));
        await figure.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "charts-team-small-multiples-no-cases.png") });
    }
}
