using System.Collections;
using System.Data.Common;

namespace Dashboard.Data.SqlServer;

/// <summary>
/// A forward-only reader over the bulk writer's rows, so SqlBulkCopy pulls one row at a time from the
/// caller's enumerable (no DataTable, flat memory). Each value is converted on read to the destination
/// column's type (<see cref="BulkValue"/>).
/// </summary>
internal sealed class ObjectRowDataReader : DbDataReader
{
    private readonly IReadOnlyList<string> _columns;
    private readonly Type[] _types;
    private readonly IEnumerator<object?[]> _rows;
    private object?[]? _current;
    private bool _closed;

    public ObjectRowDataReader(IReadOnlyList<string> columns, Type[] destinationTypes, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(destinationTypes);
        ArgumentNullException.ThrowIfNull(rows);
        if (destinationTypes.Length != columns.Count) throw new ArgumentException("One destination type per column.", nameof(destinationTypes));
        _columns = columns;
        _types = destinationTypes;
        _rows = rows.GetEnumerator();
    }

    /// <summary>Rows handed to the reader's consumer so far.</summary>
    public long RowsRead { get; private set; }

    public override int FieldCount => _columns.Count;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (_closed || !_rows.MoveNext())
        {
            _current = null;
            return false;
        }
        var row = _rows.Current;
        if (row is null || row.Length != _columns.Count)
        {
            throw new ArgumentException($"Row {RowsRead + 1} has {row?.Length ?? 0} values but {_columns.Count} columns were named.");
        }
        _current = row;
        RowsRead++;
        return true;
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _columns[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (string.Equals(_columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new ArgumentException($"There is no column called {name}.", nameof(name));
    }

    public override Type GetFieldType(int ordinal) => _types[ordinal];

    public override string GetDataTypeName(int ordinal) => _types[ordinal].Name;

    public override object GetValue(int ordinal)
    {
        var row = _current ?? throw new InvalidOperationException("Read has not been called, or there are no more rows.");
        return BulkValue.Convert(row[ordinal], _types[ordinal]);
    }

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override bool IsDBNull(int ordinal) => _current?[ordinal] is null or DBNull;

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);

    public override char GetChar(int ordinal) => (char)GetValue(ordinal);

    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);

    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);

    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);

    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("The bulk writer does not write binary columns.");

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null) return text.Length;
        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        _rows.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
