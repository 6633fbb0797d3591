using System.Data.Common;
using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Locking;

/// <summary>
/// A named lock held as a row in etl_lock, so two ETL runs against one warehouse never overlap even from different
/// machines. The lock is a short lease that its holder renews while it runs (<see cref="WarehouseLockHandle.StartHeartbeat"/>),
/// so a run that died blocks the next for one lease at most; and a holder on this same host whose process is gone (pid
/// not running, or running but started at another time: a reused pid) is taken over at once.
/// Times are UTC ISO text (yyyy-MM-ddTHH:mm:ss.fffZ), which compares correctly as text in SQLite and converts
/// to DATETIMEOFFSET in SQL Server.
/// </summary>
public static class WarehouseLock
{
    private const string DeleteExpired = "DELETE FROM etl_lock WHERE lock_name = @Name AND expires_at <= @Now";

    // Deletes exactly the row that was judged dead (same holder, same acquisition), never one taken meanwhile.
    private const string DeleteDead =
        "DELETE FROM etl_lock WHERE lock_name = @Name AND holder = @Holder AND acquired_at = @AcquiredAt";

    private const string Insert = """
        INSERT INTO etl_lock (lock_name, holder, acquired_at, expires_at, host, process_id, process_started_at)
        SELECT @Name, @Holder, @AcquiredAt, @ExpiresAt, @Host, @ProcessId, @ProcessStartedAt
        WHERE NOT EXISTS (SELECT 1 FROM etl_lock WHERE lock_name = @Name)
        """;

    private const string SelectHolder = """
        SELECT holder AS Holder, acquired_at AS AcquiredAt, expires_at AS ExpiresAt,
               host AS Host, process_id AS ProcessId, process_started_at AS ProcessStartedAt
        FROM etl_lock WHERE lock_name = @Name
        """;

    /// <summary>Takes the lock for <paramref name="owner"/>, or returns null when another live holder has an unexpired
    /// lease (see <see cref="CurrentHolderAsync"/> for who). A dead holder on this host is removed first.
    /// Dispose the handle to release; start its heartbeat to keep a short lease alive.</summary>
    public static Task<WarehouseLockHandle?> TryAcquireAsync(
        IConnectionFactory connections, string name, LockOwner owner, TimeSpan lease, TimeProvider time,
        IProcessProbe? processes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return AcquireAsync(connections, name, owner.Describe(), owner, lease, time, processes ?? OperatingSystemProcessProbe.Instance,
            cancellationToken);
    }

    /// <summary>Takes the lock for a holder named only by text (no process to check): it lapses with its lease only.</summary>
    public static Task<WarehouseLockHandle?> TryAcquireAsync(
        IConnectionFactory connections, string name, string holder, TimeSpan lifetime, TimeProvider time,
        CancellationToken cancellationToken = default) =>
        AcquireAsync(connections, name, holder, null, lifetime, time, OperatingSystemProcessProbe.Instance, cancellationToken);

    private static async Task<WarehouseLockHandle?> AcquireAsync(
        IConnectionFactory connections, string name, string holder, LockOwner? owner, TimeSpan lease, TimeProvider time,
        IProcessProbe processes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);

        var now = time.GetUtcNow();
        var acquiredAt = IsoText.Timestamp(now);
        var expiresAt = now + lease;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteExpired, new { Name = name, Now = acquiredAt }, transaction,
                cancellationToken: cancellationToken));
            var current = await connection.QuerySingleOrDefaultAsync<LockRow>(new CommandDefinition(SelectHolder, new { Name = name },
                transaction, cancellationToken: cancellationToken));
            if (current is not null && IsDeadOnThisHost(current, processes))
            {
                await connection.ExecuteAsync(new CommandDefinition(DeleteDead,
                    new { Name = name, current.Holder, current.AcquiredAt }, transaction, cancellationToken: cancellationToken));
            }
            var inserted = await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                Name = name,
                Holder = holder,
                AcquiredAt = acquiredAt,
                ExpiresAt = IsoText.Timestamp(expiresAt),
                owner?.Host,
                owner?.ProcessId,
                ProcessStartedAt = owner is null ? null : IsoText.Timestamp(owner.ProcessStartedAt),
            }, transaction, cancellationToken: cancellationToken));
            if (inserted != 1) return null;
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null; // another process inserted between our check and our insert (SQL Server, READ COMMITTED)
        }
        return new WarehouseLockHandle(connections, name, holder, acquiredAt, expiresAt, lease, time);
    }

    /// <summary>Who holds the lock now, or null when it is free: no row, an expired lease, or a holder on this host
    /// whose process is gone (the next acquire takes such a lock over at once).</summary>
    public static Task<WarehouseLockInfo?> CurrentHolderAsync(
        IConnectionFactory connections, string name, TimeProvider time, CancellationToken cancellationToken = default) =>
        CurrentHolderAsync(connections, name, time, null, cancellationToken);

    /// <inheritdoc cref="CurrentHolderAsync(IConnectionFactory, string, TimeProvider, CancellationToken)"/>
    public static async Task<WarehouseLockInfo?> CurrentHolderAsync(
        IConnectionFactory connections, string name, TimeProvider time, IProcessProbe? processes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(time);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LockRow>(new CommandDefinition(SelectHolder, new { Name = name },
            cancellationToken: cancellationToken));
        if (row is null || IsDeadOnThisHost(row, processes ?? OperatingSystemProcessProbe.Instance)) return null;
        var info = new WarehouseLockInfo(name, row.Holder, IsoText.ToTimestamp(row.AcquiredAt!, "etl_lock.acquired_at"),
            IsoText.ToTimestamp(row.ExpiresAt!, "etl_lock.expires_at"))
        {
            Owner = row.Host is { Length: > 0 } host && row.ProcessId is { } pid && row.ProcessStartedAt is not null
                ? new LockOwner(host, (int)pid, IsoText.ToTimestamp(row.ProcessStartedAt, "etl_lock.process_started_at"))
                : null,
        };
        return info.ExpiresAt <= time.GetUtcNow() ? null : info;
    }

    /// <summary>Only a holder on this machine can be checked; one elsewhere lapses with its lease.</summary>
    private static bool IsDeadOnThisHost(LockRow row, IProcessProbe processes) =>
        row.Host is { Length: > 0 } host && row.ProcessId is { } pid && row.ProcessStartedAt is not null
        && string.Equals(host, processes.Host, StringComparison.OrdinalIgnoreCase)
        && !processes.IsRunning((int)pid, IsoText.ToTimestamp(row.ProcessStartedAt, "etl_lock.process_started_at"));

    private sealed class LockRow
    {
        public string Holder { get; set; } = "";

        public object? AcquiredAt { get; set; }

        public object? ExpiresAt { get; set; }

        public string? Host { get; set; }

        public long? ProcessId { get; set; }

        public object? ProcessStartedAt { get; set; }
    }
}

/// <summary>A lock row as read back: who holds it and until when its lease runs.</summary>
public sealed record WarehouseLockInfo(string Name, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The holding process, when the row names one (rows written before migration 0009 do not).</summary>
    public LockOwner? Owner { get; init; }
}
