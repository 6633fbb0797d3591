using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Web.Services.Indicators;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Indicators;

public sealed class IndicatorPageTests
{
    private const string Indicator = "SEEN-01";
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Every_role_sees_the_definition_and_the_trend([Values] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        using var response = await client.GetAsync($"/indicators/{Indicator}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("What this measures"));
        Assert.That(html, Does.Contain("class=\"chart-svg\""));
        var seesChildren = role is AppRole.Director or AppRole.ImprovementLead or AppRole.Manager or AppRole.Analyst;
        Assert.That(html.Contains("Children to follow up", StringComparison.Ordinal), Is.EqualTo(seesChildren));
        // Councillors see teams, not people; admin needs no one's caseload figures (docs/security.md).
        Assert.That(html.Contains("workers compared", StringComparison.Ordinal), Is.EqualTo(role is not (AppRole.Councillor or AppRole.Admin)));
    }

    [Test]
    public async Task A_team_s_funnel_of_workers_is_centred_on_and_named_after_the_team_not_the_council([Values(AppRole.Director, AppRole.Manager)] AppRole role)
    {
        var team = (await _host.Services.GetRequiredService<CachedScopeSeries>().TeamsAsync()).Single(t => t.TeamId == _host.ManagerTeamId).TeamName;
        using var client = await _host.SignedInAsync(role);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/indicators/{Indicator}?team={_host.ManagerTeamId}"));
        Assert.That(html, Does.Match($@"\d+ workers compared with the {Regex.Escape(team)} rate of [\d.]+%"), "the description names the team");
        Assert.That(html, Does.Match($@">\s*{Regex.Escape(team)} [\d.]+%\s*<"), "so does the centre line's label");
        Assert.That(html, Does.Not.Contain("workers compared with the council rate").And.Not.Match(@">\s*Council [\d.]+%\s*<"));
    }

    [Test]
    public async Task An_unknown_indicator_is_not_found()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync("/indicators/NOPE-99");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Viewing_the_exception_list_is_audited()
    {
        using var client = await _host.SignedInAsync(AppRole.Analyst);
        using var response = await client.GetAsync($"/indicators/{Indicator}?sort=child&dir=asc&page=1");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var audit = await ((AuditLog)_host.Services.GetService(typeof(AuditLog))!).RecentAsync(
            new AuditQuery { UserName = DashboardTestHost.UserNameFor(AppRole.Analyst) });
        Assert.That(audit.Rows.Any(r => r.Action == "view-exceptions" && r.Resource.StartsWith($"/indicators/{Indicator}/exceptions", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task A_manager_gets_their_own_teams_exceptions_and_is_refused_another_teams()
    {
        using var client = await _host.SignedInAsync(AppRole.Manager);
        using var own = await client.GetAsync($"/indicators/{Indicator}?xteam={_host.ManagerTeamId}");
        using var other = await client.GetAsync($"/indicators/{Indicator}?xteam={_host.OtherTeamId}");
        using var otherCsv = await client.GetAsync($"/indicators/{Indicator}/exceptions.csv?team={_host.OtherTeamId}");
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(otherCsv.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase(AppRole.Councillor, HttpStatusCode.Forbidden)]
    [TestCase(AppRole.Admin, HttpStatusCode.Forbidden)]
    [TestCase(AppRole.Director, HttpStatusCode.OK)]
    [TestCase(AppRole.ImprovementLead, HttpStatusCode.OK)]
    [TestCase(AppRole.Analyst, HttpStatusCode.OK)]
    [TestCase(AppRole.Manager, HttpStatusCode.OK)]
    public async Task The_csv_export_follows_the_role(AppRole role, HttpStatusCode expected)
    {
        using var client = await _host.SignedInAsync(role);
        using var response = await client.GetAsync($"/indicators/{Indicator}/exceptions.csv");
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected != HttpStatusCode.OK) return;
        Assert.That(response.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        var csv = await response.Content.ReadAsStringAsync();
        Assert.That(csv.TrimStart('\uFEFF'), Does.StartWith("Person id,Team,"));
        var audit = await ((AuditLog)_host.Services.GetService(typeof(AuditLog))!).RecentAsync(
            new AuditQuery { UserName = DashboardTestHost.UserNameFor(role) });
        Assert.That(audit.Rows.Any(r => r.Action == "export-exceptions"), Is.True);
    }

    [Test]
    public async Task A_councillor_asking_for_exceptions_by_url_is_refused_and_the_refusal_audited()
    {
        using var client = await _host.SignedInAsync(AppRole.Councillor);
        using var response = await client.GetAsync($"/indicators/{Indicator}/exceptions.csv?period=2026-03");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var audit = await ((AuditLog)_host.Services.GetService(typeof(AuditLog))!).RecentAsync(
            new AuditQuery { UserName = DashboardTestHost.UserNameFor(AppRole.Councillor) });
        Assert.That(audit.Rows.Any(r => r.Action == "denied"), Is.True);
    }

    [Test]
    public async Task A_councillor_sees_no_count_from_1_to_5_on_any_indicator_page()
    {
        await using var scilly = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        using var client = await scilly.SignedInAsync(AppRole.Councillor);
        var hidden = 0;
        foreach (var indicator in Core.Indicators.Catalogue.IndicatorCatalogue.All)
        {
            var id = indicator.Definition.Id;
            var html = await client.GetStringAsync($"/indicators/{id}");
            Assert.That(SuppressionScan.SmallCountsInTableCells(html), Is.Empty, id);
            Assert.That(SuppressionScan.SmallCountsInChartTables(html), Is.Empty, id);
            Assert.That(html, Does.Not.Contain("/children/"), id);
            hidden += html.Split("<td class=\"num\">c</td>").Length - 1;
        }
        Assert.That(hidden, Is.GreaterThan(0), "a tiny council has small counts to hide");
    }
}
