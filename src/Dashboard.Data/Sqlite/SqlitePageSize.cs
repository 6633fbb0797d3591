namespace Dashboard.Data.Sqlite;

/// <summary>
/// The page size a SQLite warehouse is created with, and its sessions' TEMP tables (the nightly run's staging).
/// A nightly run writes every table whole in one transaction: with SQLite's default 4 KiB pages that is about a
/// quarter of a million pages, each written to the write-ahead log and again by the checkpoint with a system call
/// of its own, and each split and balanced in the B-trees on the way. 16 KiB pages do the same work in a quarter of
/// the page writes (docs/performance.md measures it). SQLite fixes a database's page size when the file is first
/// written, so an existing warehouse keeps the size it was made with (a VACUUM outside WAL mode would change it);
/// the pragma is a no-op there.
/// </summary>
public static class SqlitePageSize
{
    public const int Bytes = 16_384;

    /// <summary>Sets the page size of a database not yet written and of the session's TEMP database not yet made.</summary>
    public static readonly string Pragmas = $"PRAGMA main.page_size={Bytes}; PRAGMA temp.page_size={Bytes}; ";
}
