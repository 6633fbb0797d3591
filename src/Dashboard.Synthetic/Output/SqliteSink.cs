using Dashboard.Core.Ssd;
using Dashboard.Synthetic.Simulation;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Synthetic.Output;

/// <summary>
/// Writes rows into a new SQLite file: every table of <see cref="SsdSchema.All"/> created from the metadata
/// (no hand-written DDL), journal and sync off, one transaction, one prepared insert per table whose
/// parameters are rebound for every row. The connection, pragmas, DDL and transaction go through
/// Microsoft.Data.Sqlite; the inserts bind on the same connection's native statement handle
/// (SQLitePCL, which Microsoft.Data.Sqlite is built on), because ids, dates and flags can then be bound from
/// cached or stack bytes, and a value equal to the one already bound is not bound again: about three times
/// the speed of SqliteCommand and no garbage per row.
/// </summary>
internal sealed class SqliteSink : IDisposable
{
    private const int Done = 101;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly sqlite3_stmt[] _inserts;
    private readonly ColumnStyle[][] _styles;
    private readonly Cell[][] _bound;
    private readonly SimCalendar _calendar;

    private SqliteSink(SqliteConnection connection, SimCalendar calendar)
    {
        _connection = connection;
        _calendar = calendar;
        Execute("PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
        foreach (var table in SsdSchema.All)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\" {ColumnStyles.SqlType(c)}"));
            Execute($"CREATE TABLE \"{table.Name}\" ({columns});");
        }
        _transaction = _connection.BeginTransaction();
        _styles = [.. SsdSchema.All.Select(t => t.Columns.Select(c => ColumnStyles.For(t, c)).ToArray())];
        _bound = [.. SsdSchema.All.Select(t => Enumerable.Repeat(Cell.Unbound, t.Columns.Count).ToArray())];
        _inserts = new sqlite3_stmt[SsdSchema.All.Count];
        for (var i = 0; i < _inserts.Length; i++)
        {
            var table = SsdSchema.All[i];
            var sql = $"INSERT INTO \"{table.Name}\" VALUES ({string.Join(", ", table.Columns.Select((_, c) => "?" + (c + 1)))});";
            Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement), 0);
            _inserts[i] = statement;
        }
        RowsWritten = new long[_inserts.Length];
    }

    /// <summary>Rows written per table, by index in <see cref="SsdSchema.All"/>.</summary>
    public long[] RowsWritten { get; }

    public static SqliteSink Create(string path, SimCalendar calendar)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return new SqliteSink(connection, calendar);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Write(RowBuffer buffer)
    {
        Span<byte> scratch = stackalloc byte[32];
        var cells = buffer.Cells;
        for (var row = 0; row < buffer.RowCount; row++)
        {
            var table = buffer.TableOf(row);
            var statement = _inserts[table];
            var styles = _styles[table];
            var bound = _bound[table];
            var start = buffer.StartOf(row);
            var length = buffer.LengthOf(row);
            for (var i = 0; i < length; i++)
            {
                // A statement keeps its bindings across resets: a value equal to the last one bound stays bound.
                ref readonly var cell = ref cells[start + i];
                if (cell.SameAs(bound[i])) continue;
                Check(Bind(statement, i + 1, cell, styles[i], scratch), 0);
                bound[i] = cell;
            }
            Check(raw.sqlite3_step(statement), Done);
            raw.sqlite3_reset(statement);
            RowsWritten[table]++;
        }
    }

    private int Bind(sqlite3_stmt statement, int index, in Cell cell, ColumnStyle style, Span<byte> scratch)
    {
        switch (cell.Kind)
        {
            case CellKind.Text:
                return raw.sqlite3_bind_text16(statement, index, cell.Text.AsSpan());
            case CellKind.Id:
                var written = Ids.Format(cell.IdKind, cell.Value, scratch);
                return raw.sqlite3_bind_text(statement, index, scratch[..written]);
            case CellKind.Date:
                return raw.sqlite3_bind_text(statement, index, _calendar.Utf8(cell.AsDate, style == ColumnStyle.DateTime));
            case CellKind.Flag:
                return raw.sqlite3_bind_text(statement, index, ColumnStyles.Flag(style, cell.Value != 0));
            case CellKind.Integer:
                return raw.sqlite3_bind_int64(statement, index, cell.Value);
            case CellKind.Real:
                return raw.sqlite3_bind_double(statement, index, cell.AsReal);
            default:
                return raw.sqlite3_bind_null(statement, index);
        }
    }

    private void Check(int result, int expected)
    {
        if (result != expected)
        {
            throw new SqliteException($"SQLite error {result} writing the synthetic council: {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);
        }
    }

    public void Commit() => _transaction.Commit();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var statement in _inserts ?? [])
        {
            statement?.Dispose();
        }
        _transaction?.Dispose();
        _connection.Dispose();
    }
}
