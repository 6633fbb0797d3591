using Dashboard.Core.Indicators.Model;
using Dashboard.Data.Indicators;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Indicators;

/// <summary>A small hand-built warehouse read back as the engine's rows, and the stored figures read by the CLI's queries.</summary>
public sealed class CaseFactsReaderTests
{
    private const string Seed = """
        INSERT INTO etl_load_run (load_id, started_at, status, trigger_kind, source_provider, source_description, as_of_date, host_name)
        VALUES (7, '2026-06-30T20:00:00.000Z', 'succeeded', 'manual', 'Sqlite', 'source.db', '2026-06-30', 'host');
        INSERT INTO etl_load_table (load_id, source_table, target_table, rows_read, rows_loaded, rows_quarantined, rows_inserted, rows_deleted,
            unknown_references, duration_ms, warning)
        VALUES (7, 'ssd_ext_management_oversight', 'fact_oversight', 0, 0, 0, 0, 0, 0, 1, 'ssd_ext_management_oversight is absent.'),
               (7, 'ssd_cin_episodes', 'fact_referral', 2, 2, 0, 2, 0, 0, 1, NULL);
        INSERT INTO dim_team (team_key, team_id, team_name, service_area_id, service_area_name, load_id, row_hash)
        VALUES (1, 'T1', 'Assessment team', 'CSC', 'Children''s social care', 7, 1);
        INSERT INTO dim_worker (worker_key, professional_id, staff_id, worker_name, job_title, team_key, fte, is_agency, caseload,
            valid_from, valid_to, is_current, load_id, row_hash)
        VALUES (1, 'W1', NULL, 'Worker One', NULL, 1, 1, 0, 10, '2025-01-01', '2025-12-31', 0, 7, 1),
               (2, 'W1', NULL, 'Worker One', NULL, 1, 1, 0, 10, '2026-01-01', NULL, 1, 7, 2);
        INSERT INTO dim_child (child_key, person_id, sex, gender, ethnicity, date_of_birth, expected_dob, death_date, has_disability,
            disability_codes, load_id, row_hash)
        VALUES (1, 'P1', 'F', NULL, NULL, '2015-03-01', NULL, NULL, 1, 'AUT', 7, 1);
        INSERT INTO fact_referral (referral_id, child_key, referral_date_key, primary_need_code, source_code, is_nfa, close_reason_code,
            close_date_key, team_key, worker_key, load_id, row_hash)
        VALUES ('R1', 1, 20260302, NULL, '1A', 1, NULL, 20260410, 1, 2, 7, 1),
               ('R2', 1, 20250105, NULL, NULL, NULL, NULL, NULL, 0, 0, 7, 2);
        INSERT INTO fact_cp_visit (visit_id, cp_plan_id, child_key, visit_date_key, seen, seen_alone, bedroom_seen, load_id, row_hash)
        VALUES ('V1', 'CP1', 1, 20260401, 1, 0, NULL, 7, 1);
        """;

    private TempWarehouse _warehouse = null!;

    [SetUp]
    public async Task CreateWarehouse()
    {
        _warehouse = new TempWarehouse();
        await WarehouseSetup.PrepareAsync(_warehouse.Connections);
        await _warehouse.Connections.ExecAsync(Seed);
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    [Test]
    public async Task Facts_come_back_with_business_ids_dates_and_flags()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var facts = await CaseFactsReader.ReadAsync(connection, transaction);

        Assert.That(facts.Children, Is.EqualTo(new[] { new Child("P1", new DateOnly(2015, 3, 1), "F", HasDisability: true) }));
        Assert.That(facts.Teams, Is.EqualTo(new[] { new Team("T1", "Assessment team", "CSC", "Children's social care") }));
        Assert.That(facts.WorkerSpells, Has.Count.EqualTo(2));
        Assert.That(facts.WorkerSpells[0].ValidTo, Is.EqualTo(new DateOnly(2025, 12, 31)));
        Assert.That(facts.Referrals.OrderBy(r => r.ReferralId), Is.EqualTo(new[]
        {
            new Referral("R1", "P1", new DateOnly(2026, 3, 2), IsNfa: true, TeamId: "T1", WorkerId: "W1", CloseDate: new DateOnly(2026, 4, 10), SourceCode: "1A"),
            new Referral("R2", "P1", new DateOnly(2025, 1, 5)),
        }));
        Assert.That(facts.CpVisits, Is.EqualTo(new[] { new CpVisit("V1", "CP1", "P1", new DateOnly(2026, 4, 1), Seen: true, SeenAlone: false) }));
        Assert.That(facts.ExtractDate, Is.EqualTo(new DateOnly(2026, 6, 30)), "the run's as-of date");
    }

    [Test]
    public async Task A_source_the_run_found_absent_is_not_available_and_the_rest_are()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();

