using System.Data.Common;
using System.Globalization;
using Dashboard.Data;
using Dashboard.Data.Locking;
using Dashboard.Etl.Load;
using Dashboard.Etl.Source;

namespace Dashboard.Etl;

/// <summary>
/// Runs the nightly ETL: Prepare (migrate and seed the warehouse, take the "etl" lock, record the run as
/// running), then extract, validate, conform and stage every table, then swap it all in with the audit in ONE
/// transaction, then release the lock. A run that fails leaves the warehouse exactly as it was, is recorded
/// as 'failed' with its message, and throws an <see cref="EtlException"/> whose message is one sentence for
/// the user. A cancelled run is recorded as failed and throws OperationCanceledException.
/// </summary>
public sealed class EtlRunner(TimeProvider time)
{
    public const string LockName = "etl";

    public EtlRunner()
        : this(TimeProvider.System)
    {
    }

    public async Task<EtlRunResult> RunAsync(EtlOptions options, IProgress<EtlProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        // A source made from statutory returns runs to its latest reference date, not to today: loading it as at today
        // would count the months since as months in which nothing happened.
        var asOf = options.AsOf ?? await SourceDatabase.ReturnsReferenceDateAsync(options.Source, ct) ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var position = new RunPosition(progress, options.Faults);
        position.Enter(EtlStage.Prepare, null, inject: false);

        // Refuse at once if another run holds the lock (a read), before Prepare writes anything: on SQLite it would
        // otherwise wait on the other run's write transaction and fail with a less useful message.
        var run = new RunStart(startedAt, options.TriggerKind, options.Source.Provider, SourceDatabase.Describe(options.Source),
            asOf, Environment.MachineName);
        if (await HeldByAnotherAsync(options.Warehouse, ct) is { } heldBy)
        {
            var early = new EtlException(LockRefusal(heldBy));
            await RecordRefusalAsync(Warehouse.Connect(options.Warehouse), run, early.Message, started);
            throw early;
        }
        var warehouse = await PrepareWarehouseAsync(options.Warehouse, ct);

        WarehouseLockHandle? handle;
        try
        {
            handle = await WarehouseLock.TryAcquireAsync(warehouse, LockName, LockOwner.CurrentProcess(), options.LockLifetime, time,
                cancellationToken: ct);
        }
        catch (Exception ex) when (ex is DbException or WarehouseUnavailableException)
        {
            throw new EtlException($"Cannot take the warehouse lock on {SourceDatabase.Describe(options.Warehouse)}: {FirstSentence(ex.Message)}", ex);
        }
        if (handle is null)
        {
            var refusal = new EtlException(await LockRefusalAsync(warehouse, ct));
            await RecordRefusalAsync(warehouse, run, refusal.Message, started);
            throw refusal;
        }

        // The lease is short and renewed while this run is alive; should it be lost (the warehouse unreachable for a
        // whole lease, and another run took over), the run stops before it commits anything.
        using var guarded = CancellationTokenSource.CreateLinkedTokenSource(ct, handle.Lost);
        var runToken = guarded.Token;
        long loadId = 0;
        try
        {
            handle.StartHeartbeat(options.LockLifetime / 4);
            await RunAudit.CloseAbandonedAsync(warehouse, time.GetUtcNow(), runToken);
            loadId = await RunAudit.StartAsync(warehouse, run, runToken);
            position.Enter(EtlStage.Prepare, null);
            var pipeline = new LoadPipeline(options, warehouse, loadId, asOf, position, time, started);
            var (tables, warnings) = await pipeline.RunAsync(runToken);
            return new EtlRunResult(loadId, "succeeded", time.GetElapsedTime(started), tables, warnings)
            {
                IndicatorElapsed = pipeline.Indicators.Elapsed,
                IndicatorRows = pipeline.Indicators.Results,
                ExceptionRows = pipeline.Indicators.Exceptions,
                Phases = pipeline.Phases,
            };
        }
        catch (OperationCanceledException) when (handle.Lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var lost = new EtlException("The run lost the warehouse lock (it could not renew its lease in time) and stopped; the warehouse is unchanged.");
            if (loadId != 0) await RecordFailureAsync(warehouse, loadId, lost.Message, started);
            throw lost;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (loadId != 0) await RecordFailureAsync(warehouse, loadId, "The run was cancelled; the warehouse is unchanged.", started);
            throw;
        }
        catch (EtlException ex)
        {
            if (loadId != 0) await RecordFailureAsync(warehouse, loadId, ex.Message, started);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var table = position.Table is null ? "" : $" ({position.Table})";
            var failure = new EtlException(
                $"The ETL run failed unexpectedly at the {position.Stage} stage{table} and the warehouse was left unchanged: {FirstSentence(ex.Message)}",
                ex);
            if (loadId != 0) await RecordFailureAsync(warehouse, loadId, failure.Message, started);
            throw failure;
        }
        finally
        {
            await ReleaseAsync(handle);
        }
    }

