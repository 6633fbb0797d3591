using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// Binds one row's values to the parameters 1..n (SQLite counts from 1) of a prepared statement, on its raw pointer
/// (<see cref="NativeSqliteBinding"/>), stored as Microsoft.Data.Sqlite would store them: bool as 1/0, DateOnly as
/// yyyy-MM-dd, decimal as text, DateTime as yyyy-MM-dd HH:mm:ss.FFFFFFF, null as NULL, and text as UTF-8 encoded by .NET
/// (as Microsoft.Data.Sqlite binds a string). UTF-8 is also what the warehouse stores, so SQLite no longer converts each
/// UTF-16 value at every step (a second buffer allocated and freed per text value). Text and formatted values go through
/// one buffer that SQLite copies from before each bind returns: a row costs no allocation here.
/// </summary>
internal sealed class PositionalBinder(sqlite3 db, IntPtr statement)
{
    private byte[] _buffer = new byte[1024];

    public void Bind(object?[] row)
    {
        for (var c = 0; c < row.Length; c++)
        {
            var index = c + 1;
            var rc = row[c] switch
            {
                null or DBNull => NativeSqliteBinding.BindNull(statement, index),
                string s => Text(index, s.AsSpan()),
                long l => NativeSqliteBinding.BindInt64(statement, index, l),
                int i => NativeSqliteBinding.BindInt64(statement, index, i),
                bool b => NativeSqliteBinding.BindInt64(statement, index, b ? 1 : 0),
                double d => NativeSqliteBinding.BindDouble(statement, index, d),
                DateOnly d => Formatted(index, d, "yyyy-MM-dd"),
                short s => NativeSqliteBinding.BindInt64(statement, index, s),
                byte b => NativeSqliteBinding.BindInt64(statement, index, b),
                float f => NativeSqliteBinding.BindDouble(statement, index, f),
                decimal m => Formatted(index, m, null),
                DateTime t => Formatted(index, t, "yyyy-MM-dd HH:mm:ss.FFFFFFF"),
                DateTimeOffset t => Formatted(index, t, "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz"),
                char ch => Text(index, new ReadOnlySpan<char>(in ch)),
                byte[] bytes => NativeSqliteBinding.BindBlob(statement, index, bytes),
                Enum e => NativeSqliteBinding.BindInt64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
                var other => throw new ArgumentException(
                    $"The bulk writer does not write values of type {other.GetType().Name} (column {c + 1}).", nameof(row)),
            };
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private int Text(int index, ReadOnlySpan<char> value)
    {
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _buffer.Length) _buffer = new byte[Math.Max(most, _buffer.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        return NativeSqliteBinding.BindText(statement, index, _buffer, length);
    }

    /// <summary>A value formatted (invariant culture) straight into UTF-8, as its ToString(format) would spell it.</summary>
    private int Formatted<T>(int index, T value, string? format)
        where T : IUtf8SpanFormattable
    {
        int length;
        while (!value.TryFormat(_buffer, out length, format, CultureInfo.InvariantCulture)) _buffer = new byte[_buffer.Length * 2];
        return NativeSqliteBinding.BindText(statement, index, _buffer, length);
    }
}
