namespace Dashboard.Data.Locking;

/// <summary>
/// A named lock held as a row in etl_lock, so two ETL runs against one warehouse never overlap even
/// from different machines. A lock expires (a killed process cannot block the nightly run for ever).
/// </summary>
public static class WarehouseLock
{
    /// <summary>Takes the lock, or returns null (with the current holder in <paramref name="heldBy"/>)
    /// when someone else holds an unexpired one. Dispose the handle to release.</summary>
    public static Task<WarehouseLockHandle?> TryAcquireAsync(
        IConnectionFactory connections, string name, string holder, TimeSpan lifetime, TimeProvider time,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

/// <summary>A held lock; disposing it releases the lock.</summary>
public sealed class WarehouseLockHandle : IAsyncDisposable
{
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
