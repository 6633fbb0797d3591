using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>Red, amber or green against the council's target. One rule for every reader (CLI, dashboard, packs).</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

public static class RagRating
{
    /// <summary>Amber: within this share of the target on the wrong side (10%: 76.5% against a target of 85%).</summary>
    public const decimal AmberBand = 0.10m;

    /// <summary>Green when the value meets the target (on the target counts as met); amber when it misses by no
    /// more than <see cref="AmberBand"/> of the target; red otherwise. Null with no value, no target, or a context
    /// measure (polarity neither), where a colour would claim a judgement the measure does not make.</summary>
    public static Rag? Of(decimal? value, decimal? target, Polarity polarity)
    {
        if (value is not { } v || target is not { } t || polarity == Polarity.Neither) return null;
        var band = Math.Abs(t) * AmberBand;
        return polarity == Polarity.HigherIsBetter
            ? v >= t ? Rag.Green : v >= t - band ? Rag.Amber : Rag.Red
            : v <= t ? Rag.Green : v <= t + band ? Rag.Amber : Rag.Red;
    }

    /// <summary>The rating as the word readers print: "green", "amber", "red", or null.</summary>
    public static string? Word(Rag? rag) => rag?.ToString().ToLowerInvariant();
}