    private static async Task<IConnectionFactory> PrepareWarehouseAsync(DatabaseTarget target, CancellationToken ct)
    {
        try
        {
            var warehouse = Warehouse.Connect(target);
            await WarehouseSetup.PrepareAsync(warehouse, ct);
            return warehouse;
        }
        catch (WarehouseUnavailableException ex)
        {
            throw new EtlException(ex.Message, ex);   // already one sentence naming the warehouse
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new EtlException($"Cannot prepare the warehouse {SourceDatabase.Describe(target)}: {FirstSentence(ex.Message)}", ex);
        }
    }

    private async Task<string> LockRefusalAsync(IConnectionFactory warehouse, CancellationToken ct)
    {
        WarehouseLockInfo? held = null;
        try
        {
            held = await WarehouseLock.CurrentHolderAsync(warehouse, LockName, time, ct);
        }
        catch (Exception ex) when (ex is DbException or FormatException or WarehouseUnavailableException)
        {
            // Only the message loses detail.
        }
        return held is null ? "Another ETL run holds the warehouse lock; try again later." : LockRefusal(held);
    }

    /// <summary>Names the live holder (host, pid, when its process started) and when its lease lapses if it stops renewing.</summary>
    private string LockRefusal(WarehouseLockInfo held)
    {
        string Local(DateTimeOffset at, string format) => TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString(format, CultureInfo.InvariantCulture);
        var who = held.Owner is { } owner
            ? $"host {owner.Host}, pid {owner.ProcessId} started {Local(owner.ProcessStartedAt, "yyyy-MM-dd HH:mm:ss")}, holding it since {Local(held.AcquiredAt, "HH:mm")}"
            : $"{held.Holder} since {Local(held.AcquiredAt, "HH:mm")}";
        return $"Another ETL run holds the warehouse lock ({who}; its lease expires at {Local(held.ExpiresAt, "HH:mm:ss")} unless that run renews it); try again later.";
    }

    /// <summary>The current holder of the lock, or null when it is free or the warehouse is new (no etl_lock yet).</summary>
    private async Task<WarehouseLockInfo?> HeldByAnotherAsync(DatabaseTarget target, CancellationToken ct)
    {
        try
        {
            return await WarehouseLock.CurrentHolderAsync(Warehouse.Connect(target), LockName, time, ct);
        }
        catch (Exception ex) when (ex is DbException or FormatException or WarehouseUnavailableException or ArgumentException)
        {
            return null;   // a new or unreachable warehouse: Prepare says what is wrong
        }
    }

    // A refused run is recorded too (as failed), so the audit shows every attempt; but a refusal never waits long
    // for the other run's write transaction to record itself (it is then only reported to the caller).
    private async Task RecordRefusalAsync(IConnectionFactory warehouse, RunStart run, string message, long started)
    {
        try
        {
            var id = await RunAudit.StartAsync(warehouse, run, CancellationToken.None, waitBriefly: true);
            await RecordFailureAsync(warehouse, id, message, started);
        }
        catch (DbException)
        {
            // The refusal itself is what matters to the caller.
        }
    }

    private Task<bool> RecordFailureAsync(IConnectionFactory warehouse, long loadId, string message, long started) =>
        RunAudit.FailAsync(warehouse, loadId, time.GetUtcNow(), (long)time.GetElapsedTime(started).TotalMilliseconds, message);

    private static async Task ReleaseAsync(WarehouseLockHandle handle)
    {
        try
        {
            await handle.DisposeAsync();
        }
        catch (DbException)
        {
            // The lock expires on its own (LockLifetime); the run's outcome stands.
        }
    }

    /// <summary>The first sentence of a driver's message: enough to act on, and it keeps out the values some
    /// drivers add in later sentences (SQL Server: "The duplicate key value is (...)."), which may be child ids.</summary>
    internal static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        if (end >= 0) line = line[..end];
        return line.EndsWith('.') ? line : line + ".";
    }
}
