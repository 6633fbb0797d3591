namespace Dashboard.Synthetic;

/// <summary>What a generation wrote.</summary>
/// <param name="Path">The full path of the database written.</param>
/// <param name="AsOf">The extract date used.</param>
/// <param name="RowsPerTable">Rows written per SSD table (every table listed, planted faults included).</param>
/// <param name="FaultsPerTable">Faulty rows planted per table (every table listed; a duplicate counts its extra row).</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record GenerationSummary(
    string Path,
    DateOnly AsOf,
    IReadOnlyDictionary<string, long> RowsPerTable,
    IReadOnlyDictionary<string, long> FaultsPerTable,
    TimeSpan Elapsed)
{
    public long TotalRows => RowsPerTable.Values.Sum();

    public long TotalFaults => FaultsPerTable.Values.Sum();
}
