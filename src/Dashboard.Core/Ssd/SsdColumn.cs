namespace Dashboard.Core.Ssd;

/// <summary>What a source column holds, which decides how the ETL parses and validates it.</summary>
public enum SsdKind
{
    /// <summary>An identifier (nvarchar in SSD). Compared as trimmed text.</summary>
    Id,
    /// <summary>Free text.</summary>
    Text,
    /// <summary>A date (datetime in SSD); ISO text with or without a time in SQLite sources.</summary>
    Date,
    /// <summary>A yes/no flag: 'Y'/'N', 'Yes'/'No', '1'/'0', 'true'/'false'.</summary>
    Flag,
    /// <summary>A code from a closed list (see <see cref="Codes.CodeLists"/>).</summary>
    Code,
    /// <summary>A whole number.</summary>
    WholeNumber,
    /// <summary>A decimal number.</summary>
    Number,
    /// <summary>A JSON object of flags (SSD's *_outcome_json columns).</summary>
    Json,
}

/// <summary>
/// How a column is checked. A date that must not lie in the future is the default for dates
/// recording something that happened; due and target dates, and expected dates of birth, may.
/// </summary>
[Flags]
public enum SsdRule
{
    None = 0,
    /// <summary>The row is rejected when this column is empty.</summary>
    Required = 1,
    /// <summary>A date that may lie after the run's date (due dates, targets, expected births).</summary>
    FutureAllowed = 2,
}

/// <summary>One column of an SSD-shaped source table.</summary>
/// <param name="Name">The column name exactly as SSD v1.4 spells it.</param>
/// <param name="Kind">What the column holds.</param>
/// <param name="Rules">How it is checked.</param>
/// <param name="CodeList">For <see cref="SsdKind.Code"/>: the list its values come from.</param>
/// <param name="References">For a reference: the table and column it must resolve to.</param>
/// <param name="DatedBy">For a code: the date column of the same row whose collection year decides which codes
/// the list allows (a code retired or not yet introduced in that year is rejected); null: any year's code passes.</param>
public sealed record SsdColumn(
    string Name,
    SsdKind Kind,
    SsdRule Rules = SsdRule.None,
    string? CodeList = null,
    SsdReference? References = null,
    string? DatedBy = null)
{
    public bool IsRequired => Rules.HasFlag(SsdRule.Required);
    public bool AllowsFuture => Rules.HasFlag(SsdRule.FutureAllowed);
}

/// <summary>A column that must name a row of another source table.</summary>
public sealed record SsdReference(string Table, string Column);

/// <summary>A pair of dates that must be in order (start on or before end) when both are present.</summary>
public sealed record SsdDateOrder(string Start, string End);
