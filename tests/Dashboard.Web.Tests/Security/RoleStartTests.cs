using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Security;

/// <summary>Each role starts where it works: a manager on their team, carried from page to page; admin away from children and workers.</summary>
public sealed class RoleStartTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_manager_signing_in_lands_on_their_own_teams_overview()
    {
        using var client = await _host.SignedInAsync(AppRole.Manager);
        using var landing = await client.GetAsync("/");
        Assert.That(landing.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(landing.Headers.Location?.PathAndQuery, Is.EqualTo("/?team=" + _host.ManagerTeamId));
        Assert.That(landing.Headers.Location!.Host, Is.EqualTo(client.BaseAddress!.Host), "on this site");

        var html = await client.GetStringAsync(landing.Headers.Location.PathAndQuery);
        Assert.That(html, Does.Contain("<strong>Child Protection West</strong>"));
        Assert.That(html, Does.Contain($"<option value=\"{_host.ManagerTeamId}\" selected"));
    }

    [Test]
    public async Task A_manager_can_still_choose_the_whole_council()
    {
        using var client = await _host.SignedInAsync(AppRole.Manager);
        using var council = await client.GetAsync("/?team=");
        Assert.That(council.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await council.Content.ReadAsStringAsync(), Does.Contain("<strong>Testshire</strong>"));
    }

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.Councillor)]
    [TestCase(AppRole.Admin)]
    public async Task Other_roles_land_on_the_councils_overview(AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        using var landing = await client.GetAsync("/");
        Assert.That(landing.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await landing.Content.ReadAsStringAsync(), Does.Contain("<strong>Testshire</strong>"));
    }

    [Test]
    public async Task The_team_choice_follows_the_manager_through_the_overview_indicator_pages_and_navigation()
    {
        using var client = await _host.SignedInAsync(AppRole.Manager);
        var team = Uri.EscapeDataString(_host.ManagerTeamId);
        var overview = await client.GetStringAsync("/?team=" + team);
        Assert.That(overview, Does.Match($"href=\"/indicators/SEEN-01\\?period=[0-9-]+&amp;team={team}\""), "tiles keep the team");
        Assert.That(overview, Does.Contain($"href=\"/themes?team={team}\""), "the navigation keeps the team");

        var indicator = await client.GetStringAsync($"/indicators/SEEN-01?team={team}");
        Assert.That(indicator, Does.Match($"<li><a href=\"/\\?period=[0-9-]+&amp;team={team}\">Overview</a>"), "the breadcrumb keeps the team");
        Assert.That(indicator, Does.Contain($"href=\"/?team={team}\""), "the navigation's overview keeps the team");

        var themes = await client.GetStringAsync($"/themes?team={team}");
        Assert.That(themes, Does.Contain($"href=\"/?team={team}\""), "the navigation from the themes page leads back to the team");
    }

    [Test]
    public async Task Admin_is_refused_child_level_data()
    {
        using var client = await _host.SignedInAsync(AppRole.Admin);
        using var timeline = await client.GetAsync("/children/anyone");
        using var csv = await client.GetAsync("/indicators/SEEN-01/exceptions.csv");
        Assert.That(timeline.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var page = await client.GetStringAsync("/indicators/SEEN-01");
        Assert.That(page, Does.Not.Contain("href=\"/children/"));
    }

    [Test]
    public async Task Admin_sees_no_workers_figures_where_a_director_does()
    {
        using var director = await _host.SignedInAsync(AppRole.Director);
        using var admin = await _host.SignedInAsync(AppRole.Admin);
        var directors = await director.GetStringAsync("/indicators/SEEN-01");
        var admins = await admin.GetStringAsync("/indicators/SEEN-01");
        Assert.That(directors, Does.Contain("workers compared"), "the director's page has the worker funnel");
        Assert.That(admins, Does.Not.Contain("workers compared"));
        Assert.That(admins, Does.Contain("teams compared"), "admin still sees the teams");
    }
}
