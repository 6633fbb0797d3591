namespace Dashboard.Core.Ssd;

/// <summary>One SSD-shaped source table: its columns, its business key and its date-order rules.</summary>
/// <param name="Name">The table name exactly as SSD spells it.</param>
/// <param name="Key">The column(s) that identify a row; duplicates are quarantined.</param>
/// <param name="Columns">Every column the product reads, in order.</param>
/// <param name="DateOrders">Pairs of dates that must be in order.</param>
/// <param name="IsExtension">True for our two extension tables, which SSD itself lacks; an empty or
/// absent extension table is a warning, not an error.</param>
public sealed record SsdTable(
    string Name,
    IReadOnlyList<string> Key,
    IReadOnlyList<SsdColumn> Columns,
    IReadOnlyList<SsdDateOrder> DateOrders,
    bool IsExtension = false)
{
    public SsdColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"Table {Name} has no column {name}.", nameof(name));
}