        var facts = await CaseFactsReader.ReadAsync(connection, null, loadId: 7);

        Assert.That(facts.Availability.Has(DataSource.Oversight), Is.False);
        Assert.That(facts.Availability.Has(DataSource.Referrals), Is.True);
        Assert.That(facts.Availability.Has(DataSource.MeetingAttendance), Is.True);
    }

    [Test]
    public async Task Uncommitted_rows_are_read_through_the_callers_transaction()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO fact_cin_visit (visit_id, child_key, visit_date_key, seen, seen_alone, bedroom_seen, load_id, row_hash) " +
                                  "VALUES ('CV1', 1, 20260501, NULL, NULL, NULL, 8, 1)";
            await command.ExecuteNonQueryAsync();
        }

        var facts = await CaseFactsReader.ReadAsync(connection, transaction);

        Assert.That(facts.CinVisits, Is.EqualTo(new[] { new CinVisit("CV1", "P1", new DateOnly(2026, 5, 1)) }));
        Assert.That(await CaseFactsReader.ChildKeysAsync(connection, transaction), Is.EqualTo(new Dictionary<string, long> { ["P1"] = 1 }));
    }

    [Test]
    public async Task Stored_figures_are_read_by_period_scope_team_and_indicator()
    {
        await _warehouse.Connections.ExecAsync("""
            INSERT INTO fact_indicator (indicator_id, series, period, as_at_date, scope_level, scope_id, scope_name, numerator, denominator, value, not_available, load_id)
            VALUES ('SEEN-01', '', '2026-05', '2026-05-31', 'council', 'council', 'Your council', 3, 4, 75, NULL, 7),
                   ('SEEN-01', '', '2026-06', '2026-06-30', 'council', 'council', 'Your council', 0, 0, NULL, NULL, 7),
                   ('SEEN-01', '', '2026-06', '2026-06-30', 'team', 'T1', 'Assessment team', 0, 0, NULL, NULL, 7),
                   ('SEEN-01', '', '2026-06', '2026-06-30', 'worker', 'W1', 'Worker One', 0, 0, NULL, NULL, 7),
                   ('PARTNERS-02', 'POLICE', '2026-06', '2026-06-30', 'council', 'council', 'Your council', 1, 2, 50, NULL, 7);
            INSERT INTO fact_indicator_exception (indicator_id, series, period, rule_date, person_id, child_key, event_id, team_id, worker_id,
                service_area_id, what_due, due_date, days_overdue, overdue_unit, load_id)
            VALUES ('SEEN-01', '', '2026-06', '2026-06-30', 'P1', 1, 'CP1', 'T1', 'W1', 'CSC', 'A visit', '2026-06-10', 14, 'working days', 7);
            """);
        var queries = new IndicatorQueries(_warehouse.Connections);

        Assert.That(await queries.PeriodsAsync(), Is.EqualTo(new[] { "2026-05", "2026-06" }));
        var june = await queries.ResultsAsync(new IndicatorFilter { FromPeriod = "2026-06", ToPeriod = "2026-06", ScopeLevel = "council" });
        Assert.That(june.Select(r => (r.IndicatorId, r.Value)), Is.EqualTo(new[] { ("SEEN-01", (decimal?)null) }), "headline only by default");
        var may = await queries.ResultsAsync(new IndicatorFilter { ToPeriod = "2026-05", IndicatorId = "SEEN-01" });
        Assert.That(may.Single(), Is.EqualTo(new StoredIndicator("SEEN-01", null, "2026-05", new DateOnly(2026, 5, 31), "council", "council",
            "Your council", 3, 4, 75m, null)));
        var workers = await queries.ResultsAsync(new IndicatorFilter { ScopeLevel = "worker", TeamId = "T1" });
        Assert.That(workers.Select(r => r.ScopeName), Is.EqualTo(new[] { "Worker One" }));
        var police = await queries.ResultsAsync(new IndicatorFilter { Series = null, IndicatorId = "PARTNERS-02" });
        Assert.That(police.Single().Series, Is.EqualTo("POLICE"));

        var exceptions = await queries.ExceptionsAsync("SEEN-01", "2026-06", "T1", 10);
        Assert.That(exceptions.Single(), Is.EqualTo(new StoredExceptionRow("SEEN-01", null, "2026-06", new DateOnly(2026, 6, 30), "P1", "CP1", "T1",
            "Assessment team", "W1", "Worker One", "CSC", "A visit", new DateOnly(2026, 6, 10), 14, "working days")));
        Assert.That(await queries.ExceptionsAsync("SEEN-01", "2026-06", "T9", 10), Is.Empty);
        Assert.That(await queries.TeamsAsync(), Is.EqualTo(new[] { ("T1", "Assessment team") }));
    }
}
