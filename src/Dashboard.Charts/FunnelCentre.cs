namespace Dashboard.Charts;

/// <summary>
/// What a funnel's centre line is the rate of, as its label ("Council 85.3%", "Child Protection West 85.3%") and its
/// description ("compared with the Child Protection West rate of 85.3%") say. A team page's funnel of workers is centred
/// on the team's rate, not the council's, and a reader told otherwise would compare the wrong figures.
/// </summary>
public sealed record FunnelCentre(string Label, string Described)
{
    public static readonly FunnelCentre Council = new("Council", "the council rate");

    /// <summary>The units' own pooled rate, used when the scope's rate is not there to centre on.</summary>
    public static readonly FunnelCentre Pooled = new("Pooled", "their pooled rate");

    /// <summary>A team's or a service area's own rate.</summary>
    public static FunnelCentre Of(string scopeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scopeName);
        return new(scopeName, $"the {scopeName} rate");
    }
}
