using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// Where each role starts, in a real browser: the director reads the overview's summary and follows a concern; a
/// manager lands on their own team and the team stays chosen as they follow links; a councillor's summary.
/// </summary>
[NonParallelizable]
public sealed partial class RoleJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    [Test]
    public async Task A_director_reads_the_summary_first_and_follows_the_top_concern_to_its_page()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "80-overview-summary-director");

        var summary = page.Locator("section.summary");
        await Assertions.Expect(summary.Locator("h2")).ToContainTextAsync("How Testshire is doing in");
        var red = int.Parse(await summary.Locator(".summary__count--red .summary__number").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(red, Is.EqualTo(await page.Locator("article.tile--red").CountAsync()), "the red count is the red tiles");

        // The summary comes before the first tile: it is what the director reads first.
        var summaryTop = (await summary.BoundingBoxAsync())!.Y;
        var firstTileTop = (await page.Locator("article.tile").First.BoundingBoxAsync())!.Y;
        Assert.That(summaryTop, Is.LessThan(firstTileTop));

        var concern = summary.Locator(".summary__concerns li a").First;
        var title = (await concern.InnerTextAsync()).Trim();
        await concern.ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/indicators/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    [Test]
    public async Task A_manager_lands_on_their_team_and_the_team_stays_chosen_from_page_to_page()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Manager);
        await BrowserSession.AddressMatchesAsync(page, $"team={Regex.Escape(Uri.EscapeDataString(Dashboard.ManagerTeamId))}");
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "81-overview-manager-landing");
        var team = await page.Locator("#filter-team option:checked").InnerTextAsync();
        Assert.That(team, Is.EqualTo("Child Protection West"));
        await Assertions.Expect(page.Locator(".lead strong")).ToHaveTextAsync("Child Protection West");

        // Follow a tile, then the navigation's Overview link: the team is still the one shown.
        await page.Locator("article.tile h3 a").First.ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/indicators/");
        Assert.That(await page.Locator("#filter-team option:checked").InnerTextAsync(), Is.EqualTo("Child Protection West"));
        await page.Locator("nav.site-nav a", new() { HasTextString = "Themes and findings" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/themes");
        await page.Locator("nav.site-nav a", new() { HasTextString = "Overview" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/\\?team=");
        await Assertions.Expect(page.Locator(".lead strong")).ToHaveTextAsync("Child Protection West");
        Assert.That(await page.Locator("article.tile").CountAsync(), Is.LessThan(Core.Indicators.Catalogue.IndicatorCatalogue.All.Count),
            "only the measures that apply to the team");
        await Assertions.Expect(page.Locator(".overview__not-applicable")).ToContainTextAsync("do not apply to this team's work");
    }

    [Test]
    public async Task A_councillor_sees_the_summary_with_hidden_figures_left_unrated()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Councillor);
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "82-overview-summary-councillor");
        await Assertions.Expect(page.Locator("section.summary")).ToBeVisibleAsync();
        var none = int.Parse(await page.Locator(".summary__count--none .summary__number").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(none, Is.EqualTo(await page.Locator("article.tile--none").CountAsync()));
    }

    [Test]
    public async Task The_glossary_is_one_click_from_any_page()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Councillor);
        await page.Locator("footer a", new() { HasTextString = "glossary" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/glossary");
        await BrowserSession.ScreenshotAsync(page, "83-glossary");
        await Assertions.Expect(page.Locator("dt", new() { HasTextString = "ICPC" })).ToContainTextAsync("initial child protection conference");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }
}
