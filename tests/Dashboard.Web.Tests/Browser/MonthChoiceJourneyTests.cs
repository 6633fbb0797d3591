using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A director on a council whose data was extracted on 4 March 2026: the overview opens on February, rated; choosing
/// "March 2026: month so far" in the month list shows March's figures labelled as the month so far and unrated, and
/// following a tile keeps that month.
/// </summary>
[NonParallelizable]
public sealed class MonthChoiceJourneyTests() : BrowserJourney(TestCouncil.SmallMidMonth)
{
    [Test]
    public async Task A_director_switches_to_the_month_so_far_and_sees_it_labelled_and_unrated()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "80-overview-latest-complete-month");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("in February 2026");
        Assert.That(await page.Locator(".tile .rag--green, .tile .rag--amber, .tile .rag--red").CountAsync(), Is.GreaterThan(0), "February is rated");

        await page.Locator("#filter-period").SelectOptionAsync(new SelectOptionValue { Label = "March 2026: month so far (to 4 March)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "period=2026-03");
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "81-overview-month-so-far");

        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("the month so far, to 4 March 2026");
        await Assertions.Expect(page.Locator(".tile .figure-period").First).ToHaveTextAsync("month so far, to 4 March 2026");
        Assert.That(await page.Locator(".tile .rag--green, .tile .rag--amber, .tile .rag--red, .tile .rag--too-few").CountAsync(), Is.Zero,
            "nothing is rated on a few days of a month");
        Assert.That(await page.Locator(".tile .rag--unrated").CountAsync(), Is.GreaterThan(0));

        await page.Locator("a[href^='/indicators/SEEN-01']").First.ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/indicators/SEEN-01\\?period=2026-03");
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "82-indicator-month-so-far");
        await Assertions.Expect(page.Locator("#figure-heading")).ToHaveTextAsync("This month so far");
        await Assertions.Expect(page.GetByText("not rated: the month is not over")).ToBeVisibleAsync();
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }
}
