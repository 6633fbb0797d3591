using System.Data.Common;
using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Locking;

/// <summary>
/// A named lock held as a row in etl_lock, so two ETL runs against one warehouse never overlap even
/// from different machines. A lock expires (a killed process cannot block the nightly run for ever).
/// Times are UTC ISO text (yyyy-MM-ddTHH:mm:ss.fffZ), which compares correctly as text in SQLite and converts
/// to DATETIMEOFFSET in SQL Server.
/// </summary>
public static class WarehouseLock
{
    private const string DeleteExpired = "DELETE FROM etl_lock WHERE lock_name = @Name AND expires_at <= @Now";

    private const string Insert = """
        INSERT INTO etl_lock (lock_name, holder, acquired_at, expires_at)
        SELECT @Name, @Holder, @AcquiredAt, @ExpiresAt
        WHERE NOT EXISTS (SELECT 1 FROM etl_lock WHERE lock_name = @Name)
        """;

    private const string SelectHolder =
        "SELECT holder AS Holder, acquired_at AS AcquiredAt, expires_at AS ExpiresAt FROM etl_lock WHERE lock_name = @Name";

    /// <summary>Takes the lock, or returns null when someone else holds an unexpired one (see
    /// <see cref="CurrentHolderAsync"/> for who). Dispose the handle to release.</summary>
    public static async Task<WarehouseLockHandle?> TryAcquireAsync(
        IConnectionFactory connections, string name, string holder, TimeSpan lifetime, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        var now = time.GetUtcNow();
        var acquiredAt = IsoText.Timestamp(now);
        var expiresAt = now + lifetime;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteExpired, new { Name = name, Now = acquiredAt }, transaction,
                cancellationToken: cancellationToken));
            var inserted = await connection.ExecuteAsync(new CommandDefinition(Insert,
                new { Name = name, Holder = holder, AcquiredAt = acquiredAt, ExpiresAt = IsoText.Timestamp(expiresAt) }, transaction,
                cancellationToken: cancellationToken));
            if (inserted != 1) return null;
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null; // another process inserted between our check and our insert (SQL Server, READ COMMITTED)
        }
        return new WarehouseLockHandle(connections, name, holder, acquiredAt, expiresAt, lifetime, time);
    }

    /// <summary>Who holds the lock now, or null when it is free (no row, or only an expired one).</summary>
    public static async Task<WarehouseLockInfo?> CurrentHolderAsync(
        IConnectionFactory connections, string name, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(time);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LockRow>(new CommandDefinition(SelectHolder, new { Name = name },
            cancellationToken: cancellationToken));
        if (row is null) return null;
        var info = new WarehouseLockInfo(name, row.Holder, IsoText.ToTimestamp(row.AcquiredAt!, "etl_lock.acquired_at"),
            IsoText.ToTimestamp(row.ExpiresAt!, "etl_lock.expires_at"));
        return info.ExpiresAt <= time.GetUtcNow() ? null : info;
    }

    private sealed class LockRow
    {
        public string Holder { get; set; } = "";

        public object? AcquiredAt { get; set; }

        public object? ExpiresAt { get; set; }
    }
}

/// <summary>A lock row as read back: who holds it and until when.</summary>
public sealed record WarehouseLockInfo(string Name, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);

/// <summary>A held lock; disposing it releases the lock.</summary>
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

    /// <summary>Deletes the lock row if it is still ours (same holder and acquisition). Errors are thrown.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_released) return;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Delete, new { Name, Holder, AcquiredAt = _acquiredAt },
            cancellationToken: cancellationToken));
        _released = true;
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
