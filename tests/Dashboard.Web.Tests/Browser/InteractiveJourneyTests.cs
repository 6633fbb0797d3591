using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// What only the circuit and enhanced navigation do, as a person sees it: the follow-up list re-sorted in place (a value
/// set on window survives, so the page was not loaded again) with the address updated and the back button restoring
/// the order; the filter panel and the team table's drill-down updating the page in place; and the reconnect message
/// when the connection drops, gone once it is back.
/// </summary>
[NonParallelizable]
public sealed class InteractiveJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    private const string List = "section.exceptions";
    private string _indicator = "";
    private string _period = "";
    private string _managerTeamName = "";

    [OneTimeSetUp]
    public async Task FindListAsync()
    {
        (_indicator, _period, _) = await FollowUpListData.LongestListAsync(Dashboard.Services);
        _managerTeamName = (await Dashboard.Services.GetRequiredService<CachedScopeSeries>().TeamsAsync())
            .Single(t => t.TeamId == Dashboard.ManagerTeamId).TeamName;
    }

    [Test]
    public async Task A_manager_sorts_the_list_in_place_and_the_back_button_restores_the_order()
    {
        var page = await OpenAsync(AppRole.Manager, "");
        var before = await ChildrenAsync(page);
        Assert.That(await TeamsAsync(page), Is.All.EqualTo(_managerTeamName), "a manager's list holds their team only");

        await page.Locator($"{List} thead a", new() { HasTextRegex = new Regex("^Child") }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "sort=child&dir=asc");
        await WaitForSortAsync(page, "Child", "ascending");
        var sorted = await ChildrenAsync(page);
        Assert.That(sorted, Is.Ordered.Using<string>(StringComparer.Ordinal));
        Assert.That(await MarkerAsync(page), Is.EqualTo("same page"), "sorted without loading the page again");
        Assert.That(await page.Locator($"{List} a[download]").GetAttributeAsync("href"), Does.Contain("sort=child&dir=asc"));
        await BrowserSession.ScreenshotAsync(page, "90-list-sorted-in-place");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        // Back is a same-document change here (Blazor renders the page again in place): what follows waits for what the
        // person sees, not for a load event that an in-place change may never give.
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await WaitForSortAsync(page, "Overdue by", "descending");
        Assert.That(await BrowserSession.AddressAsync(page), Does.Not.Contain("sort="));
        Assert.That(await ChildrenAsync(page), Is.EqualTo(before), "back gives the order that was there");
        Assert.That(await MarkerAsync(page), Is.EqualTo("same page"));
    }

    [Test]
    public async Task A_director_sees_more_of_the_same_list_than_a_manager()
    {
        var manager = await OpenAsync(AppRole.Manager, "");
        var director = await OpenAsync(AppRole.Director, "");
        Assert.That(await TotalAsync(director), Is.GreaterThan(await TotalAsync(manager)));
        Assert.That(await TeamsAsync(director), Has.Some.Not.EqualTo(_managerTeamName));
    }

    [Test]
    public async Task The_filter_panel_scopes_the_page_in_place_and_keeps_the_lists_order()
    {
        var page = await OpenAsync(AppRole.Director, "&sort=child&dir=asc");
        await page.SelectOptionAsync("#filter-team", Dashboard.ManagerTeamId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var address = await BrowserSession.AddressMatchesAsync(page, "team=" + Regex.Escape(Dashboard.ManagerTeamId));
        await Assertions.Expect(page.Locator("p.lead")).ToContainTextAsync(_managerTeamName);
        Assert.That(address, Does.Contain("sort=child").And.Contain("dir=asc"), "the list's order is kept");
        await Assertions.Expect(page.Locator($"{List} tbody tr td:nth-child(2)").First).ToHaveTextAsync(_managerTeamName);
        Assert.That(await TeamsAsync(page), Is.All.EqualTo(_managerTeamName), "the list follows the page's team");
        Assert.That(await MarkerAsync(page), Is.EqualTo("same page"), "updated without loading the page again");
        await BrowserSession.ScreenshotAsync(page, "91-filter-panel-in-place");
    }

    [Test]
    public async Task Clicking_a_team_in_the_team_table_drills_down_in_place_once_and_back_returns()
    {
        var page = await OpenAsync(AppRole.Director, "");
        var total = await TotalAsync(page);
        await page.Locator("table a[data-enhance-nav=true]", new() { HasText = _managerTeamName }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "team=" + Regex.Escape(Dashboard.ManagerTeamId));
        await Assertions.Expect(page.Locator("p.lead")).ToContainTextAsync(_managerTeamName);
        await Assertions.Expect(page.Locator("#filter-team")).ToHaveValueAsync(Dashboard.ManagerTeamId);
        Assert.That(await MarkerAsync(page), Is.EqualTo("same page"));
        await Assertions.Expect(page.Locator($"{List} tbody tr td:nth-child(2)").First).ToHaveTextAsync(_managerTeamName);
        Assert.That(await TeamViewsAsync(), Is.EqualTo(1), "the team's rows were shown once, so the audit log says so once");

        // Back returns to the whole council, in place as well.
        // Back is a same-document change here (Blazor renders the page again in place): what follows waits for what the
        // person sees, not for a load event that an in-place change may never give.
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#filter-team")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("p.lead")).Not.ToContainTextAsync(_managerTeamName);
        await Assertions.Expect(page.Locator($"{List} caption")).ToContainTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " children");
        Assert.That(await TeamsAsync(page), Has.Some.Not.EqualTo(_managerTeamName), "the whole council's list again");
        Assert.That(await BrowserSession.AddressAsync(page), Does.Not.Contain("team="));
    }

    /// <summary>
    /// The director's audited views of the manager's team's list. The circuit can take a moment after the page shows the
    /// rows to write a second row for the same view (which is the fault this looks for), so the count is read after that.
    /// </summary>
    private async Task<int> TeamViewsAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        var views = await Dashboard.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery
        {
            UserName = TestCouncilSetup.UserNameFor(AppRole.Director),
            Action = global::Dashboard.Web.Auditing.AuditActions.ViewExceptions,
        });
        var rows = views.Rows.Where(r => r.Resource.EndsWith("&team=" + Dashboard.ManagerTeamId, StringComparison.Ordinal)).ToList();
        TestContext.Out.WriteLine(string.Join("\n", rows.Select(r => $"{r.OccurredAt:O} {r.Resource} {r.Detail}")));
        return rows.Count;
    }

    [Test]
    public async Task A_lost_connection_shows_the_reconnect_message_until_it_is_back()
    {
        var page = await Browser.NewPageAsync();
        IWebSocketRoute? socket = null;
        var blocked = false;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            ws.ConnectToServer();
            socket = ws;
        });
        // While blocked, the circuit cannot start a new connection, so the message stays up for the test to see it.
        await page.RouteAsync(new Regex("/_blazor/negotiate"), route => blocked ? route.AbortAsync() : route.ContinueAsync());
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Director);
        await page.GotoAsync($"{Dashboard.BaseUrl}/indicators/{_indicator}?period={_period}");
        await WaitForCircuitAsync(page);
        var message = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(message).ToBeHiddenAsync();

        blocked = true;
        await socket!.CloseAsync();
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToContainTextAsync("Connection lost. Trying to reconnect...");
        await BrowserSession.ScreenshotAsync(page, "92-reconnect-message");

        blocked = false;
        await Assertions.Expect(message).ToBeHiddenAsync(new() { Timeout = 30_000 });
        // Back on the same circuit: a click still sorts in place.
        await page.Locator($"{List} thead a", new() { HasTextRegex = new Regex("^Child") }).ClickAsync();
        await WaitForSortAsync(page, "Child", "ascending");
    }

    /// <summary>The indicator page with its list running over the circuit, and a marker on window that a page load would wipe.</summary>
    private async Task<IPage> OpenAsync(AppRole role, string query)
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, role);
        await page.GotoAsync($"{Dashboard.BaseUrl}/indicators/{_indicator}?period={_period}{query}");
        await WaitForCircuitAsync(page);
        await page.EvaluateAsync("() => { window.__marker = 'same page'; }");
        return page;
    }

    /// <summary>The list marks itself once it runs over the circuit; generous, as two shared cores start circuits slowly.</summary>
    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator($"{List}[data-live=circuit]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

    private static Task<string?> MarkerAsync(IPage page) => page.EvaluateAsync<string?>("() => window.__marker ?? null");

    private static Task WaitForSortAsync(IPage page, string column, string order) =>
        Assertions.Expect(page.Locator($"{List} th[aria-sort={order}] a")).ToHaveTextAsync(column);

    private static Task<string[]> ChildrenAsync(IPage page) =>
        page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{List} tbody tr td:first-child')].map(td => td.textContent.trim())");

    private static Task<string[]> TeamsAsync(IPage page) =>
        page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{List} tbody tr td:nth-child(2)')].map(td => td.textContent.trim())");

    private static async Task<int> TotalAsync(IPage page)
    {
        var text = await page.Locator($"{List} caption").TextContentAsync() ?? "";
        return int.Parse(Regex.Match(text, @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
