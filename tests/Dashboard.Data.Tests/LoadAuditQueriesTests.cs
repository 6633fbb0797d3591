using Dashboard.Data.Audit;
using Dashboard.Data.Migrations;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

public sealed class LoadAuditQueriesTests
{
    private TempWarehouse _warehouse = null!;
    private LoadAuditQueries _queries = null!;

    [SetUp]
    public async Task CreateWarehouseWithThreeRuns()
    {
        _warehouse = new TempWarehouse();
        _queries = new LoadAuditQueries(_warehouse.Connections);
        await new MigrationRunner(_warehouse.Connections).ApplyAsync();
        // Three writers' habits for timestamps: ISO with Z, space-separated without offset, and with an offset.
        await _warehouse.Connections.ExecAsync("""
            INSERT INTO etl_load_run (load_id, started_at, finished_at, status, trigger_kind, source_provider, source_description,
                                      as_of_date, duration_ms, indicator_ms, error_message, host_name)
            VALUES (1, '2026-11-20T01:00:00.000Z', '2026-11-20T01:05:00.250Z', 'succeeded', 'schedule', 'sqlserver', 'ssd/la', '2026-11-20', 300250, 1200, NULL, 'etl-1'),
                   (2, '2026-11-21 01:00:00', '2026-11-21 01:02:00', 'failed', 'schedule', 'sqlserver', 'ssd/la', '2026-11-21', 120000, NULL, 'Source unreachable', 'etl-1'),
                   (3, '2026-11-22T02:00:00+01:00', NULL, 'running', 'manual', 'csv', 'files', '2026-11-22', NULL, NULL, NULL, 'laptop');
            INSERT INTO etl_load_table (load_id, source_table, target_table, rows_read, rows_loaded, rows_quarantined, rows_inserted,
                                        rows_deleted, unknown_references, duration_ms, warning)
            VALUES (1, 'ssd_person', 'dim_child', 100, 98, 2, 98, 0, 0, 40, NULL),
                   (1, 'ssd_contacts', 'fact_contact', 500, 500, 0, 500, 0, 3, 60, NULL),
                   (2, 'ssd_person', 'dim_child', 0, 0, 0, 0, 0, 0, 5, 'empty table');
            INSERT INTO etl_quarantine (load_id, source_table, business_key, field, value, "rule", message, row_json)
            VALUES (1, 'ssd_person', 'P1', 'dob', '31/02/2020', 'date_unparseable', 'Not a date', '{}'),
                   (1, 'ssd_person', 'P2', 'sex', 'Q', 'code_unknown', 'Unknown sex', '{}'),
                   (2, 'ssd_person', 'P3', 'dob', 'x', 'date_unparseable', 'Not a date', '{}'),
                   (2, 'ssd_contacts', 'C1', 'contact_date', NULL, 'required', 'Missing', '{"id":"C1"}'),
                   (2, 'ssd_person', 'P4', 'dob', 'y', 'date_unparseable', 'Not a date', '{}');
            """);
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    [Test]
    public async Task Recent_runs_come_newest_first_with_timestamps_read_from_any_iso_form()
    {
        var runs = await _queries.RecentRunsAsync(2);

        Assert.That(runs.Select(r => r.LoadId), Is.EqualTo(new[] { 3L, 2L }));
        Assert.That(runs[0].StartedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero)));
        Assert.That(runs[0].FinishedAt, Is.Null);
        Assert.That(runs[1].StartedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero)), "no offset means UTC");
        Assert.That(runs[1].AsOfDate, Is.EqualTo(new DateOnly(2026, 11, 21)));
        Assert.That(runs[1].ErrorMessage, Is.EqualTo("Source unreachable"));
    }

    [Test]
    public async Task The_last_succeeded_run_is_found_whatever_ran_after_it()
    {
        var run = await _queries.LastSucceededAsync();

        Assert.That(run, Is.EqualTo(new LoadRun(1, new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 20, 1, 5, 0, 250, TimeSpan.Zero), "succeeded", "schedule", "sqlserver", "ssd/la",
            new DateOnly(2026, 11, 20), 300250, 1200, null, "etl-1")));
    }

    [Test]
    public async Task No_succeeded_run_reads_as_null()
    {
        await _warehouse.Connections.ExecAsync("UPDATE etl_load_run SET status = 'failed'");

        Assert.That(await _queries.LastSucceededAsync(), Is.Null);
    }

    [Test]
    public async Task Table_figures_come_for_the_runs_asked_for_only()
    {
        var tables = await _queries.TablesAsync([1]);

        Assert.That(tables.Select(t => t.SourceTable), Is.EqualTo(new[] { "ssd_contacts", "ssd_person" }));
        Assert.That(tables[1], Is.EqualTo(new LoadTable(1, "ssd_person", "dim_child", 100, 98, 2, 98, 0, 0, 40, null)));
        Assert.That(await _queries.TablesAsync([1, 2]), Has.Count.EqualTo(3));
        Assert.That(await _queries.TablesAsync([]), Is.Empty);
    }

    [Test]
    public async Task Quarantine_defaults_to_the_latest_run_that_has_any_in_quarantine_order()
    {
        var rows = await _queries.QuarantineAsync(null, null, 100);

        Assert.That(rows.Select(r => r.BusinessKey), Is.EqualTo(new[] { "P3", "C1", "P4" }), "run 3 has none, so run 2");
        Assert.That(rows[1], Is.EqualTo(new QuarantinedRow(4, 2, "ssd_contacts", "C1", "contact_date", null, "required", "Missing", "{\"id\":\"C1\"}")));
    }

    [Test]
    public async Task Quarantine_can_be_narrowed_to_one_source_table_and_limited()
    {
        Assert.That((await _queries.QuarantineAsync(2, "ssd_person", 100)).Select(r => r.BusinessKey), Is.EqualTo(new[] { "P3", "P4" }));
        Assert.That((await _queries.QuarantineAsync(2, null, 1)).Select(r => r.BusinessKey), Is.EqualTo(new[] { "P3" }));
        Assert.That((await _queries.QuarantineAsync(1, null, 100)).Select(r => r.Rule), Is.EqualTo(new[] { "date_unparseable", "code_unknown" }));
    }

    [Test]
    public async Task An_empty_quarantine_reads_as_no_rows()
    {
        await _warehouse.Connections.ExecAsync("DELETE FROM etl_quarantine");

        Assert.That(await _queries.QuarantineAsync(null, null, 10), Is.Empty);
    }

    [Test]
    public async Task The_quarantine_summary_counts_rows_by_source_table_and_rule()
    {
        var summary = await _queries.QuarantineSummaryAsync(2);

        Assert.That(summary, Is.EqualTo(new[] { ("ssd_contacts", "required", 1L), ("ssd_person", "date_unparseable", 2L) }));
    }
}
