using System.Data.Common;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Ssd;
using Dashboard.Data;
using Dashboard.Data.Sqlite;
using Dashboard.Etl.Conform;
using Dashboard.Etl.Facts;
using Dashboard.Etl.Load;
using Dashboard.Etl.Source;
using Dashboard.Etl.Text;
using Dashboard.Etl.Validation;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl;

/// <summary>
/// One run's work after Prepare: extract, validate and stage every table (streaming, table by table, in the
/// contract's parents-first order), conform the dimensions, then swap everything in and close the run in ONE
/// transaction. The staging phase writes only session staging tables, so until the swap commits the
/// warehouse's tables are exactly as the last good run left them.
/// </summary>
internal sealed class LoadPipeline(
    EtlOptions options, IConnectionFactory warehouse, long loadId, DateOnly asOf, RunPosition position,
    TimeProvider time, long startTimestamp)
{
    private ReferenceIndex _references = new(SsdSchema.All);
    private LoadContext _context = new();
    private readonly List<TableCounter> _counters = [];
    private readonly Dictionary<string, IReadOnlySet<string>> _duplicates = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(TargetTable Target, TableCounter Owner)> _targets = [];
    private Dictionary<string, SourceTableStatus> _status = [];
    private SourceDatabase _source = null!;
    private SourceReturns _returns = SourceReturns.None;
    private DuplicateScan _duplicateScan = null!;
    private DbConnection _connection = null!;
    private StagingArea _staging = null!;
    private DbTransaction _transaction = null!;
    private CancellationToken _ct;
    private LoadedFacts? _loaded;   // handed to the feed at the start of the swap
    private TimeSpan _stageElapsed;
    private TimeSpan _swapElapsed;
    private GcActivity _stageGc = GcActivity.None;

    /// <summary>What the indicator step wrote and how long it took (set inside the swap transaction; valid once RunAsync returns).</summary>
    public (TimeSpan Elapsed, long Results, long Exceptions) Indicators { get; private set; }

    /// <summary>Where the run's time went (valid once RunAsync returns).</summary>
    public EtlPhaseTimes Phases { get; private set; } = new();

    public async Task<(IReadOnlyList<EtlTableResult> Tables, IReadOnlyList<string> Warnings)> RunAsync(CancellationToken ct)
    {
        _ct = ct;
        position.Enter(EtlStage.Extract, null, inject: false);
        await using var source = await SourceDatabase.OpenAsync(options.Source, ct);
        _source = source;
        _returns = await source.ReadReturnsAsync(ct);
        var statuses = SourceDatabase.MarkUnfilled(await source.CheckSchemaAsync(SsdSchema.All, ct), _returns);
        _status = statuses.ToDictionary(s => s.Table.Name, StringComparer.OrdinalIgnoreCase);
        position.ExpectRows(statuses.Sum(s => s.Rows) + _status[SsdSchema.Involvements.Name].Rows);
        var order = new[] { SsdSchema.Persons, SsdSchema.Disabilities, SsdSchema.Departments, SsdSchema.Professionals, SsdSchema.Involvements }
            .Concat(SsdSchema.All).Distinct().Where(t => _status[t.Name].Present).ToList();
        await using var duplicateScan = DuplicateScan.Start(options.Source, order, ct);
        _duplicateScan = duplicateScan;

        await using var connection = await warehouse.OpenAsync(ct);
        _connection = connection;
        _staging = new StagingArea(connection, warehouse.Dialect, warehouse.BulkWriter);
        var checkpointDeferred = false;
        try
        {
            var stageStarted = time.GetTimestamp();
            var stageGc = GcActivity.Now();
            await using (var staging = BeginStagingTransaction(connection))
            {
                _transaction = staging;
                await StageEverythingAsync();
                await staging.CommitAsync(ct);
            }
            _stageElapsed = time.GetElapsedTime(stageStarted);
            _stageGc = GcActivity.Now().Since(stageGc);
            // What validation and mapping needed (every loaded id, the key maps) is done with: let it go before the
            // indicator step reads the facts back.
            _references = null!;
            _context = null!;
            _duplicates.Clear();
            IReadOnlyList<EtlTableResult> results;
            await using (var swap = await connection.BeginTransactionAsync(ct))
            {
                _transaction = swap;
                results = await SwapEverythingAsync();
                // The figures are readable once the commit returns; the log's checkpoint comes after it (WalCheckpoint).
                await WalCheckpoint.DeferAsync(connection, swap, ct);
                checkpointDeferred = true;
                var commitStarted = time.GetTimestamp();
                await swap.CommitAsync(ct);
                Phases = Phases with { Commit = time.GetElapsedTime(commitStarted) };
            }
            checkpointDeferred = false;
            var checkpointStarted = time.GetTimestamp();
            await WalCheckpoint.AfterCommitAsync(connection);
            Phases = Phases with { Checkpoint = time.GetElapsedTime(checkpointStarted) };
            position.Finished();
            return (results, statuses.Where(s => s.Warning is not null).Select(s => s.Warning!).ToList());
        }
        finally
        {
            if (checkpointDeferred) await WalCheckpoint.RunAsync(connection, checkpoint: false);
            await _staging.DropAllAsync();
        }
    }

    // SQLite: a deferred transaction that writes only TEMP tables never takes the warehouse's write lock, so
    // readers and a refused second run are not kept waiting while a large source is staged.
    private static DbTransaction BeginStagingTransaction(DbConnection connection) =>
        connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: true) : connection.BeginTransaction();

    private async Task StageEverythingAsync()
    {
        var dims = await DimensionState.ReadAsync(_connection, _transaction, _ct);
        _context.AgencyKeys = dims.Agencies;
        // The indicator step's input is collected from the rows as they are staged (LoadedFacts explains why that is the same).
        _loaded = options.IndicatorInput == IndicatorInput.LoadedRows ? new LoadedFacts(dims.Agencies) : null;
        await _staging.CreateAsync(_transaction, StagingArea.QuarantineTable, _ct);

        // dim_child from ssd_person + ssd_disability.
        var children = new ChildDimension();
        var persons = await CollectAsync(SsdSchema.Persons, DimensionTables.Child.Name, p => children.AddPerson(new PersonRow(
            (string)p[0]!, (string?)p[1], (string?)p[2], (string?)p[3], p[4] as DateOnly?, p[5] as DateOnly?, p[6] as DateOnly?)));
        await CollectAsync(SsdSchema.Disabilities, DimensionTables.Child.Name, p => children.AddDisability((string)p[0]!, (string)p[1]!));
        position.Enter(EtlStage.Conform, DimensionTables.Child.Name);
        var (childRows, childKeys) = children.Build(dims.Children, dims.MaxChildKey, loadId);
        _context.ChildKeys = childKeys;
        await StageRowsAsync(DimensionTables.Child, childRows, persons);

        // dim_team from ssd_department.
        var teams = new TeamDimension();
        var departments = await CollectAsync(SsdSchema.Departments, DimensionTables.Team.Name, p => teams.Add(new TeamRow(
            (string)p[0]!, (string?)p[1], (string?)p[2], (string?)p[3])));
        position.Enter(EtlStage.Conform, DimensionTables.Team.Name);
        var (teamRows, teamKeys) = teams.Build(dims.Teams, dims.MaxTeamKey, loadId);
        _context.TeamKeys = teamKeys;
        await StageRowsAsync(DimensionTables.Team, teamRows, departments);

        // dim_worker from ssd_professionals, with spells from a pre-pass over ssd_involvements (facts loaded
        // before involvements, such as referrals, need the worker valid at their date).
        var workers = new WorkerDimension();
        var professionals = await CollectAsync(SsdSchema.Professionals, DimensionTables.Worker.Name, p => workers.AddProfessional(new ProfessionalRow(
            (string)p[0]!, (string?)p[1], (string?)p[2], (string?)p[3], p[4] as long?, (string?)p[5], p[6] as double?, p[7] as bool?)));
        await InvolvementPrePassAsync(workers);
        position.Enter(EtlStage.Conform, DimensionTables.Worker.Name);
        var (workerRows, spells) = workers.Build(dims.Workers, dims.MaxWorkerKey, teamKeys, loadId);
        _context.Workers = spells;
        await StageRowsAsync(DimensionTables.Worker, workerRows, professionals);

        // The facts, in the contract's order.
        var maps = FactCatalogue.Build(_context);
        _loaded?.Bind(maps.Values.Select(m => m.Target).Append(StrategyDiscussions.Target));
        var strategy = new StrategyDiscussions();
        foreach (var table in SsdSchema.All)
        {
            if (!maps.TryGetValue(table.Name, out var map)) continue;
            var counter = await StageFactAsync(map, SideEffect(table, strategy));
            if (table == SsdSchema.MeetingAttendance)
            {
                position.Enter(EtlStage.Conform, StrategyDiscussions.Target.Name);
                await StageRowsAsync(StrategyDiscussions.Target, strategy.Rows(_context, loadId), counter);
            }
        }
    }

    // What some fact tables leave behind for later ones: cla_id -> child, s47 starts, strategy discussions.
    private Action<object?[]>? SideEffect(SsdTable table, StrategyDiscussions strategy)
    {
        if (table == SsdSchema.S47Enquiries)
        {
            int id = Ordinal(table, "s47e_s47_enquiry_id"), person = Ordinal(table, "s47e_person_id"), start = Ordinal(table, "s47e_s47_start_date");
            return p => _context.NoteS47((string)p[person]!, (DateOnly)p[start]!, (string)p[id]!);
        }
        if (table == SsdSchema.ClaEpisodes)
        {
            int id = Ordinal(table, "clae_cla_episode_id"), cla = Ordinal(table, "clae_cla_id"), person = Ordinal(table, "clae_person_id");
            return p => _context.NoteClaEpisode((string)p[cla]!, (string)p[id]!, _context.ChildKeys[(string)p[person]!]);
        }
        if (table == SsdSchema.MeetingAttendance)
        {
            int meeting = Ordinal(table, "meet_meeting_id"), type = Ordinal(table, "meet_meeting_type"), date = Ordinal(table, "meet_meeting_date"),
                person = Ordinal(table, "meet_person_id"), agency = Ordinal(table, "meet_agency_code"),
                invited = Ordinal(table, "meet_invited"), attended = Ordinal(table, "meet_attended");
            return p => strategy.Add((string)p[meeting]!, (string)p[type]!, (DateOnly)p[date]!, (string)p[person]!,
                (string)p[agency]!, p[invited] as bool?, p[attended] as bool?);
        }
        return null;
    }

    private static int Ordinal(SsdTable table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Name == column) return i;
        }
        throw new ArgumentException($"Table {table.Name} has no column {column}.", nameof(column));
    }

    private async Task InvolvementPrePassAsync(WorkerDimension workers)
    {
        var table = SsdSchema.Involvements;
        int id = Ordinal(table, "invo_involvements_id"), worker = Ordinal(table, "invo_professional_id"),
            start = Ordinal(table, "invo_involvement_start_date"), team = Ordinal(table, "invo_professional_team");
        position.Enter(EtlStage.Extract, table.Name, inject: false);
        await EnsureDuplicatesAsync(table);
        foreach (var p in Validated(table, counter: null, record: false, readAhead: true))
        {
            workers.AddInvolvement((string)p[worker]!, (string)p[id]!, (DateOnly)p[start]!, (string?)p[team]);
        }
    }

    private async Task<TableCounter> StartTableAsync(SsdTable table, string target)
    {
        var counter = new TableCounter(table.Name, target, time);
        counter.StartClock();
        _counters.Add(counter);
        position.Enter(EtlStage.Extract, table.Name);
        var status = _status[table.Name];
        counter.Warning = status.Warning;
        if (status.Present) await EnsureDuplicatesAsync(table);
        return counter;
    }

    private async Task EnsureDuplicatesAsync(SsdTable table)
    {
        if (!_duplicates.ContainsKey(table.Name)) _duplicates[table.Name] = await _duplicateScan.For(table);
    }

    private async Task FinishTableAsync(SsdTable table, TableCounter counter)
    {
        await _staging.WriteQuarantineAsync(_transaction, loadId, counter.Pending, _ct);
        counter.Pending.Clear();
        _references.Complete(table.Name);
        counter.StopClock();
    }

    /// <summary>Validates a dimension's source table, handing each loaded row to <paramref name="collect"/>.</summary>
    private async Task<TableCounter> CollectAsync(SsdTable table, string target, Action<object?[]> collect)
    {
        var counter = await StartTableAsync(table, target);
        foreach (var parsed in Validated(table, counter, record: true, readAhead: true)) collect(parsed);
        await FinishTableAsync(table, counter);
        return counter;
    }

    /// <summary>Streams a fact table from the source through validation and its map into staging.</summary>
    private async Task<TableCounter> StageFactAsync(FactMap map, Action<object?[]>? sideEffect)
    {
        var target = map.Source == SsdSchema.MeetingAttendance
            ? $"{map.Target.Name}, {StrategyDiscussions.Target.Name}"
            : map.Target.Name;
        var counter = await StartTableAsync(map.Source, target);
        await _staging.CreateAsync(_transaction, map.Target.Name, _ct);
        // Read, validate and map on a worker thread while this one hashes each row and writes the staging table (the
        // worker is the busier of the two: the row_hash is done here to even them out, docs/performance.md).
        var rows = Pipelined.Run(Validated(map.Source, counter, record: true, readAhead: false).Select(parsed =>
        {
            sideEffect?.Invoke(parsed);
            return map.MapContent(parsed);
        })).Select(row => map.Target.Finish(row, loadId));
        if (_loaded is { } loaded) rows = Offered(rows, map.Target, loaded);
        await _staging.WriteAsync(_transaction, map.Target, rows, _ct);
        _targets.Add((map.Target, counter));
        position.Enter(EtlStage.Stage, map.Target.Name);
        await FinishTableAsync(map.Source, counter);
        return counter;
    }

    /// <summary>Stages rows built in memory (a dimension or a derived fact).</summary>
    private async Task StageRowsAsync(TargetTable target, IEnumerable<object?[]> rows, TableCounter owner)
    {
        await _staging.CreateAsync(_transaction, target.Name, _ct);
        if (_loaded is { } loaded) rows = Offered(rows, target, loaded);
        await _staging.WriteAsync(_transaction, target, rows, _ct);
        _targets.Add((target, owner));
        position.Enter(EtlStage.Stage, target.Name);
    }

    /// <summary>Hands each row to the indicator step's input as it goes to staging (on the writing thread, one at a time).</summary>
    private static IEnumerable<object?[]> Offered(IEnumerable<object?[]> rows, TargetTable target, LoadedFacts loaded)
    {
        foreach (var row in rows)
        {
            loaded.Offer(target, row);
            yield return row;
        }
    }

    /// <summary>The most rows a table's key sets are sized for before its first row.</summary>
    private const int PresizeCap = 2_000_000;

    /// <summary>
    /// Validates a table's rows as they stream from the source. Each loaded row is yielded as its typed values
    /// (the array is reused: consume it before the next). Rejected rows are counted and kept for the quarantine.
    /// </summary>
    private IEnumerable<object?[]> Validated(SsdTable table, TableCounter? counter, bool record, bool readAhead)
    {
        if (!_status[table.Name].Present) yield break;
        var validator = new RowValidator(table, asOf, _references, _duplicates[table.Name]);
        var targets = record ? _references.Targets(table) : [];
        var parsed = new object?[table.Columns.Count];
        // Sized from the source's row count up front: growing a set of hundreds of thousands of keys rehashes it
        // a dozen times on the validating thread. The count can overstate (SQLite's MAX(rowid) after deletes), so a
        // larger table's sets start at the cap and grow from there as before.
        var expected = (int)Math.Min(_status[table.Name].Rows, PresizeCap);
        // The keys in a TextSet, not strings in a HashSet: kept to the table's end, each string was copied twice by the
        // garbage collector on its way to the old generation (docs/performance.md).
        var loadedKeys = new TextSet(_source.KeyComparer, expected);
        foreach (var (_, values) in targets) values.EnsureCapacity(expected);
        position.Enter(EtlStage.Validate, table.Name, inject: false);
        foreach (var raw in readAhead ? ReadAhead(table) : _source.ReadRows(table, _ct))
        {
            position.RowRead();
            var verdict = validator.Validate(raw, parsed);
            if (counter is not null) counter.Read++;
            if (!verdict.Loaded)
            {
                if (counter is null) continue;
                counter.Quarantined++;
                counter.Pending.Add(verdict.Rejection!);
                continue;
            }
            var key = validator.KeyOf(raw)!;
            if (!loadedKeys.Add(key))
            {
                // The key itself stays out of the message (it may be a child's id and messages reach logs).
                throw new EtlException(
                    $"{table.Name} holds a key more than once in a way the source's duplicate check did not report (check the key column's type and collation), so nothing was loaded.");
            }
            if (counter is not null)
            {
                counter.Loaded++;
                counter.Unknown += verdict.UnknownReferences;
                if (verdict.Repairs is { } repairs)
                {
                    // Loaded with the broken optional fields empty; the originals go to the quarantine as 'repaired'.
                    counter.Repaired++;
                    counter.Pending.AddRange(repairs);
                }
            }
            if (record) ReferenceIndex.Record(targets, parsed);
            yield return parsed;
        }
        position.Enter(EtlStage.Validate, table.Name);
    }

    /// <summary>
    /// A table's source rows, read on a thread of their own while the caller validates them: for the tables validated on
    /// the run's own thread (the dimensions' sources and the involvements pre-pass), where nothing else would use the
    /// second core. A fact table is already split in two (reading and validating on one thread, writing on the other).
    /// Each row is a copy, since <see cref="SourceDatabase.ReadRows"/> reuses its array.
    /// </summary>
    private IEnumerable<object?[]> ReadAhead(SsdTable table) =>
        Pipelined.Run(_source.ReadRows(table, _ct).Select(row => (object?[])row.Clone()));

    private async Task<IReadOnlyList<EtlTableResult>> SwapEverythingAsync()
    {
        var swapStarted = time.GetTimestamp();
        // The returns first (they do not depend on the swap): the engine's input reads them, and is built beside the swap.
        await RunAudit.WriteReturnsAsync(_connection, _transaction, loadId, _returns, _ct);
        // The engine's input is built from the staged rows on the second core while the swap's SQL runs on this one.
        var settings = options.Indicators ?? IndicatorSettings.Default;
        var feeding = _loaded is { } loaded
            ? await FeedBesideSwap.StartAsync(loaded, _connection, _transaction, loadId, [.. _counters.Where(c => c.Warning is not null).Select(c => c.SourceTable)],
                settings, options.ExceptionMonths, _ct)
            : null;
        _loaded = null;
        IReadOnlyList<EtlTableResult> results;
        try
        {
            position.ExpectSwaps(_targets.Count);
            foreach (var (target, owner) in _targets)
            {
                position.Enter(EtlStage.Swap, target.Name);
                var started = time.GetTimestamp();
                var (inserted, deleted) = await Swapper.SwapAsync(_connection, _transaction, warehouse.Dialect, _staging, target, _ct);
                owner.Inserted += inserted;
                owner.Deleted += deleted;
                owner.AddElapsed(time.GetElapsedTime(started));
                position.SwapDone();
            }
            await Swapper.InsertQuarantineAsync(_connection, _transaction, _staging.NameOf(StagingArea.QuarantineTable), _ct);

            position.Enter(EtlStage.Audit, null, inject: false);
            results = _counters.Select(c => c.ToResult()).ToList();
            await RunAudit.WriteTablesAsync(_connection, _transaction, loadId, results, _ct);
        }
        catch
        {
            // The feed holds no connection; it is let finish so that nothing of a failed run is left running.
            if (feeding is not null) await feeding.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        _swapElapsed = time.GetElapsedTime(swapStarted);

        // Indicators read the facts (and this run's etl_load_table, for which sources were present) through the
        // swap transaction, so a failure here leaves the last good data and its indicators exactly as they were.
        position.Enter(EtlStage.Indicators, null);
        var collectElapsed = TimeSpan.Zero;
        IndicatorStep.Feed feed;
        var indicatorStarted = time.GetTimestamp();
        if (feeding is not null)
        {
            feed = await feeding;
        }
        else
        {
            collectElapsed = FeedBesideSwap.CollectLoadGarbage(time);
            indicatorStarted = time.GetTimestamp();
            feed = await IndicatorStep.Feed.ReadAsync(_connection, _transaction, loadId, settings, options.ExceptionMonths, _ct);
        }
        var feedWait = time.GetElapsedTime(indicatorStarted);
        var written = await IndicatorStep.RunAsync(_connection, _transaction, warehouse.BulkWriter, loadId, settings, feed, _ct);
        var indicatorElapsed = time.GetElapsedTime(indicatorStarted);
        Indicators = (indicatorElapsed, written.Results, written.Exceptions);
        Phases = new EtlPhaseTimes
        {
            Stage = _stageElapsed, StageGc = _stageGc, Swap = _swapElapsed, Collect = collectElapsed, IndicatorFeed = feed.Elapsed, IndicatorCompute = written.Compute,
            IndicatorFigures = written.Figures, IndicatorExceptions = written.ExceptionTime,
            FeedBesideSwap = feeding is not null, FeedWait = feeding is not null ? feedWait : TimeSpan.Zero,
        };
        position.Enter(EtlStage.Indicators, "fact_indicator");   // written, not committed: a fault here must roll them back too

        position.Enter(EtlStage.Audit, null, inject: false);
        var elapsed = time.GetElapsedTime(startTimestamp);
        await RunAudit.SucceedAsync(_connection, _transaction, loadId, time.GetUtcNow(), (long)elapsed.TotalMilliseconds,
            (long)indicatorElapsed.TotalMilliseconds, _ct);
        position.Enter(EtlStage.Audit, null);
        return results;
    }
}
