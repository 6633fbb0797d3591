using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A council loaded from its statutory returns, in a real browser: the director reads on the data quality page where the
/// data came from and which indicators the returns support, follows one the returns cannot support and reads why; a team
/// manager following the same link reads the same sentence.
/// </summary>
[NonParallelizable]
public sealed class ReturnSourcesJourneyTests() : BrowserJourney(TestCouncil.SmallFromReturns)
{
    [TestCase(AppRole.Director, "61-returns-data-quality-director")]
    [TestCase(AppRole.Manager, "62-returns-data-quality-manager")]
    public async Task A_reader_sees_which_returns_the_figures_came_from_and_why_one_is_missing(AppRole role, string screenshot)
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, role);
        await page.GotoAsync(Dashboard.BaseUrl + "/data-quality");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where the data comes from: statutory returns" })).ToBeVisibleAsync();
        var returns = page.Locator("table:has(caption:text-is('The returns behind load 1')) tbody th");
        Assert.That(await returns.AllInnerTextsAsync(), Is.EqualTo(new[] { "CIN census", "SSDA903", "Annex A" }));
        var oversight = page.Locator("table:has(caption:has-text('Indicators each return supports')) tbody tr", new() { HasText = "OVERSIGHT-01" });
        Assert.That(await oversight.Locator("td").AllInnerTextsAsync(), Is.EqualTo(new[] { "No", "No", "No", "No" }));
        await BrowserSession.ScreenshotAsync(page, screenshot);
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        await oversight.GetByRole(AriaRole.Link, new() { Name = "OVERSIGHT-01" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/indicators/OVERSIGHT-01");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(
            "Not available from these sources: the CIN census, SSDA903 and Annex A carry no management oversight records");
        await BrowserSession.ScreenshotAsync(page, screenshot + "-indicator");
    }
}
