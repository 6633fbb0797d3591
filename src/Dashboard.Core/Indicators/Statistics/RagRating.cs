using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>Red, amber or green against the council's target. One rule for every reader (CLI, dashboard, packs).</summary>
public enum Rag
{
    Green,
    Amber,
    Red,

    /// <summary>The figure counts fewer cases than the council's minimum denominator: shown, but a colour would
    /// judge chance (one child more or less swings "2 of 3" from 67% to 100%).</summary>
    TooFewToRate,
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

    /// <summary>
    /// The rating every reader prints: <see cref="Rag.TooFewToRate"/> when the figure counts fewer than
    /// <paramref name="minimumDenominator"/> cases (children, visits, plans: its denominator), else
    /// <see cref="Of(decimal?, decimal?, Polarity)"/>. A figure with no denominator (a plain count) is rated on its value.
    /// Null as there: no value, no target, or a context measure.
    /// </summary>
    public static Rag? Of(decimal? value, decimal? target, Polarity polarity, int? denominator, int minimumDenominator)
    {
        if (Of(value, target, polarity) is not { } rag) return null;
        return denominator is { } d && d < minimumDenominator ? Rag.TooFewToRate : rag;
    }

    /// <summary>The rating as the word readers print: "green", "amber", "red", "too few to rate", or null.</summary>
    public static string? Word(Rag? rag) => rag == Rag.TooFewToRate ? "too few to rate" : rag?.ToString().ToLowerInvariant();

    /// <summary>The rating as one token for a style name (rag--green, rag--too-few); null with no rating.</summary>
    public static string? Key(Rag? rag) => rag == Rag.TooFewToRate ? "too-few" : rag?.ToString().ToLowerInvariant();
}
