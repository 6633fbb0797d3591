using System.Net;
using Dapper;
using Dashboard.Data.App;
using Dashboard.Data.Children;
using Dashboard.Web.Auditing;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Children;

public sealed class ChildTimelineTests
{
    private DashboardTestHost _host = null!;
    private readonly Dictionary<AppRole, HttpClient> _clients = [];
    private string _ownChild = "";
    private string _otherChild = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        foreach (var role in Enum.GetValues<AppRole>()) _clients[role] = await _host.SignedInAsync(role);
        _ownChild = await ChildOfAsync(_host.ManagerTeamId, notAlso: null);
        _otherChild = await ChildOfAsync(_host.OtherTeamId, notAlso: _host.ManagerTeamId);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _host.DisposeAsync();
    }

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.ImprovementLead)]
    [TestCase(AppRole.Analyst)]
    [TestCase(AppRole.Manager)]
    public async Task Roles_that_see_children_get_the_timeline_of_a_child_they_may_see(AppRole role)
    {
        using var response = await _clients[role].GetAsync($"/children/{_ownChild}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("OFFICIAL-SENSITIVE"));
        Assert.That(html, Does.Contain($"<h1>Child {_ownChild}</h1>"));
        Assert.That(html, Does.Contain("class=\"timeline\""));
        Assert.That(html, Does.Contain("What was overdue when"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
    }

    [TestCase(AppRole.Councillor)]
    [TestCase(AppRole.Admin)]
    public async Task Roles_that_do_not_see_children_are_refused_by_url(AppRole role)
    {
        using var response = await _clients[role].GetAsync($"/children/{_ownChild}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(html, Does.Not.Contain("OFFICIAL-SENSITIVE</p>"));
        Assert.That(html, Does.Not.Contain("class=\"timeline\""));
    }

    [Test]
    public async Task A_councillor_is_refused_even_for_a_child_that_does_not_exist()
    {
        using var response = await _clients[AppRole.Councillor].GetAsync("/children/NO-SUCH-CHILD");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_manager_is_refused_a_child_no_team_of_theirs_has_worked_with()
    {
        using var response = await _clients[AppRole.Manager].GetAsync($"/children/{_otherChild}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var denied = await AuditAsync(AppRole.Manager, AuditActions.Denied);
        Assert.That(denied.Any(r => r.Resource == $"/children/{_otherChild}" && r.Outcome == AuditOutcome.Denied), Is.True);
    }

    [Test]
    public async Task A_director_sees_the_child_a_manager_may_not()
    {
        using var response = await _clients[AppRole.Director].GetAsync($"/children/{_otherChild}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_unknown_child_is_not_found_with_a_message()
    {
        using var response = await _clients[AppRole.Director].GetAsync("/children/NO-SUCH-CHILD");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Contain("There is no child with this id"));
    }

    [Test]
    public async Task Every_view_is_written_to_the_audit_log_without_the_data()
    {
        using var response = await _clients[AppRole.Analyst].GetAsync($"/children/{_ownChild}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rows = await AuditAsync(AppRole.Analyst, AuditActions.ViewChildTimeline);
        var row = rows.FirstOrDefault(r => r.Resource == $"/children/{_ownChild}");
        Assert.That(row, Is.Not.Null);
        Assert.That(row!.Outcome, Is.EqualTo(AuditOutcome.Allowed));
        Assert.That(row.Role, Is.EqualTo(nameof(AppRole.Analyst)));
        Assert.That(row.Detail, Is.Null);
    }

    [Test]
    public async Task The_timeline_lists_every_event_in_date_order_grouped_by_year()
    {
        var events = await _host.Services.GetRequiredService<ChildTimelineQueries>().TimelineAsync(_ownChild);
        using var response = await _clients[AppRole.Director].GetAsync($"/children/{_ownChild}");
        var html = await response.Content.ReadAsStringAsync();
        var dates = System.Text.RegularExpressions.Regex.Matches(html, "<time class=\"timeline__date\" datetime=\"([0-9-]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        // Events after the extract (reviews not yet due) are listed under "Coming up", not in the history.
        Assert.That(dates, Has.Count.EqualTo(events.Count(e => e.Date <= _host.AsOf)));
        Assert.That(dates, Is.Ordered.Using<string>(StringComparer.Ordinal));
        foreach (var year in events.Where(e => e.Date <= _host.AsOf).Select(e => e.Date.Year).Distinct()) Assert.That(html, Does.Contain($"id=\"year-{year}\""));
    }

    [Test]
    public async Task The_kind_filter_shows_only_events_of_that_kind()
    {
        var events = await _host.Services.GetRequiredService<ChildTimelineQueries>().TimelineAsync(_ownChild);
        var kind = events.GroupBy(e => e.Kind).OrderBy(g => g.Count()).First().Key;
        using var response = await _clients[AppRole.Director].GetAsync($"/children/{_ownChild}?kind={Uri.EscapeDataString(kind)}");
        var html = await response.Content.ReadAsStringAsync();
        var kinds = System.Text.RegularExpressions.Regex.Matches(html, "<span class=\"timeline__kind\">([^<]*)</span>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.That(kinds, Has.Count.EqualTo(events.Count(e => e.Kind == kind && e.Date <= _host.AsOf)));
        Assert.That(kinds, Is.All.EqualTo(kind));
    }

    [Test]
    public async Task A_kind_the_child_has_no_events_of_says_so()
    {
        using var response = await _clients[AppRole.Director].GetAsync($"/children/{_ownChild}?kind=No+such+kind");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("This child has no events of that kind."));
        Assert.That(html, Does.Not.Contain("class=\"timeline\""));
    }

    [Test]
    public async Task The_back_link_is_kept_only_for_a_path_on_this_site()
    {
        using var local = await _clients[AppRole.Director].GetAsync($"/children/{_ownChild}?from={Uri.EscapeDataString("/indicators/CP-01?period=2026-03")}");
        Assert.That(await local.Content.ReadAsStringAsync(), Does.Contain("href=\"/indicators/CP-01?period=2026-03\""));
        foreach (var outside in new[] { "https://evil.example/", "//evil.example/x", "/\\evil.example" })
        {
            using var response = await _clients[AppRole.Director].GetAsync($"/children/{_ownChild}?from={Uri.EscapeDataString(outside)}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.That(html, Does.Not.Contain("evil.example"), outside);
        }
    }

    [Test]
    public async Task An_anonymous_request_is_sent_to_sign_in()
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync($"/children/{_ownChild}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(AppRole role, string action) =>
        (await _host.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery
        {
            UserName = DashboardTestHost.UserNameFor(role), Action = action, Limit = 500,
        })).Rows;

    /// <summary>A child with events that <paramref name="teamId"/> has worked with (and, if given, <paramref name="notAlso"/> has not).</summary>
    private async Task<string> ChildOfAsync(string teamId, string? notAlso)
    {
        var queries = _host.Services.GetRequiredService<ChildTimelineQueries>();
        await using var connection = await Data.Warehouse.Connect(_host.Warehouse).OpenAsync();
        var candidates = await connection.QueryAsync<string>("""
            SELECT DISTINCT c.person_id FROM fact_involvement f
                JOIN dim_child c ON c.child_key = f.child_key JOIN dim_team t ON t.team_key = f.team_key
            WHERE t.team_id = @TeamId AND c.child_key <> 0
            ORDER BY c.person_id
            """, new { TeamId = teamId });
        foreach (var personId in candidates)
        {
            var teams = await queries.TeamsForChildAsync(personId);
            if (notAlso is not null && teams.Contains(notAlso)) continue;
            if ((await queries.TimelineAsync(personId)).Count > 0) return personId;
        }
        throw new InvalidOperationException($"The test council has no child of team {teamId} only.");
    }
}
