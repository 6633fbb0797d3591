using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A director of the tiny council: a month's figures are mostly "too few to rate"; switching to 12 months, the tiles are
/// rated and say "12 months to March 2026"; choosing a team and following a tile keep the 12 months; the indicator page
/// draws the rolling line and says why there is no statistical verdict. A councillor switching the same way sees the same
/// figures wherever they are not hidden.
/// </summary>
[NonParallelizable]
public sealed class RollingFiguresJourneyTests() : BrowserJourney(TestCouncil.Scilly)
{
    [Test]
    public async Task A_director_of_a_tiny_council_switches_to_12_months_and_sees_rated_figures_for_that_period()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await BrowserSession.WaitForChartsAsync(page);
        var ratedInMonth = await Rated(page);
        var tooFewInMonth = await page.Locator(".tile .rag--too-few").CountAsync();
        Assert.That(tooFewInMonth, Is.GreaterThan(ratedInMonth), "a month of the tiny council is mostly too few to rate");

        await page.GetByRole(AriaRole.Link, new() { Name = "12 months (rolling)" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "length=12");
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "90-overview-12-months");

        await Assertions.Expect(page.Locator("#summary-heading")).ToHaveTextAsync("How Testshire is doing over the 12 months to March 2026");
        await Assertions.Expect(page.Locator(".length-switch [aria-current]")).ToHaveTextAsync("12 months (rolling)");
        Assert.That(await Rated(page), Is.GreaterThan(ratedInMonth), "12 months count enough cases to rate");
        Assert.That(await page.Locator(".tile .figure-period", new() { HasTextString = "12 months to March 2026" }).CountAsync(), Is.GreaterThan(20));

        // A month and a team chosen in the filters keep the 12 months.
        await page.Locator("#filter-period").SelectOptionAsync(new SelectOptionValue { Label = "12 months to February 2026" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "period=2026-02.*length=12|length=12.*period=2026-02");
        await Assertions.Expect(page.Locator("#summary-heading")).ToContainTextAsync("12 months to February 2026");

        await page.Locator("a[href^='/indicators/RISK-01']").First.ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/indicators/RISK-01\\?.*length=12");
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "91-indicator-12-months");
        await Assertions.Expect(page.Locator("#figure-heading")).ToHaveTextAsync("The 12 months to February 2026");
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync("No statistical verdict on 12-month figures");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        // Back to 1 month from the switch: the same month, monthly figures and a verdict again.
        await page.GetByRole(AriaRole.Link, new() { Name = "1 month" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/indicators/RISK-01\\?period=2026-02$");
        await Assertions.Expect(page.Locator("#figure-heading")).ToHaveTextAsync("This month");
        await Assertions.Expect(page.Locator(".verdict")).Not.ToContainTextAsync("No statistical verdict");
    }

    [Test]
    public async Task A_councillor_switching_to_12_months_sees_the_directors_figures_wherever_they_are_shown()
    {
        var director = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(director, Dashboard.BaseUrl, AppRole.Director);
        await director.GotoAsync($"{Dashboard.BaseUrl}/?length=12");
        var councillor = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(councillor, Dashboard.BaseUrl, AppRole.Councillor);
        await councillor.GetByRole(AriaRole.Link, new() { Name = "12 months (rolling)" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(councillor, "length=12");
        await BrowserSession.ScreenshotAsync(councillor, "92-councillor-12-months");

        var exact = await Values(director);
        var shown = await Values(councillor);
        var compared = 0;
        foreach (var (id, value) in shown.Where(v => v.Value is not ("c" or "x" or "z")))
        {
            Assert.That(exact[id], Is.EqualTo(value), id);
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(5));
        Assert.That(shown.Values, Has.None.Match(@"^[1-5]$"), "no count from 1 to 5 is shown to a councillor");
    }

    private static Task<int> Rated(IPage page) => page.Locator(".tile .rag--green, .tile .rag--amber, .tile .rag--red").CountAsync();

    private static async Task<Dictionary<string, string>> Values(IPage page)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tile in await page.Locator("article.tile").AllAsync())
        {
            var id = (await tile.Locator(".tile__title").GetAttributeAsync("id") ?? (await tile.GetAttributeAsync("aria-labelledby"))!).Replace("tile-", "", StringComparison.Ordinal);
            values[id] = (await tile.Locator(".tile__value").InnerTextAsync()).Trim();
        }
        return values;
    }
}
