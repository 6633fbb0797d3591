namespace Dashboard.Etl.Load;

/// <summary>
/// A warehouse table the ETL loads: its business key (how the swap matches staging rows to target rows),
/// its content columns in insert order, and for a dimension the surrogate key whose 0 is the unknown member.
/// Every target also has load_id and row_hash, written last.
/// </summary>
public sealed class TargetTable
{
    public const string LoadIdColumn = "load_id";
    public const string RowHashColumn = "row_hash";

    public TargetTable(string name, IReadOnlyList<string> key, IReadOnlyList<string> columns, string? surrogateKey = null)
    {
        Name = name;
        Key = key;
        Columns = columns;
        SurrogateKey = surrogateKey;
        StagingColumns = [.. columns, LoadIdColumn, RowHashColumn];
    }

    public string Name { get; }
    public IReadOnlyList<string> Key { get; }
    public IReadOnlyList<string> Columns { get; }
    public string? SurrogateKey { get; }

    /// <summary>Content columns, then load_id and row_hash: the column order of every staged row.</summary>
    public IReadOnlyList<string> StagingColumns { get; }

    /// <summary>A new row array for this table (content, load_id, row_hash).</summary>
    public object?[] NewRow() => new object?[Columns.Count + 2];

    /// <summary>Sets load_id and the row_hash of the content columns; returns the row.</summary>
    public object?[] Finish(object?[] row, long loadId)
    {
        row[Columns.Count] = loadId;
        row[Columns.Count + 1] = RowHash.Compute(row.AsSpan(0, Columns.Count));
        return row;
    }

    public override string ToString() => Name;
}
