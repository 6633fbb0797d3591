using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// Streams the rows of one SELECT on a SQLite connection's own handle, inside whatever transaction the connection
/// has open (the ETL's source snapshot). Each value comes back as Microsoft.Data.Sqlite's GetValue would return it
/// for the value's storage class (INTEGER long, REAL double, TEXT string, BLOB byte[], NULL null), so a caller can
/// use it in place of a SqliteDataReader; it reads the columns through <see cref="NativeSqlite"/>, without the
/// reader's per-value SafeHandle references and GC transitions (a large share of the nightly load's reading).
/// </summary>
public static class SqliteRowReader
{
    private const int CancellationCheckEvery = 4_096;

    /// <summary>The rows of <paramref name="sql"/>, <paramref name="columns"/> values each. The array is reused: copy what you keep.</summary>
    public static IEnumerable<object?[]> Read(SqliteConnection connection, string sql, int columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        return Rows(db, sql, columns, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(sqlite3 db, string sql, int columns, CancellationToken cancellationToken)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
            throw new InvalidOperationException($"SQLite prepared no statement for: {sql}");
        }
        using (statement)
        {
            if (raw.sqlite3_column_count(statement) != columns)
            {
                throw new ArgumentException($"The query returns {raw.sqlite3_column_count(statement)} columns, not {columns}.", nameof(columns));
            }
            var pointer = NativeSqlite.Pointer(statement);   // valid while `statement` is in scope
            var values = new object?[columns];
            long count = 0;
            while (true)
            {
                rc = NativeSqlite.Step(pointer);
                if (rc == raw.SQLITE_DONE) yield break;
                if (rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, db);
                for (var i = 0; i < columns; i++) values[i] = Value(pointer, i);
                if (++count % CancellationCheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
                yield return values;
            }
        }
    }

    private static object? Value(IntPtr statement, int index) => NativeSqlite.ColumnType(statement, index) switch
    {
        raw.SQLITE_INTEGER => NativeSqlite.ColumnInt64(statement, index),
        raw.SQLITE_FLOAT => NativeSqlite.ColumnDouble(statement, index),
        raw.SQLITE_TEXT => NativeSqlite.ColumnText(statement, index),
        raw.SQLITE_BLOB => NativeSqlite.ColumnBlob(statement, index),
        _ => null,
    };
}
