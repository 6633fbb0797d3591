using Dashboard.Data.Locking;
using Dashboard.Etl.Tests.Support;
using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

public class FailureTests : EtlTestBase
{
    private static IEnumerable<TestCaseData> EveryStage()
    {
        yield return new TestCaseData(EtlStage.Prepare, null);
        yield return new TestCaseData(EtlStage.Extract, "ssd_person");
        yield return new TestCaseData(EtlStage.Extract, "ssd_cp_visits");
        yield return new TestCaseData(EtlStage.Validate, "ssd_contacts");
        yield return new TestCaseData(EtlStage.Conform, "dim_worker");
        yield return new TestCaseData(EtlStage.Conform, "fact_strategy_discussion");
        yield return new TestCaseData(EtlStage.Stage, "fact_cp_visit");
        yield return new TestCaseData(EtlStage.Swap, "dim_team");
        yield return new TestCaseData(EtlStage.Swap, "fact_oversight");
        yield return new TestCaseData(EtlStage.Indicators, null);
        yield return new TestCaseData(EtlStage.Indicators, "fact_indicator");
        yield return new TestCaseData(EtlStage.Audit, null);
    }

    [TestCaseSource(nameof(EveryStage))]
    public async Task A_failure_at_any_stage_leaves_the_last_good_load_in_place(EtlStage stage, string? table)
    {
        var source = ASmallCouncil();
        await LoadAsync(source);
        var good = Warehouse.DumpStar();
        var fault = new FaultAt(stage, table);

        var changed = source.Set("ssd_cp_visits", "V2", "cppv_cp_visit_seen_alone", "Y").Remove("ssd_contacts", "C1").Person("P9")
            .Team("T9").Attendance("MA9", "STRAT9", "STRAT", "2026-05-01", "P1", "EDUCATION");
        var ex = Assert.ThrowsAsync<EtlException>(() => LoadAsync(changed, fault));

        Assert.That(fault.Fired, Is.True);
        Assert.That(ex!.Message, Does.Contain($"at the {stage} stage").And.Contain("warehouse was left unchanged"));
        Assert.That(ex.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(Warehouse.DumpStar(), Is.EqualTo(good));
        var run = Warehouse.Rows("SELECT * FROM etl_load_run ORDER BY load_id DESC").First();
        Assert.That(run["status"], Is.EqualTo("failed"));
        Assert.That(run["error_message"], Is.EqualTo(ex.Message));
        Assert.That(run["finished_at"], Is.Not.Null);
        Assert.That(Warehouse.Count("etl_load_table", "load_id = 2"), Is.Zero);
        Assert.That(Warehouse.Count("etl_quarantine", "load_id = 2"), Is.Zero);
        Assert.That(Warehouse.Count("etl_lock"), Is.Zero, "the lock is released");

        var retry = await LoadAsync(changed);
        Assert.That(retry.Status, Is.EqualTo("succeeded"), "the next run succeeds");
    }

    [Test]
    public async Task A_run_killed_before_it_finished_is_closed_as_failed_by_the_next_run()
    {
        var source = ASmallCouncil();
        await LoadAsync(source);
        var good = Warehouse.DumpStar();
        // A killed process leaves its run 'running' and no other trace: its staging and swap never committed.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={WarehousePath};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO etl_load_run (started_at, status, trigger_kind, source_provider, source_description, as_of_date, host_name)
                VALUES ('2026-06-30T02:00:00.000Z', 'running', 'schedule', 'Sqlite', 'source.db', '2026-06-30', 'host')
                """;
            insert.ExecuteNonQuery();
        }
        Assert.That(Warehouse.DumpStar(), Is.EqualTo(good));

        var next = await LoadAsync(source);

        Assert.That(next.Status, Is.EqualTo("succeeded"));
        var killed = Warehouse.Rows("SELECT * FROM etl_load_run WHERE load_id = 2").Single();
        Assert.That(killed["status"], Is.EqualTo("failed"));
        Assert.That(killed["error_message"], Does.Contain("stopped without finishing"));
        Assert.That(killed["finished_at"], Is.Not.Null);
        Assert.That(Warehouse.Count("etl_load_run", "status = 'running'"), Is.Zero);
    }

    [TestCase(EtlStage.Stage, "fact_cp_visit")]
    [TestCase(EtlStage.Swap, "fact_oversight")]
    [TestCase(EtlStage.Indicators, null)]
    [TestCase(EtlStage.Indicators, "fact_indicator")]
    [TestCase(EtlStage.Audit, null)]
    public async Task A_first_load_that_fails_leaves_a_new_warehouse_empty(EtlStage stage, string? table)
    {
        var ex = Assert.ThrowsAsync<EtlException>(() => LoadAsync(ASmallCouncil(), new FaultAt(stage, table)));

        Assert.That(ex!.Message, Does.Contain($"at the {stage} stage"));
        var star = Warehouse.DumpStar();
        foreach (var (name, rows) in star.Where(t => t.Key is not ("dim_date" or "dim_agency" or "dim_code")))
        {
            Assert.That(rows.Count(r => !r.Contains("_key=0|", StringComparison.Ordinal)), Is.Zero, $"{name} holds only its unknown member");
        }
        Assert.That(Warehouse.Count("etl_quarantine") + Warehouse.Count("etl_load_table"), Is.Zero);
        Assert.That(Warehouse.Scalar("SELECT status FROM etl_load_run"), Is.EqualTo("failed"));
        Assert.That((await LoadAsync(ASmallCouncil())).Status, Is.EqualTo("succeeded"));
    }

    [Test]
    public async Task A_source_without_a_required_table_fails_naming_it()
    {
        await LoadAsync(ASmallCouncil());
        var good = Warehouse.DumpStar();

        var ex = Assert.ThrowsAsync<EtlException>(() => LoadAsync(ASmallCouncil().Without("ssd_cp_visits")));

        Assert.That(ex!.Message, Is.EqualTo("The source database has no table ssd_cp_visits: is this an SSD extract?"));
        Assert.That(Warehouse.Scalar("SELECT status FROM etl_load_run WHERE load_id = 2"), Is.EqualTo("failed"));
        Assert.That(Warehouse.Scalar("SELECT error_message FROM etl_load_run WHERE load_id = 2"), Is.EqualTo(ex.Message));
        Assert.That(Warehouse.DumpStar(), Is.EqualTo(good));
    }

    [Test]
    public void A_source_table_without_a_contract_column_fails_naming_it()
    {
        var ex = Assert.ThrowsAsync<EtlException>(() => LoadAsync(ASmallCouncil().WithoutColumn("ssd_cin_episodes", "cine_referral_nfa")));
        Assert.That(ex!.Message, Does.Contain("ssd_cin_episodes").And.Contain("cine_referral_nfa"));
    }

    [Test]
    public void A_missing_source_file_fails_in_one_sentence()
    {
        var missing = File("nowhere.db");
        var ex = Assert.ThrowsAsync<EtlException>(() => new EtlRunner(Time).RunAsync(Options(source: missing)));
        Assert.That(ex!.Message, Is.EqualTo($"Cannot open the source database {missing}: file not found."));
        Assert.That(Warehouse.Scalar("SELECT status FROM etl_load_run"), Is.EqualTo("failed"));
    }

    [Test]
    public async Task A_run_is_refused_while_another_holds_the_lock()
    {
        await LoadAsync(ASmallCouncil());
        var warehouse = Dashboard.Data.Warehouse.Connect(WarehouseTarget);
        await using var held = await WarehouseLock.TryAcquireAsync(warehouse, "etl", "host other-box pid 4242", TimeSpan.FromHours(6),
            new ManualTime(new DateTimeOffset(2026, 6, 30, 19, 0, 0, TimeSpan.Zero)));
        Assert.That(held, Is.Not.Null);

        var ex = Assert.ThrowsAsync<EtlException>(() => LoadAsync(ASmallCouncil()));

        Assert.That(ex!.Message, Is.EqualTo("Another ETL run holds the warehouse lock (host other-box pid 4242 since 19:00; its lease expires at 01:00:00 unless that run renews it); try again later."));
        Assert.That(Warehouse.Scalar("SELECT status FROM etl_load_run ORDER BY load_id DESC LIMIT 1"), Is.EqualTo("failed"));
        Assert.That(Warehouse.Count("etl_lock"), Is.EqualTo(1), "the holder's lock is untouched");
    }

    [Test]
    public async Task A_second_concurrent_run_is_refused_and_the_first_completes()
    {
        ASmallCouncil().Build(SourcePath);
        EtlException? refused = null;
        var second = new CallbackAt(EtlStage.Stage, () =>
        {
            try
            {
                new EtlRunner(Time).RunAsync(Options()).GetAwaiter().GetResult();
            }
            catch (EtlException ex)
            {
                refused = ex;
            }
        });

        var first = await new EtlRunner(Time).RunAsync(Options(second));

        Assert.That(first.Status, Is.EqualTo("succeeded"));
        Assert.That(refused, Is.Not.Null);
        Assert.That(refused!.Message, Does.StartWith($"Another ETL run holds the warehouse lock (host {Environment.MachineName}, pid {Environment.ProcessId} started ").And.Contain("; its lease expires at "));
        Assert.That(Warehouse.Count("etl_load_run", "status = 'succeeded'"), Is.EqualTo(1));
        Assert.That(Warehouse.Count("etl_lock"), Is.Zero);
    }

    [Test]
    public async Task A_cancelled_run_is_recorded_as_failed_and_changes_nothing()
    {
        await LoadAsync(ASmallCouncil());
        var good = Warehouse.DumpStar();
        using var cancel = new CancellationTokenSource();
        ASmallCouncil().Person("P9").Build(SourcePath);

        Assert.CatchAsync<OperationCanceledException>(() =>
            new EtlRunner(Time).RunAsync(Options(new CallbackAt(EtlStage.Swap, cancel.Cancel)), ct: cancel.Token));

        Assert.That(Warehouse.DumpStar(), Is.EqualTo(good));
        Assert.That(Warehouse.Scalar("SELECT error_message FROM etl_load_run WHERE load_id = 2"), Does.Contain("cancelled"));
        Assert.That(Warehouse.Count("etl_lock"), Is.Zero);
    }

    [Test]
    public void A_warehouse_that_cannot_be_opened_fails_in_one_sentence()
    {
        ASmallCouncil().Build(SourcePath);
        var options = Options() with { Warehouse = new(Dashboard.Data.DatabaseProvider.Sqlite, "Data Source=/proc/no-such-place/warehouse.db") };
        var ex = Assert.ThrowsAsync<EtlException>(() => new EtlRunner(Time).RunAsync(options));
        Assert.That(ex!.Message, Does.Contain("/proc/no-such-place"));
        Assert.That(ex.Message.TrimEnd('.'), Does.Not.Contain(". "), "one sentence");
    }

    [Test]
    public void Keys_the_source_groups_apart_but_that_read_the_same_stop_the_run_without_naming_the_key()
    {
        var source = ASmallCouncil().Row("ssd_person", ("pers_person_id", "42")).Row("ssd_person", ("pers_person_id", 42.0));
        var ex = Assert.ThrowsAsync<EtlException>(() => LoadAsync(source));
        Assert.That(ex!.Message, Does.StartWith("ssd_person holds a key more than once").And.Not.Contain("42"));
        Assert.That(Warehouse.Count("dim_child"), Is.EqualTo(1), "nothing but the unknown member");
    }
}
