namespace Dashboard.Reports.Excel;

/// <summary>
/// A data sheet: its tab name, its columns, an optional protective marking printed above the header (for sheets
/// that hold child-level data, e.g. "OFFICIAL-SENSITIVE"), and any RAG conditional formats.
/// </summary>
public sealed record SheetDefinition(string Name, IReadOnlyList<SheetColumn> Columns)
{
    /// <summary>Printed in row 1 above the header when set; the header then sits in row 2.</summary>
    public string? Marking { get; init; }

    public IReadOnlyList<RagRule> RagRules { get; init; } = [];

    /// <summary>Charts drawn beside the table, to the right of its columns (<see cref="SheetImages"/>).</summary>
    public IReadOnlyList<SheetImage> Images { get; init; } = [];

    /// <summary>The 1-based row of the header: 2 under a marking line, else 1.</summary>
    internal int HeaderRow => Marking is null ? 1 : 2;
}

/// <summary>
/// A front or definitions sheet: a title, paragraphs of plain text, then a two-column table (for example
/// "List | What it holds", or "Term | Definition").
/// </summary>
public sealed record FrontSheet(string Name, string Title, IReadOnlyList<string> Paragraphs,
    (string Left, string Right) TableHeader, IReadOnlyList<(string Left, string Right)> TableRows)
{
    /// <summary>Printed in row 1 above the title when set.</summary>
    public string? Marking { get; init; }
}
