using System.Data.Common;
using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Locking;

/// <summary>A held lock; disposing it stops its heartbeat and releases the lock.</summary>
public sealed class WarehouseLockHandle : IAsyncDisposable
{
    private const string Delete =
        "DELETE FROM etl_lock WHERE lock_name = @Name AND holder = @Holder AND acquired_at = @AcquiredAt";

    private const string Extend =
        "UPDATE etl_lock SET expires_at = @ExpiresAt WHERE lock_name = @Name AND holder = @Holder AND acquired_at = @AcquiredAt";

    private readonly IConnectionFactory _connections;
    private readonly string _acquiredAt;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _lost = new();
    private CancellationTokenSource? _heartbeatStop;
    private Task? _heartbeat;
    private bool _released;

    internal WarehouseLockHandle(IConnectionFactory connections, string name, string holder, string acquiredAt,
        DateTimeOffset expiresAt, TimeSpan lifetime, TimeProvider time)
    {
        _connections = connections;
        Name = name;
        Holder = holder;
        _acquiredAt = acquiredAt;
        ExpiresAt = expiresAt;
        _lifetime = lifetime;
        _time = time;
    }

    public string Name { get; }

    public string Holder { get; }

    /// <summary>When the lock lapses unless renewed.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Cancelled when the heartbeat finds the lock is no longer ours (it lapsed while no renewal got through
    /// and another run took it): work done under the lock must stop rather than commit.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Renews the lease every <paramref name="interval"/> (a fraction of the lease, so one or two failed
    /// renewals, such as a moment's busy database, do not lose it) until the handle is disposed.</summary>
    public void StartHeartbeat(TimeSpan interval)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(interval, _lifetime);
        if (_heartbeat is not null) throw new InvalidOperationException("The heartbeat is already running.");
        _heartbeatStop = new CancellationTokenSource();
        _heartbeat = BeatAsync(interval, _heartbeatStop.Token);
    }

    private async Task BeatAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                bool ours;
                try
                {
                    ours = await RenewAsync(stop);
                }
                catch (Exception ex) when (ex is DbException or WarehouseUnavailableException)
                {
                    // Busy or briefly unreachable: try again next beat. On SQLite this is the run's own swap, which
                    // holds the only write lock for as long as it takes, so no other run can take the lock meanwhile
                    // even once the lease has run out; only a renewal that finds the row gone or another's says "lost".
                    ours = true;
                }
                if (!ours)
                {
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the lock is being released.
        }
    }

    /// <summary>Pushes the expiry out by the lifetime again (a run that takes longer than expected).
    /// False when the lock is no longer ours: it expired and someone else took it.</summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var expiresAt = _time.GetUtcNow() + _lifetime;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(Extend,
            new { Name, Holder, AcquiredAt = _acquiredAt, ExpiresAt = IsoText.Timestamp(expiresAt) }, cancellationToken: cancellationToken));
        if (updated == 1) ExpiresAt = expiresAt;
        return updated == 1;
    }

    /// <summary>Stops the heartbeat, then deletes the lock row if it is still ours (same holder and acquisition).
    /// Errors are thrown.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_released) return;
        await StopHeartbeatAsync();
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Delete, new { Name, Holder, AcquiredAt = _acquiredAt },
            cancellationToken: cancellationToken));
        _released = true;
    }

    private async Task StopHeartbeatAsync()
    {
        if (_heartbeat is null) return;
        await _heartbeatStop!.CancelAsync();
        await _heartbeat;
        _heartbeat = null;
        _heartbeatStop.Dispose();
    }

    /// <summary>Releases the lock. A database error here is swallowed so it cannot hide the error that ended the
    /// run; the row then simply expires. Call <see cref="ReleaseAsync"/> to see such errors.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync();
        }
        catch (Exception ex) when (ex is DbException or WarehouseUnavailableException)
        {
            _released = true;
        }
    }
}
