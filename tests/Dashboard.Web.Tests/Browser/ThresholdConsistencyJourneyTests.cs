using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// OVERSIGHT-02 in a real browser: the director reads which teams decide differently from the council and sees both
/// funnels drawn; a councillor is told the same number of teams outside the limits.
/// </summary>
[NonParallelizable]
public sealed partial class ThresholdConsistencyJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    [Test]
    public async Task The_director_and_a_councillor_are_told_the_same_number_of_teams_outside_the_limits()
    {
        var director = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(director, Dashboard.BaseUrl, AppRole.Director);
        await director.GotoAsync(Dashboard.BaseUrl + "/");
        await director.Locator("a[href^='/indicators/OVERSIGHT-02']").First.ClickAsync();
        await BrowserSession.AddressMatchesAsync(director, "/indicators/OVERSIGHT-02");
        await BrowserSession.WaitForChartsAsync(director);
        await BrowserSession.ScreenshotAsync(director, "80-oversight-02-director");

        var headline = await director.Locator(".threshold__headline").InnerTextAsync();
        var counted = Headline().Match(headline);
        Assert.That(counted.Success, Is.True, headline);
        var outside = int.Parse(counted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var named = await director.Locator("ul.threshold__outliers").First.Locator("li").AllInnerTextsAsync();
        Assert.That(named, Has.Count.EqualTo(outside), "every team outside the limits is named to the director");
        Assert.That(named, Has.All.Match(@": .*\d+\.\d% \([\d,]+ of [\d,]+\), (higher|lower) than the council's \d+\.\d%"));
        var funnels = director.Locator("figure.chart", new() { Has = director.Locator("figcaption", new() { HasTextRegex = new Regex("teams compared") }) });
        Assert.That(await funnels.CountAsync(), Is.EqualTo(2), "the NFA and the \"no need\" funnels of teams");
        Assert.That(await funnels.Locator("svg.chart-svg").CountAsync(), Is.EqualTo(2), "both drawn");
        Assert.That(await director.Locator("figcaption").AllInnerTextsAsync(), Has.Some.Contains("workers compared"));
        Assert.That(await director.GetByRole(AriaRole.Heading, new() { Name = "Children to follow up" }).CountAsync(), Is.Zero, "no list of children");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(director), Is.Empty);

        var councillor = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(councillor, Dashboard.BaseUrl, AppRole.Councillor);
        await councillor.GotoAsync(Dashboard.BaseUrl + "/indicators/OVERSIGHT-02");
        await BrowserSession.WaitForChartsAsync(councillor);
        await BrowserSession.ScreenshotAsync(councillor, "81-oversight-02-councillor");
        var theirs = Headline().Match(await councillor.Locator(".threshold__headline").InnerTextAsync());
        Assert.That(theirs.Groups[1].Value, Is.EqualTo(counted.Groups[1].Value), "the same number outside the limits");
        Assert.That(theirs.Groups[2].Value, Is.EqualTo(counted.Groups[2].Value), "of the same number of teams");
        Assert.That(await councillor.Locator("figcaption").AllInnerTextsAsync(), Has.None.Contains("workers compared"));
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(councillor), Is.Empty);
    }

    [Test]
    public async Task On_a_tiny_council_the_councillor_reads_the_director_s_headline()
    {
        await using var scilly = await LiveDashboard.StartAsync(TestCouncil.Scilly);
        var headlines = new List<string>();
        foreach (var (role, name) in new[] { (AppRole.Director, "82-oversight-02-scilly-director"), (AppRole.Councillor, "83-oversight-02-scilly-councillor") })
        {
            var page = await Browser.NewPageAsync();
            await BrowserSession.SignInAsync(page, scilly.BaseUrl, role);
            await page.GotoAsync(scilly.BaseUrl + "/indicators/OVERSIGHT-02");
            await BrowserSession.WaitForChartsAsync(page);
            await BrowserSession.ScreenshotAsync(page, name);
            headlines.Add(await page.Locator(".threshold__headline").InnerTextAsync());
        }
        Assert.That(headlines[1], Is.EqualTo(headlines[0]), "suppression never tells a councillor a more reassuring story");
    }

    [GeneratedRegex(@"(\d+) of (\d+) teams? decide differently from the council")]
    private static partial Regex Headline();
}
