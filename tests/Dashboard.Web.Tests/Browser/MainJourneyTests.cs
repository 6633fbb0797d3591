using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// The main journeys in a real browser: sign in, the overview, drill to an indicator, to a team, to a child; and
/// the councillor's view. Every page is checked with axe-core (WCAG 2.2 A and AA) and saved as a screenshot.
/// </summary>
[NonParallelizable]
public sealed partial class MainJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    [Test]
    public async Task A_director_drills_from_the_overview_to_an_indicator_a_team_and_a_child()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await CheckAsync(page, "10-overview-director");
        Assert.That(await page.Locator(".tile").CountAsync(), Is.GreaterThanOrEqualTo(20), "a tile per indicator");

        await page.Locator("a[href^='/indicators/SEEN-01']").First.ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/indicators/SEEN-01");
        await CheckAsync(page, "11-indicator-seen-01");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("visit");

        await page.GotoAsync($"{Dashboard.BaseUrl}/indicators/SEEN-01?team={Uri.EscapeDataString(Dashboard.ManagerTeamId)}");
        await CheckAsync(page, "12-indicator-seen-01-team");

        var child = page.Locator("a[href^='/children/']").First;
        await Assertions.Expect(child).ToBeVisibleAsync();
        await child.ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/children/");
        await CheckAsync(page, "13-child-timeline");
        await Assertions.Expect(page.GetByText("OFFICIAL-SENSITIVE").First).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_councillor_sees_aggregates_with_small_numbers_suppressed_and_no_children()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Councillor);
        await CheckAsync(page, "20-overview-councillor");
        await page.GotoAsync(Dashboard.BaseUrl + "/indicators/SEEN-01");
        await CheckAsync(page, "21-indicator-councillor");
        Assert.That(await page.Locator("a[href^='/children/']").CountAsync(), Is.Zero, "no child links for a councillor");

        var response = await page.GotoAsync(Dashboard.BaseUrl + "/children/anyone");
        Assert.That(response!.Status, Is.EqualTo(403));
        await CheckAsync(page, "22-child-refused-councillor");
    }

    [Test]
    public async Task A_manager_sees_their_team()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Manager);
        await CheckAsync(page, "30-overview-manager");
        await page.GotoAsync($"{Dashboard.BaseUrl}/indicators/SEEN-01?team={Uri.EscapeDataString(Dashboard.ManagerTeamId)}");
        await CheckAsync(page, "31-indicator-manager-team");
    }

    [TestCase(AppRole.ImprovementLead, "/themes", "40-themes")]
    [TestCase(AppRole.ImprovementLead, "/themes/findings/new", "41-finding-form")]
    [TestCase(AppRole.Analyst, "/data-quality", "50-data-quality")]
    [TestCase(AppRole.Analyst, "/data-quality/quarantine", "51-quarantine")]
    [TestCase(AppRole.Admin, "/admin/audit", "60-audit-log")]
    [TestCase(AppRole.Admin, "/admin/users", "61-users")]
    [TestCase(AppRole.Analyst, "/account/password?error=mismatch", "65-change-password")]
    public async Task Every_other_page_meets_WCAG_22_AA(AppRole role, string path, string name)
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, role);
        var response = await page.GotoAsync(Dashboard.BaseUrl + path);
        Assert.That(response!.Status, Is.EqualTo(200));
        await CheckAsync(page, name);
    }

    [TestCase("/", "70-overview-tablet")]
    [TestCase("/indicators/SEEN-01", "71-indicator-tablet")]
    public async Task Pages_work_at_tablet_width(string path, string name)
    {
        var page = await Browser.NewPageAsync(width: 820, height: 1180);
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await page.GotoAsync(Dashboard.BaseUrl + path);
        await CheckAsync(page, name);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.That(overflow, Is.False, "nothing wider than the screen");
    }

    [Test]
    public async Task The_first_tab_reaches_the_skip_link_and_it_moves_focus_to_the_content()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"), Is.EqualTo("Skip to main content"));
        await page.Keyboard.PressAsync("Enter");
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement.id"), Is.EqualTo("main"));
    }

    /// <summary>Charts drawn, a title, one h1, headings in order, no axe violations, and a screenshot.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, name);
        Assert.That(await page.TitleAsync(), Does.EndWith("Inspection Ready"));
        Assert.That(await page.Locator("h1").CountAsync(), Is.EqualTo(1), "one h1");
        var levels = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map(h => +h.tagName[1])");
        for (var i = 1; i < levels.Length; i++)
        {
            Assert.That(levels[i], Is.LessThanOrEqualTo(levels[i - 1] + 1), $"heading levels skip from h{levels[i - 1]} to h{levels[i]} on {name}");
        }
        Assert.That(await page.Locator(".chart-failed").CountAsync(), Is.Zero, "every chart drew");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty, name);
    }
}
