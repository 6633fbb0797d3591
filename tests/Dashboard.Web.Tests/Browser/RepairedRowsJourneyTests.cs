using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// An analyst checks last night's load in a real browser: the runs table counts rejected and repaired rows apart, the
/// repaired count opens the rows loaded with a field left empty (the value as sent beside it), and the outcome filter
/// switches to the rejected rows.
/// </summary>
[NonParallelizable]
public sealed class RepairedRowsJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    [Test]
    public async Task An_analyst_opens_the_repaired_rows_then_the_rejected_ones()
    {
        var queries = Dashboard.Services.GetRequiredService<LoadAuditQueries>();
        var load = (await queries.RecentRunsAsync(1))[0].LoadId;
        var tables = await queries.TablesAsync([load]);
        var repaired = tables.Sum(t => t.RowsRepaired);
        var rejected = tables.Sum(t => t.RowsQuarantined);
        Assert.That((repaired, rejected), Is.Not.EqualTo((0L, 0L)), "the small test council has planted faults");

        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Analyst);
        await page.GotoAsync(Dashboard.BaseUrl + "/data-quality");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Repaired rows" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "52-data-quality-repaired");

        await page.GetByLabel($"{repaired:N0} rows repaired by load {load}").ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "outcome=repaired");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Repaired rows of load {load}");
        var outcomes = await page.Locator("table.quarantine-rows tbody tr td:first-child").AllInnerTextsAsync();
        Assert.That(outcomes, Is.Not.Empty);
        Assert.That(outcomes, Has.All.EqualTo("Repaired"));
        var first = (await queries.QuarantineAsync(load, null, QuarantineOutcomes.Repaired, 1)).Single();
        await Assertions.Expect(page.Locator("table.quarantine-rows tbody tr").First).ToContainTextAsync($"was loaded with {first.Field} empty");
        await BrowserSession.ScreenshotAsync(page, "53-quarantine-repaired");

        await page.SelectOptionAsync("#outcome", QuarantineOutcomes.Rejected);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "outcome=rejected");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Rejected rows of load {load}");
        var rejectedOutcomes = await page.Locator("table.quarantine-rows tbody tr td:first-child").AllInnerTextsAsync();
        Assert.That(rejectedOutcomes, Has.All.EqualTo("Rejected"));
        await Assertions.Expect(page.Locator("table.quarantine-rows caption")).ToContainTextAsync($"of {rejected:N0}");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }
}
