using Dashboard.Data.Indicators;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Indicators;

/// <summary>The dashboard's indexed reads: one scope over a range, one level of one indicator, exception pages.</summary>
public sealed class ScopeSeriesQueriesTests
{
    private TempWarehouse _warehouse = null!;
    private ScopeSeriesQueries _queries = null!;

    [OneTimeSetUp]
    public async Task CreateWarehouse()
    {
        _warehouse = new TempWarehouse();
        await WarehouseSetup.PrepareAsync(_warehouse.Connections);
        _queries = new ScopeSeriesQueries(_warehouse.Connections);
        var rows = new FactRows()
            .Add("dim_team", new { team_key = 1, team_id = "T1", team_name = "Beta team", service_area_id = "SA1", service_area_name = "Front door" })
            .Add("dim_team", new { team_key = 2, team_id = "T2", team_name = "Alpha team", service_area_id = "SA2", service_area_name = "Care" })
            .Add("dim_worker", new { worker_key = 1, professional_id = "W1", worker_name = "Sam Social", team_key = 1, valid_from = "2020-01-01", is_current = 1 })
            .Add("dim_worker", new { worker_key = 2, professional_id = "W2", worker_name = "Zed Worker", team_key = 2, valid_from = "2020-01-01", is_current = 1 });
        foreach (var (period, n, d) in new[] { ("2026-01", 0, 0), ("2026-02", 8, 10), ("2026-03", 9, 10) })
        {
            rows.Add("fact_indicator", Figure("SEEN-01", "", period, "council", "council", n, d))
                .Add("fact_indicator", Figure("SEEN-01", "HEALTH", period, "council", "council", 1, 2))
                .Add("fact_indicator", Figure("SEEN-01", "", period, "team", "T1", n, d))
                .Add("fact_indicator", Figure("FRONT-01", "", period, "team", "T1", 1, 4));
        }
        for (var i = 0; i < 7; i++)
        {
            rows.Add("fact_indicator_exception", new
            {
                indicator_id = "SEEN-01", series = "", period = "2026-03", rule_date = "2026-03-31", person_id = $"P{i:D3}", child_key = 0,
                event_id = $"V{i}", team_id = i % 2 == 0 ? "T1" : "T2", worker_id = i % 2 == 0 ? "W1" : "W2", service_area_id = "SA1",
                what_due = "A visit", due_date = $"2026-03-{10 + i:D2}", days_overdue = 20 - i, overdue_unit = "working days",
            });
        }
        await rows.SaveAsync(_warehouse.Connections);
    }

    [OneTimeTearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private static object Figure(string id, string series, string period, string level, string scope, int n, int d) => new
    {
        indicator_id = id, series, period, as_at_date = "2026-03-31", scope_level = level, scope_id = scope, scope_name = scope,
        numerator = n, denominator = d, value = d == 0 ? (decimal?)null : 100m * n / d,
    };

    [Test]
    public async Task Periods_are_the_months_in_which_something_was_counted()
    {
        Assert.That(await _queries.PeriodsAsync(), Is.EqualTo(new[] { "2026-02", "2026-03" }));
    }

    [Test]
    public async Task A_scope_reads_every_headline_in_the_range_and_no_series()
    {
        var rows = await _queries.ScopeAsync("team", "T1", "2026-02", "2026-03");
        Assert.That(rows.Select(r => (r.IndicatorId, r.Period)), Is.EqualTo(new[] { ("FRONT-01", "2026-02"), ("FRONT-01", "2026-03"), ("SEEN-01", "2026-02"), ("SEEN-01", "2026-03") }));
        Assert.That(rows.All(r => r.Series is null), Is.True);
    }

    [Test]
    public async Task A_level_reads_one_indicator_for_every_scope_at_it()
    {
        var rows = await _queries.LevelAsync("SEEN-01", "team", "2026-03", "2026-03");
        Assert.That(rows.Select(r => (r.ScopeId, r.Numerator, r.Denominator)), Is.EqualTo(new[] { ("T1", 9, 10) }));
    }

    [Test]
    public async Task Teams_come_with_their_service_area_and_workers_with_their_current_team()
    {
        var teams = await _queries.TeamsAsync();
        Assert.That(teams.Select(t => (t.TeamId, t.ServiceAreaId)), Is.EqualTo(new[] { ("T2", "SA2"), ("T1", "SA1") }));
        Assert.That((await _queries.WorkerTeamsAsync())["W2"], Is.EqualTo("T2"));
    }

    [Test]
    public async Task Exceptions_page_in_the_order_asked_with_the_total()
    {
        var page = await _queries.ExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { Offset = 2, Limit = 3 });
        Assert.That(page.Total, Is.EqualTo(7));
        Assert.That(page.Rows.Select(r => r.DaysOverdue), Is.EqualTo(new int?[] { 18, 17, 16 }));
        var byChild = await _queries.ExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { Sort = ExceptionSort.PersonId, Descending = false, Limit = 2 });
        Assert.That(byChild.Rows.Select(r => r.PersonId), Is.EqualTo(new[] { "P000", "P001" }));
    }

    [Test]
    public async Task Exceptions_filter_by_team_and_by_a_search_of_child_or_worker()
    {
        var team = await _queries.ExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { TeamIds = ["T2"] });
        Assert.That(team.Rows.Select(r => r.TeamId).Distinct(), Is.EqualTo(new[] { "T2" }));
        Assert.That(team.Total, Is.EqualTo(3));
        var worker = await _queries.AllExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { Search = "zed" });
        Assert.That(worker.Select(r => r.WorkerName).Distinct(), Is.EqualTo(new[] { "Zed Worker" }));
        var child = await _queries.ExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { Search = "P004" });
        Assert.That(child.Rows.Select(r => r.PersonId), Is.EqualTo(new[] { "P004" }));
        Assert.That((await _queries.ExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { TeamIds = [] })).Total, Is.Zero);
        Assert.That((await _queries.ExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { Search = "%" })).Total, Is.Zero);
    }

    [Test]
    public async Task A_page_names_its_workers_as_the_whole_list_does_in_every_order()
    {
        // A page that neither sorts nor searches by name looks its rows' names up after reading them; the names must be
        // the ones the whole list (which looks them up in its query) gives.
        var whole = (await _queries.AllExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03"))).ToDictionary(r => r.EventId!, r => r.WorkerName);
        Assert.That(whole.Values, Has.Some.EqualTo("Sam Social").And.Some.EqualTo("Zed Worker"));
        foreach (var sort in Enum.GetValues<ExceptionSort>())
        {
            foreach (var offset in new[] { 0, 3, 6 })
            {
                var page = await _queries.ExceptionsAsync(new ExceptionQuery("SEEN-01", "2026-03") { Sort = sort, Offset = offset, Limit = 3 });
                Assert.That(page.Rows.Select(r => r.WorkerName), Is.EqualTo(page.Rows.Select(r => whole[r.EventId!])), $"{sort}, from row {offset + 1}");
            }
        }
    }
}
