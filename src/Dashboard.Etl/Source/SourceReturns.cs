using Dashboard.Core.Ssd;

namespace Dashboard.Etl.Source;

/// <summary>One statutory return a source was made from (<c>dashboard import</c>), as ssd_ext_source_returns records it.</summary>
/// <param name="NotSupported">A JSON object, indicator id to why the return cannot support it; null when it names none.</param>
public sealed record SourceReturn(string Name, string Files, string Period, long Records, long Rejected, string? NotSupported = null);

/// <summary>One SSD table a return filled: "complete" or "latest only" (<see cref="SourceReturnTables"/>).</summary>
public sealed record SourceReturnTable(string ReturnName, string Table, string Coverage, string? Note);

/// <summary>An element or row the import could not place, with where it was and why.</summary>
public sealed record SourceReturnRejection(long Id, string ReturnName, string File, long? Line, string? Element, string? Field, string Reason, string? Original);

/// <summary>
/// What a source made from statutory returns says about itself; an SSD extract has none of it (<see cref="None"/>).
/// A table no return filled is empty in such a source and is "not available from these sources", never zero.
/// </summary>
public sealed record SourceReturns(IReadOnlyList<SourceReturn> Returns, IReadOnlyList<SourceReturnTable> Tables, IReadOnlyList<SourceReturnRejection> Rejections)
{
    public static SourceReturns None { get; } = new([], [], []);

    public bool Any => Returns.Count > 0;

    /// <summary>The returns that filled <paramref name="table"/> (empty when none did).</summary>
    public IReadOnlyList<SourceReturnTable> Filling(string table) =>
        [.. Tables.Where(t => string.Equals(t.Table, table, StringComparison.OrdinalIgnoreCase))];

    /// <summary>"the CIN census and SSDA903": the returns loaded, as a sentence names them.</summary>
    public string Names => Data.Indicators.ReturnSources.JoinNames(Returns.Select(r => r.Name));
}
