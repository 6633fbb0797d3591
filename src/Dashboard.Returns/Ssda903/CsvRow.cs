namespace Dashboard.Returns.Ssda903;

/// <summary>A record of a CSV file read by column name from its header row (names matched case-insensitively).</summary>
internal sealed class CsvColumns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvColumns(IReadOnlyList<string> header)
    {
        Count = header.Count;
        for (var i = 0; i < header.Count; i++) _index.TryAdd(header[i].Trim(), i);
    }

    /// <summary>Columns in the header row.</summary>
    public int Count { get; }

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The trimmed value of <paramref name="column"/> in <paramref name="record"/>; null when blank or absent.</summary>
    public string? Get(IReadOnlyList<string> record, string column) =>
        _index.TryGetValue(column, out var i) && i < record.Count && !string.IsNullOrWhiteSpace(record[i]) ? record[i].Trim() : null;

    /// <summary>Why the record does not fit the header (a different number of fields), or null when it does. Empty
    /// fields after the last column (trailing commas some tools write) are allowed.</summary>
    public string? Misfit(IReadOnlyList<string> record)
    {
        if (record.Count == Count) return null;
        if (record.Count > Count && record.Skip(Count).All(string.IsNullOrWhiteSpace)) return null;
        return $"the row has {record.Count} fields where the header row has {Count}";
    }
}
