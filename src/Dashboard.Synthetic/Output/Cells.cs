using Dashboard.Synthetic.Simulation;

namespace Dashboard.Synthetic.Output;

internal enum CellKind : byte { Null, Text, Id, Date, Flag, Integer, Real }

/// <summary>
/// One value of a row on its way to the database. A struct holding a number (an id's number, a date's day
/// number, a flag, an integer or a double's bits) or a reference to an existing string, so rows cost no
/// allocation; the writer formats ids, dates and flags as it binds them.
/// </summary>
internal readonly struct Cell
{
    private Cell(CellKind kind, IdKind idKind, long value, string? text)
    {
        Kind = kind;
        IdKind = idKind;
        Value = value;
        Text = text;
    }

    public CellKind Kind { get; }
    public IdKind IdKind { get; }
    public long Value { get; }
    public string? Text { get; }

    public static Cell Null => default;

    /// <summary>Equal to no cell: what a statement parameter holds before its first binding.</summary>
    public static Cell Unbound => new((CellKind)255, default, 0, null);

    /// <summary>True when both cells would be written the same way.</summary>
    public bool SameAs(in Cell other) =>
        Kind == other.Kind && Value == other.Value && IdKind == other.IdKind && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public static Cell OfText(string? text) => text is null ? default : new(CellKind.Text, default, 0, text);

    public static Cell OfId(Id id) => new(CellKind.Id, id.Kind, id.Number, null);

    public static Cell OfDate(DateOnly date) => new(CellKind.Date, default, date.DayNumber, null);

    public static Cell OfFlag(bool flag) => new(CellKind.Flag, default, flag ? 1 : 0, null);

    public static Cell OfInteger(long value) => new(CellKind.Integer, default, value, null);

    public static Cell OfReal(double value) => new(CellKind.Real, default, BitConverter.DoubleToInt64Bits(value), null);

    public DateOnly AsDate => DateOnly.FromDayNumber((int)Value);

    public double AsReal => BitConverter.Int64BitsToDouble(Value);
}

/// <summary>A reusable block of rows: cells end to end, with each row's table and first cell.</summary>
internal sealed class RowBuffer
{
    private Cell[] _cells = new Cell[1 << 16];
    private int[] _tables = new int[1 << 13];
    private int[] _starts = new int[1 << 13];

    public int RowCount { get; private set; }
    public int CellCount { get; private set; }
    public string Stage { get; set; } = "";
    public double Fraction { get; set; }

    public Span<Cell> Cells => _cells.AsSpan(0, CellCount);

    public int TableOf(int row) => _tables[row];

    public int StartOf(int row) => _starts[row];

    public int LengthOf(int row) => (row + 1 < RowCount ? _starts[row + 1] : CellCount) - _starts[row];

    public Span<Cell> Row(int row) => _cells.AsSpan(_starts[row], LengthOf(row));

    public void BeginRow(int table)
    {
        if (RowCount == _tables.Length)
        {
            Array.Resize(ref _tables, _tables.Length * 2);
            Array.Resize(ref _starts, _starts.Length * 2);
        }
        _tables[RowCount] = table;
        _starts[RowCount] = CellCount;
        RowCount++;
    }

    public void Add(Cell cell)
    {
        if (CellCount == _cells.Length) Array.Resize(ref _cells, _cells.Length * 2);
        _cells[CellCount++] = cell;
    }

    /// <summary>Appends a copy of a row (a planted duplicate).</summary>
    public void CopyRow(int row)
    {
        var start = _starts[row];
        var length = LengthOf(row);
        BeginRow(_tables[row]);
        for (var i = 0; i < length; i++) Add(_cells[start + i]);
    }

    public void Truncate(int rows, int cells)
    {
        Array.Clear(_cells, cells, CellCount - cells);
        RowCount = rows;
        CellCount = cells;
    }

    public void Clear() => Truncate(0, 0);
}
