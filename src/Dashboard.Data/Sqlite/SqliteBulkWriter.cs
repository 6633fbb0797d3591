using System.Data.Common;
using System.Text;
using Dashboard.Data.Internal;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// One prepared INSERT, reused for every row, inside one transaction (the caller's, or one of its own that it
/// commits). The statement is prepared on the connection's own SQLite handle and values are bound by position:
/// Microsoft.Data.Sqlite's commands look every parameter up by name on every execution (a UTF-8 conversion and
/// a linear search per parameter), which cost ~1.3 KB and a third of the time per row here. Binding and stepping
/// go through the statement's raw pointer (<see cref="PositionalBinder"/>, <see cref="NativeSqliteBinding"/>), not
/// SQLitePCLRaw's SafeHandle per call; text is bound as UTF-8 and dates are formatted into a reused buffer: a row
/// costs no allocation in this class. Multi-row VALUES statements were measured too and were no faster
/// (docs/warehouse.md, SqliteBulkWriterThroughput in the tests), so it is one row per step.
/// </summary>
internal sealed class SqliteBulkWriter : IBulkWriter
{
    private const int CancellationCheckEvery = 4_096;

    public static readonly SqliteBulkWriter Instance = new();

    public Task<long> WriteAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (connection is not SqliteConnection sqlite)
        {
            throw new ArgumentException("The SQLite bulk writer needs a SqliteConnection.", nameof(connection));
        }
        if (transaction is not null and not SqliteTransaction)
        {
            throw new ArgumentException("The SQLite bulk writer needs a SqliteTransaction.", nameof(transaction));
        }
        if (columns.Count == 0) throw new ArgumentException("Name at least one column.", nameof(columns));
        if (sqlite.Handle is null) throw new InvalidOperationException("The connection is not open.");
        var insert = InsertSql(table, columns);

        // Microsoft.Data.Sqlite runs BEGIN for us, so the raw statements below run inside this transaction.
        using var own = transaction is null ? sqlite.BeginTransaction() : null;
        var written = Write(sqlite.Handle, insert, table, columns, rows, cancellationToken);
        own?.Commit();
        return Task.FromResult(written);
    }

    private static long Write(sqlite3 db, string insert, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        var width = columns.Count;
        using var statement = Prepare(db, insert);
        var pointer = NativeSqlite.Pointer(statement);   // valid while `statement` is in scope
        var values = new PositionalBinder(db, pointer);
        long count = 0;
        foreach (var row in rows)
        {
            if (row is null || row.Length != width)
            {
                throw new ArgumentException(
                    $"Row {count + 1} for {table} has {row?.Length ?? 0} values but {width} columns were named.", nameof(rows));
            }
            values.Bind(row);
            var rc = NativeSqlite.Step(pointer);
            NativeSqliteBinding.Reset(pointer);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
            if (++count % CancellationCheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        return count;
    }

    private static string InsertSql(string table, IReadOnlyList<string> columns)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(SqlNames.Table(table, nameof(table))).Append(" (");
        for (var c = 0; c < columns.Count; c++) sql.Append(c == 0 ? "" : ", ").Append(SqlNames.Quoted(columns[c], nameof(columns)));
        sql.Append(") VALUES (");
        for (var c = 0; c < columns.Count; c++) sql.Append(c == 0 ? "?" : ", ?");
        return sql.Append(')').ToString();
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        return statement ?? throw new InvalidOperationException($"SQLite prepared no statement for: {sql}");
    }
}
