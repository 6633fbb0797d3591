namespace Dashboard.Returns;

/// <summary>Where in a return a value was found, for messages a council's analyst can act on.</summary>
/// <param name="File">The file's name as given (not its full path, which may hold a user name).</param>
/// <param name="Line">The 1-based line (CSV, XML) or row (Annex A sheet), when known.</param>
/// <param name="Element">The XML element, CSV column or sheet and column, when known.</param>
public sealed record ReturnLocation(string File, long? Line = null, string? Element = null)
{
    /// <summary>"cin-2024.xml, line 1234, element CINreferralDate".</summary>
    public override string ToString()
    {
        var parts = new List<string> { File };
        if (Line is { } line) parts.Add($"line {line}");
        if (!string.IsNullOrEmpty(Element)) parts.Add(Element.Contains(' ', StringComparison.Ordinal) ? Element : $"element {Element}");
        return string.Join(", ", parts);
    }
}
