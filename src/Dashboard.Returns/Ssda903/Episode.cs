namespace Dashboard.Returns.Ssda903;

/// <summary>One row of the episodes file, with dates already ISO (or as found when unreadable, except DECOM, which
/// orders and keys the episode and must be a date).</summary>
internal sealed record Episode(
    string Child, string Decom, string? Rne, string? Ls, string? Cin, string? Place, string? Provider, string? Urn,
    string? PlacePostcode, string? Dec, string? Rec, string? ReasonPlaceChange)
{
    /// <summary>RNE S: started to be looked after.</summary>
    public bool StartsCare => string.Equals(Rne, "S", StringComparison.Ordinal);

    /// <summary>RNE L: a change of legal status only, so the child stays in the same placement.</summary>
    public bool KeepsPlacement => string.Equals(Rne, "L", StringComparison.Ordinal);

    /// <summary>REC other than X1 ("episode ends, child remains looked after"): the period of care ended.</summary>
    public bool EndsCare => Rec is { Length: > 0 } rec && !string.Equals(rec, "X1", StringComparison.Ordinal);
}
