using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// A second, read-only handle on a SQLite database file for streaming its rows with <see cref="SqliteRowReader"/>, opened
/// without a connection mutex (SQLITE_OPEN_NOMUTEX, SQLite's multi-thread mode for this handle only). A handle opened by
/// Microsoft.Data.Sqlite runs in serialized mode, which locks and unlocks the handle's mutex on every API call: a step
/// and two or three calls per column, 11-14% of the nightly load's validating thread (docs/performance.md). Multi-thread
/// mode is safe only while no two threads use the handle at the same time, which this class guarantees for itself:
/// nothing else can reach the handle, it runs one read at a time (a second read while one is open is refused, so is any
/// read after one was abandoned without being disposed), and each read's statement is finalized when its enumeration
/// ends, on the thread that ran it. All reads share one read transaction, so every table comes from one snapshot.
/// The process-wide threading mode stays serialized (docs/performance.md says why).
/// </summary>
public sealed class SqliteRowSource : IDisposable
{
    private readonly sqlite3 _db;
    private int _reading;
    private IEnumerator<object?[]>? _open;

    private SqliteRowSource(sqlite3 db) => _db = db;

    /// <summary>
    /// A handle on the file <paramref name="connection"/> has open as its main database, opened as the connection was
    /// (a <c>file:</c> URI keeps its parameters, such as immutable=1); null when there is none a second handle could
    /// see (an in-memory or temporary database) or it cannot be opened, and the caller then reads on the connection.
    /// </summary>
    public static SqliteRowSource? OpenBeside(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var file = raw.sqlite3_db_filename(handle, "main").utf8_to_string();
        if (string.IsNullOrEmpty(file)) return null;
        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        var uri = dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        var flags = raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX | (uri ? raw.SQLITE_OPEN_URI : 0);
        var rc = raw.sqlite3_open_v2(uri ? dataSource : file, out var db, flags, null);
        // Deferred: the snapshot starts with the first row read and holds until the handle is closed.
        if (rc == raw.SQLITE_OK) rc = raw.sqlite3_exec(db, "BEGIN");
        if (rc == raw.SQLITE_OK) return new SqliteRowSource(db);
        db.Dispose();
        return null;
    }

    /// <summary>The rows of <paramref name="sql"/>, as <see cref="SqliteRowReader.Read"/> gives them. The array is reused: copy what you keep.</summary>
    public IEnumerable<object?[]> Read(string sql, int columns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ObjectDisposedException.ThrowIf(_db.IsClosed, this);
        return OneAtATime(sql, columns, cancellationToken);
    }

    private IEnumerable<object?[]> OneAtATime(string sql, int columns, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _reading, 1, 0) != 0)
        {
            throw new InvalidOperationException("The source handle reads one query at a time, and another read is still open.");
        }
        // Held here as well as by the caller, so a read abandoned without being disposed keeps its statement reachable
        // until Dispose finalizes it (never the finalizer thread while this thread closes the handle).
        var rows = SqliteRowReader.Rows(_db, sql, columns, cancellationToken).GetEnumerator();
        _open = rows;
        try
        {
            while (rows.MoveNext()) yield return rows.Current;
        }
        finally
        {
            rows.Dispose();
            _open = null;
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Finalizes a read left open, then closes the handle (its read transaction ends with it).</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _open, null)?.Dispose();
        _db.Dispose();
    }
}
