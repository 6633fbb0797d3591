namespace Dashboard.Etl.Load;

/// <summary>
/// The values of one staged table that the engine's records will need, kept from the moment each row is staged until
/// the records are built beside the swap: one 32-bit slot per value in large chunks of ints (numbers, date keys and
/// flags as themselves, texts as their index in <see cref="CapturedTexts"/>, <see cref="Null"/> for none). Nothing in a
/// chunk is a reference, so the garbage collector neither traces nor copies what is kept (a record and its strings per
/// row cost the large council about a second of collection pauses while it staged, docs/performance.md). Declare the
/// columns (<see cref="Id"/>, <see cref="Text"/>, <see cref="Value"/>) before the first row.
/// <para>
/// 32 bits, not 64: the slots are held while the records are built from them, and at 64 bits they took the large
/// council's peak from 1.2 to as much as 1.45 GiB (docs/performance.md). Every kept number fits: date keys (yyyymmdd),
/// 1/0 flags, counts, and surrogate keys, which this ETL assigns from 1 upwards (StableKeys); one that did not would
/// fail the run with its table and column named, never be cut short.
/// </para>
/// </summary>
internal sealed class CapturedRows
{
    /// <summary>The slot of a missing value (no key, date key, flag or count is this value).</summary>
    public const int Null = int.MinValue;

    // 8,192 rows of a few slots each: every chunk is a large object, allocated once and never moved.
    private const int ChunkRows = 8_192;

    private enum Kind { Id, Text, Value }

    private readonly string _table;
    private readonly IReadOnlyList<string> _stagedColumns;
    private readonly CapturedTexts _texts;
    private readonly List<(int Ordinal, Kind Kind)> _columns = [];
    private readonly List<int[]> _chunks = [];

    public CapturedRows(string table, IReadOnlyList<string> stagedColumns, CapturedTexts texts)
    {
        _table = table;
        _stagedColumns = stagedColumns;
        _texts = texts;
    }

    /// <summary>Rows kept so far.</summary>
    public int Count { get; private set; }

    /// <summary>Keeps the row's own id (text, required); returns the slot to read it from.</summary>
    public int Id(string column) => Declare(column, Kind.Id);

    /// <summary>Keeps a text that may repeat across rows (a code, a parent's id), or none.</summary>
    public int Text(string column) => Declare(column, Kind.Text);

    /// <summary>Keeps a key, date key, count or flag (a whole number or a bool), or none.</summary>
    public int Value(string column) => Declare(column, Kind.Value);

    private int Declare(string column, Kind kind)
    {
        if (Count > 0) throw new InvalidOperationException($"The columns of {_table} to keep are declared before its first row.");
        _columns.Add((ColumnOrdinal.Of(_table, _stagedColumns, column), kind));
        return _columns.Count - 1;
    }

    /// <summary>Keeps one staged row's declared values.</summary>
    public void Add(object?[] row)
    {
        var width = _columns.Count;
        var offset = Count % ChunkRows * width;
        if (offset == 0) _chunks.Add(new int[ChunkRows * width]);
        var chunk = _chunks[^1];
        for (var c = 0; c < width; c++)
        {
            var (ordinal, kind) = _columns[c];
            chunk[offset + c] = Encode(row[ordinal], kind, ordinal);
        }
        Count++;
    }

    private int Encode(object? value, Kind kind, int ordinal) => (value, kind) switch
    {
        (null, Kind.Id) => throw Unexpected(ordinal, "no id"),
        (null, _) => Null,
        (string id, Kind.Id) => _texts.AppendId(id),
        (string text, Kind.Text) => _texts.Intern(text),
        (long n, Kind.Value) => n is > Null and <= int.MaxValue ? (int)n : throw Unexpected(ordinal, $"{n}, beyond the whole numbers it keeps"),
        (int n, Kind.Value) => n != Null ? n : throw Unexpected(ordinal, $"{n}, beyond the whole numbers it keeps"),
        (bool b, Kind.Value) => b ? 1 : 0,
        _ => throw Unexpected(ordinal, $"a {value.GetType().Name}"),
    };

    private InvalidOperationException Unexpected(int ordinal, string what) =>
        new($"{_table}.{_stagedColumns[ordinal]} holds {what} where the engine's input expects otherwise: the staged row and LoadedFacts disagree.");

    /// <summary>Hands every kept row to <paramref name="build"/>, in the order they were staged, then lets the slots go.</summary>
    public void Build(Action<CapturedRow> build)
    {
        var row = new CapturedRow(_texts, _table);
        for (var r = 0; r < Count; r++)
        {
            row.MoveTo(_chunks[r / ChunkRows], r % ChunkRows * _columns.Count);
            build(row);
        }
        _chunks.Clear();
        Count = 0;
    }
}

/// <summary>One kept row while the records are built (<see cref="CapturedRows.Build"/> moves it from row to row).</summary>
internal sealed class CapturedRow(CapturedTexts texts, string table)
{
    private int[] _chunk = [];
    private int _offset;

    internal void MoveTo(int[] chunk, int offset)
    {
        _chunk = chunk;
        _offset = offset;
    }

    private int Slot(int slot) => _chunk[_offset + slot];

    public string Id(int slot) => texts.Id(Slot(slot));

    public string? Text(int slot) => Slot(slot) is var s && s == CapturedRows.Null ? null : texts.Repeated(s);

    /// <summary>A required text that may repeat (a parent's id, a code the warehouse requires).</summary>
    public string RequiredText(int slot) => Text(slot) ?? throw Missing("value");

    public long Long(int slot) => Slot(slot) is var s && s == CapturedRows.Null ? throw Missing("key") : s;

    public long? NullableLong(int slot) => Slot(slot) is var s && s == CapturedRows.Null ? null : s;

    public int Int(int slot) => Slot(slot) is var s && s == CapturedRows.Null ? throw Missing("count") : s;

    public bool? Flag(int slot) => Slot(slot) is var s && s == CapturedRows.Null ? null : s != 0;

    private InvalidOperationException Missing(string what) => new($"A staged row of {table} has no {what} where the warehouse requires one.");
}
