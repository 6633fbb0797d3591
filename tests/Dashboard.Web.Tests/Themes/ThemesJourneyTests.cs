using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Themes;

/// <summary>An improvement lead enters a finding in a real browser and reads its evidence; every page checked by axe-core
/// (WCAG 2.2 AA) and saved as a screenshot, at desk and tablet widths.</summary>
[NonParallelizable]
public sealed class ThemesJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    [Test, Order(1)]
    public async Task Before_any_finding_the_page_lists_each_theme_and_meets_WCAG_22_AA()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await page.GotoAsync(Dashboard.BaseUrl + "/themes");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Themes and improvement plan");
        await Assertions.Expect(page.GetByText("No findings from an Ofsted letter have been entered yet")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "themes-01-no-findings");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }

    [Test, Order(2)]
    public async Task An_improvement_lead_adds_a_finding_and_sees_its_evidence()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.ImprovementLead);
        await page.GotoAsync(Dashboard.BaseUrl + "/themes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a finding" }).First.ClickAsync();

        // Sent empty first: the problems are listed, each linked to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the finding" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a title for the finding");
        await BrowserSession.ScreenshotAsync(page, "themes-02-form-errors");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        await page.GetByLabel("Date of the letter").FillAsync("2025-06-12");
        await page.GetByLabel("Theme").SelectOptionAsync("Seen");
        await page.GetByLabel("Title").FillAsync("Children are not seen often enough to understand risk");
        await page.GetByLabel("What the letter says").FillAsync(
            "Visits to children on child protection plans are not frequent enough.\n\nWhen children are seen, they are not always seen alone.");
        await page.GetByLabel("Children on CP plans visited in time").CheckAsync();
        await page.GetByLabel("CP visits where the child was seen alone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the finding" }).ClickAsync();

        await BrowserSession.AddressMatchesAsync(page, "/themes\\?added=");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Children are not seen often enough to understand risk" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Evidence since the letter: June 2025 to March 2026" })).ToBeVisibleAsync();
        await BrowserSession.WaitForChartsAsync(page);
        Assert.That(await page.Locator("figure.chart svg.chart-svg").CountAsync(), Is.EqualTo(2), "one trend chart per linked indicator");
        await BrowserSession.ScreenshotAsync(page, "themes-03-finding-evidence");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the finding: Children are not seen often enough to understand risk" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Children are not seen often enough to understand risk");
        await BrowserSession.ScreenshotAsync(page, "themes-04-edit-form");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete this finding" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "themes-05-confirm-delete");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }

    [Test, Order(3)]
    public async Task A_councillor_reads_the_evidence_on_a_tablet()
    {
        var page = await Browser.NewPageAsync(width: 820, height: 1180);
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Councillor);
        await page.GotoAsync(Dashboard.BaseUrl + "/themes");
        await BrowserSession.WaitForChartsAsync(page);
        await Assertions.Expect(page.GetByText("shown as c", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a finding" })).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "themes-06-councillor-tablet");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }
}
