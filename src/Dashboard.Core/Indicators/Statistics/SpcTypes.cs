namespace Dashboard.Core.Indicators.Statistics;

/// <summary>One month of a series: the value in the indicator's unit, and its counts where it is a ratio.</summary>
public readonly record struct SpcInput(Month Month, decimal? Value, int? Numerator = null, int? Denominator = null);

public enum ChartKind
{
    /// <summary>Individuals chart: limits are the mean +/- 2.66 times the mean moving range.</summary>
    XmR,
    /// <summary>p-chart: per-point limits from the binomial, p +/- 3 sqrt(p (1 - p) / n).</summary>
    PChart,
    /// <summary>Laney's p'-chart: p-chart limits widened (or narrowed) by the between-month variation, so a large
    /// council's huge denominators do not make every month look special.</summary>
    PPrimeChart,
}

/// <summary>The Making Data Count special-cause rules a point may trip.</summary>
[Flags]
public enum SpecialCause
{
    None = 0,
    /// <summary>A point outside the process limits.</summary>
    OutsideLimits = 1,
    /// <summary>A run of 7 or more points on one side of the mean.</summary>
    Shift = 2,
    /// <summary>6 or more points each higher (or each lower) than the one before.</summary>
    Trend = 4,
    /// <summary>Two of three consecutive points beyond two sigma on the same side.</summary>
    TwoOfThreeBeyondTwoSigma = 8,
}

public enum SignalDirection
{
    High,
    Low,
}

/// <summary>A point on the chart with its limits (null when there are too few points to set them).</summary>
public sealed record SpcPoint(
    Month Month, decimal Value, decimal Mean, decimal? Upper, decimal? Lower, decimal? UpperTwoSigma, decimal? LowerTwoSigma,
    SpecialCause Causes, SignalDirection? Signal);

/// <summary>What the variation says, in the NHS Making Data Count vocabulary.</summary>
public enum Variation
{
    NotEnoughData,
    NoSignificantChange,
    Improving,
    Deteriorating,
    HigherThanUsual,
    LowerThanUsual,
}

/// <summary>Whether the process can be relied on to meet the target, from where its limits sit.</summary>
public enum Assurance
{
    NoTarget,
    ReliablyMet,
    ReliablyMissed,
    CouldGoEitherWay,
}

public sealed record SpcResult(
    ChartKind Kind, IReadOnlyList<SpcPoint> Points, decimal? Mean, decimal? MeanMovingRange, Variation Variation,
    Assurance Assurance, decimal? Target)
{
    /// <summary>Making Data Count advises at least 15 points before limits are trusted; fewer is a caveat to show.</summary>
    public const int RecommendedPoints = 15;

    public bool FewerPointsThanRecommended => Points.Count < RecommendedPoints;

    public string VariationWords => Variation switch
    {
        Variation.NotEnoughData => "not enough data",
        Variation.NoSignificantChange => "no significant change",
        Variation.Improving => "improving",
        Variation.Deteriorating => "deteriorating",
        Variation.HigherThanUsual => "higher than usual",
        Variation.LowerThanUsual => "lower than usual",
        _ => throw new InvalidOperationException(),
    };

    public string AssuranceWords => Assurance switch
    {
        Assurance.NoTarget => "no target",
        Assurance.ReliablyMet => "target reliably met",
        Assurance.ReliablyMissed => "target reliably missed",
        Assurance.CouldGoEitherWay => "could go either way",
        _ => throw new InvalidOperationException(),
    };
}

public sealed record SpcOptions
{
    /// <summary>Null: XmR for counts and averages, p'-chart for percentages with counts.</summary>
    public ChartKind? Kind { get; init; }

    /// <summary>Set the mean and limits from the first N points only (after a known change); null: all points.</summary>
    public int? BaselinePoints { get; init; }

    /// <summary>
    /// Chart only the latest N months (default 24, two years, as Making Data Count charts do): a council's extract
    /// reaches back many years, and limits drawn over a decade of partly recorded history would call the present
    /// process "reliably" whatever the past was. Null: every month.
    /// </summary>
    public int? WindowMonths { get; init; } = DefaultWindowMonths;

    public const int DefaultWindowMonths = 24;
}
