using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Auditing;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Admin;

public sealed class AdminPagesTests
{
    private DashboardTestHost _host = null!;
    private readonly Dictionary<AppRole, HttpClient> _clients = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        foreach (var role in Enum.GetValues<AppRole>()) _clients[role] = await _host.SignedInAsync(role);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _host.DisposeAsync();
    }

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.ImprovementLead)]
    [TestCase(AppRole.Manager)]
    [TestCase(AppRole.Councillor)]
    [TestCase(AppRole.Analyst)]
    public async Task Only_the_admin_sees_the_audit_log_and_the_users(AppRole role)
    {
        foreach (var url in new[] { "/admin/audit", "/admin/users", "/admin/audit?user=test.admin&page=2" })
        {
            using var response = await _clients[role].GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
        }
    }

    [Test]
    public async Task The_admin_sees_the_audit_log_newest_first()
    {
        using var response = await _clients[AppRole.Admin].GetAsync("/admin/audit");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1>Audit log</h1>"));
        Assert.That(html, Does.Contain("test.director"));
        Assert.That(html, Does.Contain(AuditActions.SignIn));
    }

    [Test]
    public async Task The_audit_log_filters_by_user_and_action()
    {
        using var refused = await _clients[AppRole.Councillor].GetAsync("/data-quality");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var response = await _clients[AppRole.Admin].GetAsync("/admin/audit?user=TEST.councillor&action=denied");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("/data-quality"));
        Assert.That(html, Does.Not.Contain("test.director"));
        Assert.That(html, Does.Contain("<option value=\"denied\" selected"));
    }

    [Test]
    public async Task The_audit_log_pages_fifty_rows_at_a_time_and_filters_by_date()
    {
        var log = _host.Services.GetRequiredService<AuditLog>();
        var day = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 60; i++)
        {
            await log.WriteAsync(new AuditEntry(day.AddMinutes(i), "test.paging", "Analyst", AuditActions.ViewChildTimeline, $"/children/PAGE{i:00}", AuditOutcome.Allowed));
        }
        using var first = await _clients[AppRole.Admin].GetAsync("/admin/audit?user=test.paging&from=2025-01-15&to=2025-01-15");
        var html = await first.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Audit rows 1 to 50 of 60"));
        Assert.That(html, Does.Contain("/children/PAGE59"));
        Assert.That(html, Does.Contain("Page 1 of 2"));
        using var second = await _clients[AppRole.Admin].GetAsync("/admin/audit?user=test.paging&from=2025-01-15&to=2025-01-15&page=2");
        var page2 = await second.Content.ReadAsStringAsync();
        Assert.That(page2, Does.Contain("Audit rows 51 to 60 of 60"));
        Assert.That(page2, Does.Contain("/children/PAGE00<"));
        using var before = await _clients[AppRole.Admin].GetAsync("/admin/audit?user=test.paging&to=2025-01-14");
        Assert.That(await before.Content.ReadAsStringAsync(), Does.Contain("No audit rows match these filters."));
    }

    [Test]
    public async Task A_page_past_the_end_says_so_and_links_to_the_first()
    {
        using var response = await _clients[AppRole.Admin].GetAsync("/admin/audit?page=999");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("There is no page 999."));
        Assert.That(html, Does.Contain("href=\"/admin/audit\""));
    }

    [Test]
    public async Task The_admin_sees_every_user_with_role_and_teams_read_only()
    {
        using var response = await _clients[AppRole.Admin].GetAsync("/admin/users");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var role in Enum.GetValues<AppRole>()) Assert.That(html, Does.Contain(DashboardTestHost.UserNameFor(role)));
        var teams = await _host.Services.GetRequiredService<Dashboard.Data.Indicators.IndicatorQueries>().TeamsAsync();
        var managerTeam = teams.Single(t => t.Id == _host.ManagerTeamId).Name;
        Assert.That(System.Net.WebUtility.HtmlDecode(html), Does.Contain(managerTeam), "the manager's team, by name");
        Assert.That(html, Does.Contain("dashboard users"));
        Assert.That(html, Does.Not.Contain("<form method=\"post\" action=\"/admin"));
        var admin = await _host.Services.GetRequiredService<UserStore>().FindAsync(DashboardTestHost.UserNameFor(AppRole.Admin));
        Assert.That(html, Does.Not.Contain(admin!.PasswordHash));
    }
}
