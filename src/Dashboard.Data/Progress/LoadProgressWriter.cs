using System.Data.Common;
using System.Threading.Channels;
using Dashboard.Data.Locking;

namespace Dashboard.Data.Progress;

/// <summary>
/// Puts a running load's progress on its board, cheaply enough to sit behind the load's own progress reports: at each
/// stage change, otherwise at most every <see cref="MinimumInterval"/>; and every <see cref="Heartbeat"/> during a long
/// stage with nothing new, so a reader can tell a load that is working from one that stopped. The load never waits
/// for the board: <see cref="Report"/> only hands the newest state to a background writer, and a board that cannot be
/// written (a full disk, a lost connection) is counted in <see cref="Failures"/>, never thrown into the load.
/// </summary>
public sealed class LoadProgressWriter : IAsyncDisposable
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    private readonly ILoadProgressBoard _board;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<long?>>? _findLoadId;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Task _writing;
    private LoadProgress _current;
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;
    private bool _completed;
    private int _failures;

    /// <param name="findLoadId">Finds the run's etl_load_run row once the run has recorded it (after Prepare); null
    /// leaves the board without a load id until <see cref="CompleteAsync"/> names it.</param>
    public LoadProgressWriter(ILoadProgressBoard board, LockOwner process, TimeProvider time, Func<CancellationToken, Task<long?>>? findLoadId = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(process);
        _board = board;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _findLoadId = findLoadId;
        var now = time.GetUtcNow();
        _current = new LoadProgress(null, now, "Prepare", null, 0, now, process.Host, process.ProcessId, process.ProcessStartedAt);
        _queue.Writer.TryWrite(_current);
        _lastPublished = now;
        _writing = Task.Run(WriteLoopAsync);
    }

    /// <summary>Board writes that failed (the load went on regardless).</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>The last failure's message, for one warning at the end of the load.</summary>
    public string? LastError { get; private set; }

    /// <summary>Whether the newest write reached the board (false also before the first write).</summary>
    public bool LastWriteSucceeded { get; private set; }

    /// <summary>The load's newest position; the load reports from two threads (reading and writing), so this locks.</summary>
    public void Report(string stage, string? table, double fraction)
    {
        lock (_gate)
        {
            if (_completed) return;
            var now = _time.GetUtcNow();
            var stageChanged = !string.Equals(stage, _current.Stage, StringComparison.Ordinal);
            _current = _current with { Stage = stage, Table = table, Fraction = Math.Clamp(fraction, 0, 1), UpdatedAt = now };
            if (!stageChanged && now - _lastPublished < MinimumInterval) return;
            _lastPublished = now;
            _queue.Writer.TryWrite(_current);
        }
    }

    /// <summary>Waits until everything reported so far is on the board (tests; the end of a load).</summary>
    public Task FlushAsync()
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_queue.Writer.TryWrite(written)) return _writing;
        }
        return written.Task;
    }

    /// <summary>Marks the board finished with how the load ended, writes it, and stops the writer.</summary>
    /// <param name="loadId">The run, when the caller knows it (a succeeded load's result names it).</param>
    public async Task CompleteAsync(string outcome, long? loadId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        lock (_gate)
        {
            // A second call (DisposeAsync after CompleteAsync) changes nothing but still waits for the last write.
            if (!_completed) End(outcome, loadId);
        }
        await _writing;
    }

    /// <summary>The ending, queued as the last write (under <see cref="_gate"/>).</summary>
    private void End(string outcome, long? loadId)
    {
        _completed = true;
        var now = _time.GetUtcNow();
        _current = _current with
        {
            LoadId = loadId ?? _current.LoadId,
            Fraction = outcome == LoadOutcomes.Succeeded ? 1 : _current.Fraction,
            UpdatedAt = now,
            Outcome = outcome,
            FinishedAt = now,
        };
        _queue.Writer.TryWrite(_current);
        _queue.Writer.TryComplete();
    }

    /// <summary>A writer disposed without <see cref="CompleteAsync"/> (an exception the caller did not expect) records a failed load.</summary>
    public async ValueTask DisposeAsync() => await CompleteAsync(LoadOutcomes.Failed, null);

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (true)
        {
            bool more;
            using (var quiet = new CancellationTokenSource(Heartbeat, _time))
            {
                try
                {
                    more = await reader.WaitToReadAsync(quiet.Token);
                }
                catch (OperationCanceledException)
                {
                    await HeartbeatAsync();
                    continue;
                }
            }
            if (!more) return;
            // Only the newest state matters: everything queued since the last write is folded into one write.
            LoadProgress? newest = null;
            var flushes = new List<TaskCompletionSource>();
            while (reader.TryRead(out var item))
            {
                if (item is LoadProgress p) newest = p;
                else if (item is TaskCompletionSource flush) flushes.Add(flush);
            }
            if (newest is not null) await WriteAsync(newest);
            foreach (var flush in flushes) flush.TrySetResult();
        }
    }

    private async Task HeartbeatAsync()
    {
        LoadProgress beat;
        lock (_gate)
        {
            if (_completed) return;
            _current = _current with { UpdatedAt = _time.GetUtcNow() };
            beat = _current;
        }
        await WriteAsync(beat);
    }

    private async Task WriteAsync(LoadProgress progress)
    {
        if (progress.LoadId is null && progress.Stage != "Prepare" && _findLoadId is not null)
        {
            var id = await Try(() => _findLoadId(CancellationToken.None));
            if (id is not null)
            {
                lock (_gate) _current = _current with { LoadId = _current.LoadId ?? id };
                progress = progress with { LoadId = id };
            }
        }
        LastWriteSucceeded = await Try(async () =>
        {
            await _board.WriteAsync(progress);
            return 1L;
        }) is not null;
    }

    private async Task<long?> Try(Func<Task<long?>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException or TimeoutException
                                       or WarehouseUnavailableException or InvalidOperationException)
        {
            Interlocked.Increment(ref _failures);
            LastError = ex.Message;
            return null;
        }
    }
}
