using System.Net;
using Dapper;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Web.Auditing;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.DataQuality;

public sealed class DataQualityTests
{
    private DashboardTestHost _host = null!;
    private readonly Dictionary<AppRole, HttpClient> _clients = [];
    private QuarantinedRow _rejected = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        foreach (var role in Enum.GetValues<AppRole>()) _clients[role] = await _host.SignedInAsync(role);
        var rows = await _host.Services.GetRequiredService<LoadAuditQueries>().QuarantineAsync(null, null, QuarantineOutcomes.Rejected, 1);
        _rejected = rows.Count > 0 ? rows[0] : throw new InvalidOperationException("The small test council's load rejected no rows.");
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
    [TestCase(AppRole.Analyst)]
    [TestCase(AppRole.Admin)]
    public async Task Every_role_but_councillors_sees_the_runs_and_the_quarantine_counts(AppRole role)
    {
        using var response = await _clients[role].GetAsync("/data-quality");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1>Data quality</h1>"));
        Assert.That(html, Does.Contain("How fresh the data is"));
        Assert.That(html, Does.Contain("Nightly runs"));
        Assert.That(html, Does.Contain("Succeeded"));
        Assert.That(html, Does.Contain(WebUtility.HtmlEncode(_rejected.Rule)));
    }

    [TestCase("/data-quality")]
    [TestCase("/data-quality/quarantine")]
    [TestCase("/data-quality/quarantine?load=1&page=2")]
    public async Task A_councillor_is_refused_the_whole_data_quality_area(string url)
    {
        using var response = await _clients[AppRole.Councillor].GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase(AppRole.Analyst)]
    public async Task Analysts_see_the_rejected_rows_and_the_view_is_audited(AppRole role)
    {
        var url = $"/data-quality/quarantine?load={_rejected.LoadId}&table={Uri.EscapeDataString(_rejected.SourceTable)}";
        using var response = await _clients[role].GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("class=\"quarantine-rows\""));
        Assert.That(html, Does.Contain(WebUtility.HtmlEncode(_rejected.RowJson)));
        var audit = await _host.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery
        {
            UserName = DashboardTestHost.UserNameFor(role), Action = AuditActions.ViewQuarantinedRows,
        });
        Assert.That(audit.Rows.Any(r => r.Resource == url && r.Outcome == AuditOutcome.Allowed), Is.True);
        Assert.That(audit.Rows.All(r => r.Detail is null || !r.Detail.Contains(_rejected.RowJson, StringComparison.Ordinal)), Is.True);
    }

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.ImprovementLead)]
    [TestCase(AppRole.Manager)]
    [TestCase(AppRole.Admin)]
    public async Task Other_roles_get_counts_but_never_the_rows_contents(AppRole role)
    {
        using var response = await _clients[role].GetAsync($"/data-quality/quarantine?load={_rejected.LoadId}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Rows rejected by load"));
        Assert.That(html, Does.Contain("sees how many rows were rejected or repaired, not the rows themselves"));
        Assert.That(html, Does.Not.Contain("class=\"quarantine-rows\""));
        Assert.That(html, Does.Not.Contain(WebUtility.HtmlEncode(_rejected.RowJson)));
        if (_rejected.BusinessKey is { Length: > 3 } key) Assert.That(html, Does.Not.Contain(key));
        var audit = await _host.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery
        {
            UserName = DashboardTestHost.UserNameFor(role), Action = AuditActions.ViewQuarantinedRows,
        });
        Assert.That(audit.Rows, Is.Empty);
    }

    [Test]
    public async Task The_drill_down_filters_by_rule_and_pages_fifty_rows_at_a_time()
    {
        var summary = await _host.Services.GetRequiredService<LoadAuditQueries>().QuarantineSummaryAsync(_rejected.LoadId);
        var biggest = summary.OrderByDescending(s => s.Rows).First();
        var url = $"/data-quality/quarantine?load={_rejected.LoadId}&table={Uri.EscapeDataString(biggest.SourceTable)}&rule={Uri.EscapeDataString(biggest.Rule)}";
        using var response = await _clients[AppRole.Analyst].GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var shown = System.Text.RegularExpressions.Regex.Count(html, "<summary>Show<span");
        Assert.That(shown, Is.EqualTo(Math.Min(50, biggest.Rows)));
        Assert.That(html, Does.Contain($"of {biggest.Rows:N0}"));
        if (biggest.Rows > 50)
        {
            Assert.That(html, Does.Contain("Next page"));
            using var second = await _clients[AppRole.Analyst].GetAsync(url + "&page=2");
            Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("Page 2 of"));
        }
    }

    [Test]
    public async Task The_page_shows_rejected_and_repaired_rows_apart_with_the_field_left_empty_in_words()
    {
        var queries = _host.Services.GetRequiredService<LoadAuditQueries>();
        var repairs = await queries.RepairSummaryAsync(_rejected.LoadId);
        Assert.That(repairs, Is.Not.Empty, "the small test council has faults in optional fields, which are repaired");
        var tables = await queries.TablesAsync([_rejected.LoadId]);

        using var response = await _clients[AppRole.Manager].GetAsync("/data-quality");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("<h2 id=\"quarantine-heading\">Rejected rows</h2>"));
        Assert.That(html, Does.Contain("<h2 id=\"repaired-heading\">Repaired rows</h2>"));
        Assert.That(html, Does.Contain("are loaded and count in the figures, with that field left empty"));
        var first = repairs[0];
        Assert.That(html, Does.Contain($"<td>{WebUtility.HtmlEncode(SourceWordsField(first.Field))}</td>"), "the field left empty, in words");
        Assert.That(html, Does.Match($"All repaired fields</th>\\s*<td class=\"num\"><strong>{repairs.Sum(r => r.Rows):N0}</strong>"));
        Assert.That(html, Does.Contain($"{tables.Sum(t => t.RowsRepaired):N0} rows repaired by load {_rejected.LoadId}"));
        Assert.That(html, Does.Contain($"{tables.Sum(t => t.RowsQuarantined):N0} rows rejected by load {_rejected.LoadId}"));
        Assert.That(tables.All(t => t.RowsRead == t.RowsLoaded + t.RowsQuarantined), Is.True, "read = loaded + rejected for every table");
    }

    private static string SourceWordsField(string field) => Dashboard.Web.Services.DataQuality.SourceWords.Field(field);

    [Test]
    public async Task The_drill_down_shows_only_repaired_rows_when_asked_with_the_value_as_sent()
    {
        var repaired = (await _host.Services.GetRequiredService<LoadAuditQueries>().QuarantineAsync(_rejected.LoadId, null, QuarantineOutcomes.Repaired, 1)).Single();
        using var response = await _clients[AppRole.Analyst].GetAsync($"/data-quality/quarantine?load={_rejected.LoadId}&outcome=repaired");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1>Repaired rows of load"));
        Assert.That(html, Does.Contain("<span class=\"tag \">Repaired</span>"));
        Assert.That(html, Does.Not.Contain("<span class=\"tag tag--overdue\">Rejected</span>"), "no rejected row is listed");
        Assert.That(html, Does.Not.Contain("Rows rejected by load"), "only the repaired summary is shown");
        Assert.That(html, Does.Contain($"row {repaired.BusinessKey} was loaded with {repaired.Field} empty"), "the first repaired row, with the value as sent");
        Assert.That(html, Does.Contain($"<td>{WebUtility.HtmlEncode(repaired.Value!)}</td>"));
    }

    [Test]
    public async Task An_unknown_outcome_in_the_address_is_refused_with_a_clear_message()
    {
        using var response = await _clients[AppRole.Analyst].GetAsync($"/data-quality/quarantine?load={_rejected.LoadId}&outcome=fixed");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("&#x27;fixed&#x27; is not a quarantine outcome: use rejected or repaired.").Or.Contain("'fixed' is not a quarantine outcome: use rejected or repaired."));
        Assert.That(html, Does.Not.Contain("class=\"quarantine-rows\""));
    }

    [Test]
    public async Task A_failed_run_is_listed_with_its_error_message()
    {
        await using (var connection = await Data.Warehouse.Connect(_host.Warehouse).OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO etl_load_run (load_id, started_at, finished_at, status, trigger_kind, source_provider, source_description,
                                          as_of_date, duration_ms, indicator_ms, error_message, host_name)
                VALUES ((SELECT MAX(load_id) + 1 FROM etl_load_run), '2026-04-01T02:00:00.000Z', '2026-04-01T02:00:05.000Z', 'failed',
                        'schedule', 'sqlite', 'source.db', '2026-03-31', 5000, NULL, 'The source database could not be opened.', 'test')
                """);
        }
        using var response = await _clients[AppRole.Analyst].GetAsync("/data-quality");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Failed</span>"));
        Assert.That(html, Does.Match("Load [0-9]+ failed:</strong> The source database could not be opened."));
    }

    [Test]
    public async Task A_filter_that_matches_nothing_says_so()
    {
        using var response = await _clients[AppRole.Analyst].GetAsync($"/data-quality/quarantine?load={_rejected.LoadId}&rule=no-such-rule");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("No rejected or repaired rows match these filters."));
    }
}
