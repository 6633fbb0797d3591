using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Children;
using Dashboard.Data.Indicators;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Etl;
using Dashboard.Etl.Load;
using Dashboard.Reports.AnnexA;
using Dashboard.Synthetic;
using Dashboard.Web.Services;

namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>
/// Runs every operation of the SQL Server path against a <see cref="RecordingWarehouse"/>, through the same public
/// APIs the CLI, the ETL, the web pages and the packs call: the nightly load twice (into an empty warehouse, then into
/// one that holds data, so both of the swap's branches run), then every read and write of the dashboard and the packs.
/// A few statements are answered with a row so the code goes on to the statements that depend on it.
/// </summary>
internal static class SqlServerPath
{
    public static readonly DateOnly AsOf = new(2026, 3, 31);
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);
    private const string Iso = "2026-04-01T02:00:00.000Z";

    public static async Task<RecordingWarehouse> RecordAsync(string folder)
    {
        var source = Path.Combine(folder, "source.db");
        new CouncilGenerator(TimeProvider.System).Generate(new GeneratorOptions(CouncilPreset.Scilly, Seed: 3, Years: 2, AsOf: AsOf, FaultRate: 0.01), source);
        var warehouse = new RecordingWarehouse();
        var options = new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, source), warehouse.Target) { AsOf = AsOf };

        await LoadAsync(warehouse, options);
        // The second night: the warehouse holds data (the swap deletes and inserts what changed) and an agency was renamed.
        warehouse.Answer(@"^SELECT TOP \(1\) 1 FROM ", ("one", typeof(int), 1));
        warehouse.Answer(@"AS Name FROM dim_agency$", ("Key", typeof(long), 1L), ("Code", typeof(string), "POLICE"), ("Name", typeof(string), "Old name"));
        warehouse.Answer(@"SELECT as_of_date FROM etl_load_run", ("as_of_date", typeof(DateTime), AsOf.ToDateTime(TimeOnly.MinValue)));
        warehouse.Answer(@"FROM etl_lock WHERE lock_name", ("Holder", typeof(string), "host a pid 1"),
            ("AcquiredAt", typeof(DateTimeOffset), Now), ("ExpiresAt", typeof(DateTimeOffset), Now.AddHours(6)));
        await LoadAsync(warehouse, options);
        warehouse.ForgetAnswers();

        await ReadIndicatorsAsync(warehouse);
        await ReadChildAsync(warehouse);
        await ReadAuditAsync(warehouse);
        await UseProgressBoardAsync(warehouse);
        await WriteAppTablesAsync(warehouse);
        await WritePacksAsync(warehouse);
        return warehouse;
    }

    /// <summary>What EtlRunner.RunAsync does, step by step, with the recording warehouse in place of Warehouse.Connect.</summary>
    private static async Task LoadAsync(RecordingWarehouse warehouse, EtlOptions options)
    {
        var time = TimeProvider.System;
        await WarehouseLock.CurrentHolderAsync(warehouse, EtlRunner.LockName, time);
        await WarehouseSetup.PrepareAsync(warehouse);
        var handle = await WarehouseLock.TryAcquireAsync(warehouse, EtlRunner.LockName, "host test pid 1", TimeSpan.FromMinutes(5), time)
            ?? throw new InvalidOperationException("The recording warehouse refused the lock.");
        await RunAudit.CloseAbandonedAsync(warehouse, Now, CancellationToken.None);
        var loadId = await RunAudit.StartAsync(warehouse, new RunStart(Now, "manual", DatabaseProvider.Sqlite, "source.db", AsOf, "host"), CancellationToken.None);
        var pipeline = new LoadPipeline(options, warehouse, loadId, AsOf, new RunPosition(null, null), time, time.GetTimestamp());
        await pipeline.RunAsync(CancellationToken.None);
        // A source made from statutory returns records them with the load (the path's own source is an SSD extract).
        await using (var connection = await warehouse.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await RunAudit.WriteReturnsAsync(connection, transaction, loadId, new Dashboard.Etl.Source.SourceReturns(
                [new("CIN census", "cin-2025.xml", "2024-25", 10, 1)], [new("CIN census", "ssd_cin_episodes", "complete", null)],
                [new(1, "CIN census", "cin-2025.xml", 88, "Child", "LAchildID", "The Child element has no LAchildID.", "<Child/>")]), CancellationToken.None);
            await ReturnSources.ReadAsync(connection, transaction, loadId, CancellationToken.None);
            await transaction.CommitAsync();
        }
        await handle.RenewAsync();
        await RunAudit.FailAsync(warehouse, loadId, Now, 10, "A failed run's message.");
        await handle.ReleaseAsync();
    }

    private static async Task ReadIndicatorsAsync(RecordingWarehouse warehouse)
    {
        // The indicators read back from the warehouse (bench indicators, EtlOptions.IndicatorInput.ReadBack), which read the
        // run's warnings themselves; the nightly run is handed them by its own counters.
        await using (var readBack = await warehouse.OpenAsync())
        {
            await CaseFactsReader.ReadAsync(readBack, null, loadId: 1);
        }

        var indicators = new IndicatorQueries(warehouse);
        await indicators.PeriodsAsync();
        await indicators.ReportingMonthsAsync(null);
        await indicators.TeamsAsync();
        await indicators.ResultsAsync(new IndicatorFilter { FromPeriod = "2025-04", ToPeriod = "2026-03", IndicatorId = "SEEN-01", ScopeLevel = "worker", TeamId = "T1" });
        await indicators.ExceptionsAsync("SEEN-01", "2026-03", "T1", 50);

        var series = new ScopeSeriesQueries(warehouse);
        await series.ScopeAsync("team", "T1", "2025-04", "2026-03");
        await series.LevelAsync("SEEN-01", "team", "2025-04", "2026-03");
        await series.PeriodsAsync();
        await series.ReportingMonthsAsync(null);
        await series.TeamsAsync();
        await series.WorkerTeamsAsync();
        // A page read without the workers' names gets a row, so the names of its own rows are looked up after it.
        warehouse.Answer(@"CAST\(NULL AS VARCHAR\(200\)\) AS WorkerName.*OFFSET",
            ("IndicatorId", typeof(string), "SEEN-01"), ("Period", typeof(string), "2026-03"), ("RuleDate", typeof(string), "2026-03-31"),
            ("TeamId", typeof(string), "T1"), ("WorkerId", typeof(string), "W1"), ("ServiceAreaId", typeof(string), "SA1"), ("WhatDue", typeof(string), "visit"));
        foreach (var sort in Enum.GetValues<ExceptionSort>())
        {
            foreach (var descending in new[] { true, false })
            {
                var query = new ExceptionQuery("SEEN-01", "2026-03") { TeamIds = ["T1", "T2"], Search = "50%", Sort = sort, Descending = descending, Offset = 50 };
                await series.ExceptionsAsync(query);
                await series.AllExceptionsAsync(query);
                await series.ExceptionsAsync(query with { TeamIds = null, Search = null });
            }
        }

        var evidence = new FindingEvidenceQueries(warehouse);
        await evidence.CouncilHeadlinesAsync(["SEEN-01", "PLAN-01"], "2026-03");
        await evidence.CouncilBreakdownsAsync(["PARTNERS-01"], "2025-04", "2026-03");
        await evidence.BreakdownsAsync(["PARTNERS-01"], "team", "T1", "2025-04", "2026-03");
        await StoredCouncilName.ReadAsync(warehouse);

        await using var connection = await warehouse.OpenAsync();
        await CaseFactsReader.ReadAsync(connection, null);
        await CaseFactsReader.ChildKeysAsync(connection, null);
        await new WarehouseReadiness(warehouse).IsReadyAsync(CancellationToken.None);
    }

    private static async Task ReadChildAsync(RecordingWarehouse warehouse)
    {
        warehouse.Answer(@"^SELECT child_key FROM dim_child", ("child_key", typeof(long), 1L));
        warehouse.Answer(@"AS DisabilityCodes", ("PersonId", typeof(string), "P1"), ("HasDisability", typeof(long), 0L));
        var children = new ChildTimelineQueries(warehouse);
        await children.ChildAsync("P1");
        await children.TimelineAsync("P1");
        await children.ExceptionsForChildAsync("P1");
        await children.TeamsForChildAsync("P1");
        warehouse.ForgetAnswers();
    }

    private static async Task ReadAuditAsync(RecordingWarehouse warehouse)
    {
        var runs = new LoadAuditQueries(warehouse);
        await runs.RecentRunsAsync(10);
        await runs.TablesAsync([1, 2]);
        await runs.LastSucceededAsync();
        await runs.QuarantineAsync(1, null, 10);
        await runs.QuarantineAsync(1, "ssd_person", 10);
        await runs.QuarantineAsync(null, null, 10);
        await runs.QuarantineSummaryAsync(1);
        await runs.RepairSummaryAsync(1);
        var quarantine = new QuarantineQueries(warehouse);
        await quarantine.PageAsync(new QuarantineFilter(1, "ssd_person", "required") { Offset = 50, Limit = 25 });
        await quarantine.LoadsWithQuarantineAsync();
        var returns = new ReturnSourceQueries(warehouse);
        await returns.ReturnsAsync(1);
        await returns.RejectionsAsync(1, 50);
    }

    /// <summary>The running load's board: the first write inserts the row (no row to update), later ones update it;
    /// the load finds its load id; the data quality page reads the row back.</summary>
    private static async Task UseProgressBoardAsync(RecordingWarehouse warehouse)
    {
        var board = LoadProgressBoards.For(warehouse) ?? throw new InvalidOperationException("SQL Server has a progress board.");
        var progress = new LoadProgress(1, Now, "Validate", "ssd_person", 0.45, Now, "host", 4242, Now) { Outcome = LoadOutcomes.Succeeded, FinishedAt = Now };
        warehouse.Answer(@"^UPDATE etl_load_progress", () => new ScriptedAnswer(null, Affected: 0));
        await board.WriteAsync(progress);
        warehouse.ForgetAnswers();
        await board.WriteAsync(progress with { Outcome = null, FinishedAt = null });
        await RunningLoad.IdAsync(warehouse, Now);
        await board.ReadAsync();
    }

    private static async Task WriteAppTablesAsync(RecordingWarehouse warehouse)
    {
        var clock = new FixedClock(Now);
        var users = new UserStore(warehouse, clock);
        await users.AddAsync(new NewUser("Manager.One", "Manager One", AppRole.Manager, "hash", Teams: ["T1", "T2"]));
        warehouse.Answer(@"^SELECT user_id FROM app_user", ("user_id", typeof(long), 1L));
        warehouse.Answer(@"AS UpdatedAt\s+FROM app_user WHERE", ("UserId", typeof(long), 1L), ("UserName", typeof(string), "manager.one"),
            ("DisplayName", typeof(string), "Manager One"), ("Role", typeof(string), "Manager"), ("PasswordHash", typeof(string), "hash"),
            ("IsDisabled", typeof(long), 0L), ("FailedSignIns", typeof(long), 0L), ("PasswordMustChange", typeof(long), 0L),
            ("CreatedAt", typeof(string), Iso), ("UpdatedAt", typeof(string), Iso));
        warehouse.Answer(@"AS FailedSignIns, locked_until AS LockedUntil FROM app_user", ("FailedSignIns", typeof(long), 1L));
        await users.FindAsync("manager.one");
        await users.ListAsync();
        await users.SetDisabledAsync("manager.one", true);
        await users.SetPasswordAsync("manager.one", "hash2", mustChange: false);
        await users.SetTeamsAsync("manager.one", ["T3"]);
        await users.RecordFailedSignInAsync("manager.one", Now, 5, TimeSpan.FromMinutes(15));
        await users.RecordSignInAsync("manager.one", Now);

        var audit = new AuditLog(warehouse);
        await audit.WriteAsync(new AuditEntry(Now, "manager.one", "Manager", "view-child-timeline", "/children/P1", AuditOutcome.Allowed, "127.0.0.1", "note"));
        await audit.RecentAsync(new AuditQuery { From = Now.AddDays(-7), To = Now, UserName = "manager.one", Action = "sign-in", Offset = 50, Limit = 25 });

        var findings = new FindingStore(warehouse, clock);
        var draft = new FindingDraft(new DateOnly(2026, 2, 1), Theme.Seen, "Visits", "Children were not always seen.", ["SEEN-01", "SEEN-02"], "Audit");
        await findings.AddAsync(draft, "demo.director");
        warehouse.Answer(@"FROM app_finding WHERE finding_id", ("FindingId", typeof(long), 1L), ("LetterDate", typeof(string), "2026-02-01"),
            ("Theme", typeof(string), "SEEN"), ("Title", typeof(string), "Visits"), ("Body", typeof(string), "b"), ("CreatedBy", typeof(string), "d"),
            ("CreatedAt", typeof(string), Iso), ("UpdatedAt", typeof(string), Iso));
        await findings.ListAsync();
        await findings.GetAsync(1);
        await findings.UpdateAsync(1, draft);
        await findings.DeleteAsync(1);
        warehouse.ForgetAnswers();
    }

    /// <summary>The packs read the indicator store through the Data queries above; Annex A has its own child-level reads.</summary>
    private static async Task WritePacksAsync(RecordingWarehouse warehouse)
    {
        using var workbook = new MemoryStream();
        await AnnexAWorkbook.WriteAsync(warehouse, IndicatorSettings.Default, AsOf, workbook);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
