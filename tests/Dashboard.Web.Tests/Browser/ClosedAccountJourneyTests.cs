using Dashboard.Data.App;
using Dashboard.Web.Components.Pages.Indicators;
using Dashboard.Web.Tests.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A manager leaves the follow-up list open in a tab, and their account is disabled (they left the council, or the
/// admin acted on a concern). The open tab sends no request, yet within the re-check interval the children disappear
/// from it with a sentence saying why, nothing more is read or audited for them, and a reload ends at the sign-in page.
/// </summary>
[NonParallelizable]
public sealed class ClosedAccountJourneyTests
{
    private LiveDashboard _dashboard = null!;
    private BrowserSession _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = await BrowserSession.StartAsync();
        // Re-checked every second here (30 s by default), so the test sees what a person sees, sooner.
        _dashboard = await LiveDashboard.StartAsync(TestCouncil.Small, new Dictionary<string, string> { ["Dashboard:Web:Circuits:SessionRecheckSeconds"] = "1" });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [Test]
    public async Task A_disabled_managers_open_list_stops_showing_children_and_a_reload_asks_them_to_sign_in()
    {
        var (indicator, period, _) = await FollowUpListData.LongestListAsync(_dashboard.Services);
        var manager = TestCouncilSetup.UserNameFor(AppRole.Manager);
        var page = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, _dashboard.BaseUrl, AppRole.Manager);
        await page.GotoAsync($"{_dashboard.BaseUrl}/indicators/{indicator}?period={period}");
        var list = page.Locator("section.exceptions");
        await Assertions.Expect(page.Locator("section.exceptions[data-live=circuit]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.That(await list.Locator("tbody tr").CountAsync(), Is.GreaterThan(0), "the manager's children are on screen");

        await _dashboard.Services.GetRequiredService<UserStore>().SetDisabledAsync(manager, disabled: true);
        var viewsWhenDisabled = await ViewsAsync(manager);

        await Assertions.Expect(list.Locator("[role=alert]")).ToHaveTextAsync(ExceptionList.SignInEnded, new() { Timeout = 15_000 });
        Assert.That(await list.Locator("tbody tr").CountAsync(), Is.Zero, "no child is left on screen");
        Assert.That(await list.Locator("thead a, nav a, form").CountAsync(), Is.Zero, "nothing left to click for more");
        await BrowserSession.ScreenshotAsync(page, "93-list-after-account-disabled");
        Assert.That(await ViewsAsync(manager), Is.EqualTo(viewsWhenDisabled), "nothing more read for a disabled account");

        await page.ReloadAsync();
        Assert.That(await BrowserSession.AddressMatchesAsync(page, "/signin"), Does.Contain("/signin"));
    }

    private async Task<int> ViewsAsync(string userName) =>
        (await _dashboard.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery
        {
            UserName = userName,
            Action = global::Dashboard.Web.Auditing.AuditActions.ViewExceptions,
        })).Rows.Count;
}
