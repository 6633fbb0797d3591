namespace Dashboard.Web.Services.Children;

/// <summary>
/// The "back to where you came from" link: only a path on this site is accepted, so a crafted link cannot send someone
/// from a child's record to another site (an open redirect dressed as a back link).
/// </summary>
public static class LocalReturnPath
{
    /// <summary>The path if it is local ("/indicators/X?period=..."), otherwise null.</summary>
    public static string? Accept(string? from)
    {
        if (string.IsNullOrWhiteSpace(from) || from.Length > 2000) return null;
        // "//host" and "/\host" are read by browsers as another site; a scheme or control characters are never local.
        if (from[0] != '/' || (from.Length > 1 && (from[1] == '/' || from[1] == '\\'))) return null;
        if (from.Any(c => char.IsControl(c) || c == '\\')) return null;
        return Uri.TryCreate(from, UriKind.Relative, out _) ? from : null;
    }
}
