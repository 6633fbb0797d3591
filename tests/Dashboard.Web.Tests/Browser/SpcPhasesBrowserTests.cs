using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A director reads an indicator whose limits were recalculated after a sustained rise (SEEN-02 on the small test
/// council steps up in March 2025): the verdict says since when, the drawn chart marks the boundary, and the glossary
/// under the chart opens to say what the terms mean.
/// </summary>
[NonParallelizable]
public sealed class SpcPhasesBrowserTests() : BrowserJourney(TestCouncil.Small)
{
    [Test]
    public async Task A_director_sees_where_the_limits_were_recalculated_and_opens_the_glossary()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await page.GotoAsync($"{Dashboard.BaseUrl}/indicators/SEEN-02?period=2026-03");
        await BrowserSession.WaitForChartsAsync(page);

        await Assertions.Expect(page.Locator("p.verdict").First).ToContainTextAsync(new Regex(@"^\S+ Since March 2025, when the limits were recalculated after a sustained rise"));
        var chart = page.Locator("[id^='spc-'] svg, .chart svg").First;
        await Assertions.Expect(chart).ToContainTextAsync("Limits recalculated");
        await Assertions.Expect(chart).ToContainTextAsync("Usual variation");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download chart (PNG)" }).First).ToBeVisibleAsync();

        var glossary = page.Locator("details.chart-glossary");
        await Assertions.Expect(glossary.GetByText("Control limits", new() { Exact = true })).Not.ToBeVisibleAsync();
        await glossary.Locator("summary").ClickAsync();
        await Assertions.Expect(glossary.GetByText("Phase (limits recalculated)")).ToBeVisibleAsync();
        await Assertions.Expect(glossary.GetByText("Control limits", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "spc-01-indicator-phases-glossary");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }
}
