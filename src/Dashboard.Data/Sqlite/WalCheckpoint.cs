using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// Moves the write-ahead log's checkpoint of a large SQLite transaction out of its commit. A nightly run writes the
/// whole warehouse in one transaction, so its commit leaves hundreds of megabytes in the log, and SQLite's automatic
/// checkpoint (at 1000 pages) then copies all of it into the database file inside the commit call, before anyone can
/// be told the new figures are there. Readers see the committed data through the log at once, so the commit is
/// made without it and the checkpoint is run straight after, on the same connection: the run still leaves the log
/// checkpointed (a later small write, such as a user saving a finding, must not inherit the copy), but the figures
/// are readable a checkpoint earlier. Other databases: nothing to do.
/// </summary>
public static class WalCheckpoint
{
    /// <summary>SQLite's own default, restored on the connection (it goes back to the pool).</summary>
    public const int AutomaticPages = 1000;

    /// <summary>Turns the automatic checkpoint off on this connection until <see cref="RunAsync"/>; call just before the commit.</summary>
    public static async Task DeferAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        if (connection is not SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA wal_autocheckpoint=0;";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// <see cref="RunAsync"/> once the transaction has committed: a checkpoint that fails must not turn a committed run
    /// into a failed one (the log is then left to the automatic checkpoint, which every newly opened connection has on).
    /// </summary>
    public static async Task AfterCommitAsync(DbConnection connection)
    {
        try
        {
            await RunAsync(connection, checkpoint: true);
        }
        catch (DbException)
        {
            // The figures are committed; only the copy into the file waits for the next automatic checkpoint.
        }
    }

    /// <summary>
    /// Checkpoints what the log holds (PASSIVE, as the automatic one: it never waits for readers, and copies what no
    /// reader still needs) and turns the automatic checkpoint back on. Call after the commit, also when the run failed.
    /// </summary>
    public static async Task RunAsync(DbConnection connection, bool checkpoint)
    {
        if (connection is not SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = (checkpoint ? "PRAGMA wal_checkpoint(PASSIVE); " : "")
            + $"PRAGMA wal_autocheckpoint={AutomaticPages};";
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
