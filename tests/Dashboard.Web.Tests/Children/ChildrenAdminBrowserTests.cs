using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Children;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Children;

/// <summary>The child timeline, data quality and admin pages in a real browser: checked by axe-core at a desk and a tablet
/// width, and saved as screenshots for people to look at.</summary>
[NonParallelizable]
public sealed class ChildrenAdminBrowserTests
{
    private LiveDashboard _dashboard = null!;
    private BrowserSession _browser = null!;
    private string _child = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = await BrowserSession.StartAsync();
        _dashboard = await LiveDashboard.StartAsync(TestCouncil.Small);
        _child = await ChildWithMostOverdueAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [TestCase(1280)]
    [TestCase(820)]
    public async Task The_child_timeline_meets_WCAG_22_AA(int width)
    {
        var page = await SignedInPageAsync(AppRole.Director, width);
        await page.GotoAsync($"{_dashboard.BaseUrl}/children/{_child}?from=%2F");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Child {_child}", Level = 1 })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, $"30-child-timeline-{width}");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
        Assert.That(await page.TitleAsync(), Is.EqualTo($"Child {_child} – Inspection Ready"));
    }

    [Test]
    public async Task Filtering_the_timeline_by_kind_keeps_the_way_back()
    {
        var page = await SignedInPageAsync(AppRole.Director, 1280);
        await page.GotoAsync($"{_dashboard.BaseUrl}/children/{_child}?from=%2F");
        await page.GetByLabel("Show").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.That(await BrowserSession.AddressMatchesAsync(page, "kind="), Does.Contain("from=%2F"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to where you came from" })).ToBeVisibleAsync();
    }

    [TestCase(AppRole.Manager, "/data-quality", "31-data-quality")]
    [TestCase(AppRole.Manager, "/data-quality/quarantine", "32-quarantine-counts-only")]
    [TestCase(AppRole.Analyst, "/data-quality/quarantine", "33-quarantine-rows")]
    [TestCase(AppRole.Admin, "/admin/audit", "34-audit-log")]
    [TestCase(AppRole.Admin, "/admin/users", "35-users")]
    public async Task Data_quality_and_admin_pages_meet_WCAG_22_AA(AppRole role, string path, string screenshot)
    {
        foreach (var width in new[] { 1280, 820 })
        {
            var page = await SignedInPageAsync(role, width);
            await page.GotoAsync(_dashboard.BaseUrl + path);
            await BrowserSession.ScreenshotAsync(page, $"{screenshot}-{width}");
            Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty, $"{path} at {width}px");
        }
    }

    private async Task<IPage> SignedInPageAsync(AppRole role, int width)
    {
        var page = await _browser.NewPageAsync(width);
        await BrowserSession.SignInAsync(page, _dashboard.BaseUrl, role);
        return page;
    }

    /// <summary>The small council is built the same way for every host, so a copy of it names the same children.</summary>
    private static async Task<string> ChildWithMostOverdueAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-child-pick-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var path = await TestWarehouses.CopyAsync(TestCouncil.Small, folder);
            var connections = Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, path));
            await using var connection = await connections.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT person_id FROM fact_indicator_exception WHERE person_id IS NOT NULL
                GROUP BY person_id ORDER BY COUNT(*) DESC, person_id LIMIT 1
                """;
            var personId = (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No child is in an exception list.");
            Assert.That(await new ChildTimelineQueries(connections).ChildAsync(personId), Is.Not.Null);
            return personId;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
