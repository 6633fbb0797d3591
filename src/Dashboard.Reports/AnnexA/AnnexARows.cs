namespace Dashboard.Reports.AnnexA;

// Rows the Annex A queries fill (Dapper maps columns to these settable properties by alias). Dates are yyyymmdd
// keys; flags are 1/0 or null. Only the child's date of birth is a date value, typed by provider (text on SQLite,
// date on SQL Server), hence object.

internal sealed class ChildRow
{
    public long ChildKey { get; set; }
    public string PersonId { get; set; } = "";
    public string? Sex { get; set; }
    public string? Ethnicity { get; set; }
    public object? DateOfBirth { get; set; }
    public long HasDisability { get; set; }
}

internal sealed class AllocationRow
{
    public long ChildKey { get; set; }
    public string? Team { get; set; }
    public string? Worker { get; set; }
    public long StartKey { get; set; }
}

/// <summary>A number per child: a count of events, or the key of the latest event's date.</summary>
internal sealed class ChildValueRow
{
    public long ChildKey { get; set; }
    public long Value { get; set; }
}

/// <summary>A dated event of some other record (a plan's visit, a period of care's review), by that record's id.</summary>
internal sealed class LinkedEventRow
{
    public string Id { get; set; } = "";
    public long DateKey { get; set; }
    public long? Flag { get; set; }
}

/// <summary>One event of a list: its id, child, date (and end), up to two codes, two flags, two more date keys and a
/// text. Each query's aliases say which of its columns fill which slot.</summary>
internal sealed class EventRow
{
    public string Id { get; set; } = "";
    public long ChildKey { get; set; }
    public long DateKey { get; set; }
    public long? EndKey { get; set; }
    public string? Code { get; set; }
    public string? Code2 { get; set; }
    public long? Flag { get; set; }
    public long? Flag2 { get; set; }
    public long? OtherKey { get; set; }
    public long? LaterKey { get; set; }
    public string? Text { get; set; }
}
