using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Overview;

public sealed class OverviewPageTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Every_role_sees_a_tile_for_every_indicator_grouped_by_theme([Values] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        // team= is the whole council; a manager's bare "/" goes to their own team (RoleStartTests).
        using var response = await client.GetAsync("/?team=");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<title>Overview – Inspection Ready</title>"));
        foreach (var indicator in Core.Indicators.Catalogue.IndicatorCatalogue.All)
        {
            Assert.That(html, Does.Contain($"href=\"/indicators/{indicator.Definition.Id}?period="), indicator.Definition.Id);
        }
        Assert.That(html, Does.Contain("Children seen, and seen alone, often enough"));
    }

    [Test]
    public async Task The_period_filter_changes_the_figures()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var latest = await client.GetStringAsync("/");
        var earlier = await client.GetStringAsync("/?period=" + _host.AsOf.AddMonths(-6).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(earlier, Does.Contain(_host.AsOf.AddMonths(-6).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Values(earlier), Is.Not.EqualTo(Values(latest)));
    }

    [Test]
    public async Task A_manager_sees_their_own_team_and_is_refused_another()
    {
        using var client = await _host.SignedInAsync(AppRole.Manager);
        using var own = await client.GetAsync("/?team=" + _host.ManagerTeamId);
        using var other = await client.GetAsync("/?team=" + _host.OtherTeamId);
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_manager_asking_for_a_service_area_is_refused_and_the_refusal_audited()
    {
        using var client = await _host.SignedInAsync(AppRole.Manager);
        using var response = await client.GetAsync("/?area=SA01");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var audit = await ((AuditLog)_host.Services.GetService(typeof(AuditLog))!).RecentAsync(
            new AuditQuery { UserName = DashboardTestHost.UserNameFor(AppRole.Manager) });
        Assert.That(audit.Rows.Any(r => r.Action == "denied" && r.Resource == "/?area=SA01"), Is.True);
    }

    [Test]
    public async Task A_service_area_and_a_team_each_show_their_own_figures()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var council = Values(await client.GetStringAsync("/"));
        var team = Values(await client.GetStringAsync("/?team=" + _host.ManagerTeamId));
        Assert.That(team, Is.Not.EqualTo(council));
    }

    [Test]
    public async Task Picking_a_new_area_wins_over_a_team_left_selected_from_another()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var own = await client.GetStringAsync($"/?team={_host.ManagerTeamId}");
        var moved = await client.GetStringAsync($"/?area=SA01&team={_host.ManagerTeamId}");
        Assert.That(own, Does.Contain("<strong>Child Protection West</strong>"));
        Assert.That(moved, Does.Not.Contain("<strong>Child Protection West</strong>"));
        Assert.That(moved, Does.Contain("<option value=\"SA01\" selected"));
    }

    [Test]
    public async Task A_councillor_sees_no_count_from_1_to_5_in_the_tiles_or_charts()
    {
        await using var scilly = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        using var client = await scilly.SignedInAsync(AppRole.Councillor);
        var html = await client.GetStringAsync("/");
        Assert.That(SuppressionScan.SmallCountsInTileCounts(html), Is.Empty);
        Assert.That(SuppressionScan.SmallCountsInChartTables(html), Is.Empty);
        Assert.That(html, Does.Contain("<p class=\"tile__value\">c</p>"), "a tiny council has small counts to hide");
    }

    private static List<string> Values(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<p class=\"tile__value\">([^<]*)</p>").Select(m => m.Groups[1].Value)];
}
