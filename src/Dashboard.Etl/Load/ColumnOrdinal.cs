namespace Dashboard.Etl.Load;

/// <summary>Where a named column stands in a target's column list: the one lookup LoadedFacts and CapturedRows share.</summary>
internal static class ColumnOrdinal
{
    public static int Of(string table, IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column) return i;
        }
        throw new InvalidOperationException($"{table} has no column {column}.");
    }
}
