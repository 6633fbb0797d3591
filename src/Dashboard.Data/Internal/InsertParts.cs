namespace Dashboard.Data.Internal;

/// <summary>The "t (a, b)" and "(@a, @b)" halves of an INSERT, shared by both dialects.</summary>
internal static class InsertParts
{
    public static (string Into, string Values) Of(string table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("An INSERT needs at least one column.", nameof(columns));
        var name = SqlNames.Table(table, nameof(table));
        var quoted = columns.Select(c => SqlNames.Quoted(c, nameof(columns)));
        var parameters = columns.Select(c => "@" + c);
        return ($"{name} ({string.Join(", ", quoted)})", $"({string.Join(", ", parameters)})");
    }
}
