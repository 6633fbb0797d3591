using SQLitePCL;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// The one process-wide SQLite setting the product changes: memory statistics off (SQLITE_CONFIG_MEMSTATUS 0). With them
/// on (e_sqlite3's default), every allocation and free inside SQLite takes one global mutex to keep the counters, shared
/// by every connection on every thread: the nightly run's reading, writing and engine threads all contend for it. Nothing
/// in the product reads those counters (sqlite3_memory_used, sqlite3_status, the heap limits), so turning them off
/// changes no result; SQLite recommends the same at compile time (SQLITE_DEFAULT_MEMSTATUS=0).
/// SQLite accepts configuration only before it initialises, which the first connection opened does, so each entry point
/// calls <see cref="Apply"/> first thing; a process where SQLite started earlier simply keeps the default (no harm, no
/// gain). The threading mode is deliberately left serialized: see docs/performance.md (issue 16, SQLite calls) for why
/// multi-thread mode is not safe with SQLitePCLRaw's finalizers.
/// </summary>
public static class SqliteProcessSettings
{
    private static readonly Lock Gate = new();
    private static int? _result;

    /// <summary>
    /// Turns SQLite's memory statistics off if SQLite has not started yet. Returns SQLite's answer, the same on every call:
    /// SQLITE_OK (0) if it took effect, SQLITE_MISUSE (21) if SQLite was already initialised in this process.
    /// </summary>
    public static int Apply()
    {
        lock (Gate)
        {
            if (_result is { } done) return done;
            // Points SQLitePCLRaw at e_sqlite3 (what Microsoft.Data.Sqlite does on first use); it does not initialise SQLite.
            Batteries_V2.Init();
            _result = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
            return _result.Value;
        }
    }

    /// <summary>True once <see cref="Apply"/> has turned the statistics off in this process.</summary>
    public static bool MemoryStatisticsOff
    {
        get
        {
            lock (Gate) return _result == raw.SQLITE_OK;
        }
    }
}
