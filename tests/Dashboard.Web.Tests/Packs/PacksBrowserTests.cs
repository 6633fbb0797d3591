using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Packs;

/// <summary>The Packs page in a real browser: axe-core at a desk and a tablet width, screenshots for people to look at,
/// and the form making a download.</summary>
[NonParallelizable]
public sealed class PacksBrowserTests() : BrowserJourney(TestCouncil.Scilly)
{
    [TestCase(AppRole.Director, "", "60-packs-director")]
    [TestCase(AppRole.Councillor, "", "61-packs-councillor")]
    [TestCase(AppRole.Director, "?pack=annex-a&error=month", "62-packs-failed")]
    public async Task The_packs_page_meets_WCAG_22_AA(AppRole role, string query, string screenshot)
    {
        foreach (var width in new[] { 1280, 820 })
        {
            var page = await SignedInPageAsync(role, width);
            await page.GotoAsync($"{Dashboard.BaseUrl}/packs{query}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Packs", Level = 1 })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, $"{screenshot}-{width}");
            Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty, $"/packs{query} at {width}px");
            Assert.That(await page.TitleAsync(), Is.EqualTo("Packs – Inspection Ready"));
        }
    }

    [Test]
    public async Task Making_annex_a_downloads_the_workbook()
    {
        var page = await SignedInPageAsync(AppRole.Director, 1280);
        await page.GotoAsync($"{Dashboard.BaseUrl}/packs");
        var panel = page.Locator(".pack").Filter(new() { Has = page.Locator("#pack-annex-a") });
        var download = await page.RunAndWaitForDownloadAsync(() => panel.GetByRole(AriaRole.Button, new() { Name = "Make the pack" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Does.StartWith("annex-a-").And.EndWith(".xlsx"));
    }

    private async Task<IPage> SignedInPageAsync(AppRole role, int width)
    {
        var page = await Browser.NewPageAsync(width);
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, role);
        return page;
    }
}
