using Dashboard.Core.Indicators.Catalogue;

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

/// <summary>A point on the chart with its phase's mean and limits (limits null when its phase has too few points to set them).</summary>
/// <param name="Phase">The index of the point's phase in <see cref="SpcResult.Phases"/>.</param>
public sealed record SpcPoint(
    Month Month, decimal Value, decimal Mean, decimal? Upper, decimal? Lower, decimal? UpperTwoSigma, decimal? LowerTwoSigma,
    SpecialCause Causes, SignalDirection? Signal, int Phase = 0);

/// <summary>Why a phase starts where it does.</summary>
public enum PhaseStart
{
    /// <summary>The first month charted.</summary>
    FirstMonth,
    /// <summary>A change the council recorded (<see cref="Settings.ChangeDate"/>).</summary>
    RecordedChange,
    /// <summary>A run of 7 or more months on one side of the earlier mean: the process moved, so its limits are recalculated.</summary>
    SustainedShift,
}

/// <summary>
/// A stretch of months with one mean and one set of limits (Making Data Count: limits are recalculated after a sustained
/// shift or a known change). A phase with fewer than <see cref="SpcOptions.MinimumPhasePoints"/> points gets no limits.
/// </summary>
/// <param name="Change">What the council recorded as changing, for <see cref="PhaseStart.RecordedChange"/>.</param>
/// <param name="Shift">Which way the process moved, for <see cref="PhaseStart.SustainedShift"/>.</param>
public sealed record SpcPhase(
    Month Start, Month End, int PointCount, decimal Mean, decimal? MeanMovingRange, bool HasLimits, PhaseStart Reason, string? Change = null,
    SignalDirection? Shift = null)
{
    /// <summary>The words a chart prints at the phase's boundary: the change's own text, or "Limits recalculated".</summary>
    public string Label => Reason == PhaseStart.RecordedChange && !string.IsNullOrWhiteSpace(Change) ? Change! : "Limits recalculated";

    /// <summary>Why the limits start again here, as the end of a sentence: "after a sustained rise", "when the council recorded: New teams".</summary>
    public string Why => Reason switch
    {
        PhaseStart.RecordedChange => $"when the council recorded a change ({Change})",
        PhaseStart.SustainedShift => Shift == SignalDirection.High
            ? "after a sustained rise (7 or more months above the earlier average)"
            : "after a sustained fall (7 or more months below the earlier average)",
        _ => "from the first month charted",
    };
}

/// <summary>What the variation says, from the latest phase.</summary>
public enum Variation
{
    NotEnoughData,
    NoSignificantChange,
    Improving,
    Deteriorating,
    HigherThanUsual,
    LowerThanUsual,
}

/// <summary>Whether the process can be relied on to meet the target, from where the latest phase's limits sit.</summary>
public enum Assurance
{
    NoTarget,
    /// <summary>Even the worse limit is on the right side of the target.</summary>
    ConsistentlyMet,
    /// <summary>Even the better limit is on the wrong side of the target.</summary>
    ConsistentlyMissed,
    /// <summary>The target lies between the limits.</summary>
    MayOrMayNotMeet,
    /// <summary>A target, but too few months in the latest phase to set limits.</summary>
    NotEnoughData,
}

/// <summary>
/// The chart: every point with its phase's limits, the phases, and the verdict of the latest phase in plain words.
/// <see cref="Mean"/> and <see cref="MeanMovingRange"/> are the latest phase's.
/// </summary>
public sealed record SpcResult(
    ChartKind Kind, IReadOnlyList<SpcPoint> Points, decimal? Mean, decimal? MeanMovingRange, Variation Variation,
    Assurance Assurance, decimal? Target)
{
    /// <summary>Making Data Count advises at least 15 points before limits are trusted; fewer is a caveat to show.</summary>
    public const int RecommendedPoints = 15;

    /// <summary>The phases, earliest first; one when the limits were never recalculated.</summary>
    public IReadOnlyList<SpcPhase> Phases { get; init; } = [];

    /// <summary>Which way is better, so the assurance can say "below" or "above" the target.</summary>
    public Polarity Polarity { get; init; } = Polarity.HigherIsBetter;

    /// <summary>The phase the verdict comes from; null with no points.</summary>
    public SpcPhase? LatestPhase => Phases.Count == 0 ? null : Phases[^1];

    /// <summary>True when the latest phase has fewer points than Making Data Count advises for trusted limits.</summary>
    public bool FewerPointsThanRecommended => (LatestPhase?.PointCount ?? Points.Count) < RecommendedPoints;

    /// <summary>"getting better", "no real change", "too few months to judge yet".</summary>
    public string VariationWords => SpcWords.Variation(Variation);

    /// <summary>"consistently below the target", "may or may not meet the target", "no target set".</summary>
    public string AssuranceWords => SpcWords.Assurance(Assurance, Polarity);

    /// <summary>"Getting better; consistently below the target", or only the variation when there is nothing to add.</summary>
    public string Headline => SpcWords.Headline(this);
}

public sealed record SpcOptions
{
    /// <summary>Null: XmR for counts and averages, p'-chart for percentages with counts.</summary>
    public ChartKind? Kind { get; init; }

    /// <summary>The council's recorded changes for this indicator (<see cref="Settings.IndicatorSettings.ChangeDatesFor"/>): a new phase starts with each one's month.</summary>
    public IReadOnlyList<Settings.ChangeDate> Changes { get; init; } = [];

    /// <summary>
    /// Points a phase needs before its mean and limits are set, and the verdict judged: 7, the length of the run that
    /// starts a new phase, so a phase begun by a sustained shift always has limits. A phase after a recorded change with
    /// fewer months is drawn without limits and judged "too few months to judge yet".
    /// </summary>
    public int MinimumPhasePoints { get; init; } = DefaultMinimumPhasePoints;

    public const int DefaultMinimumPhasePoints = 7;

    /// <summary>
    /// Chart only the latest N months (default 24, two years, as Making Data Count charts do): a council's extract
    /// reaches back many years, and limits drawn over a decade of partly recorded history would call the present
    /// process "consistent" whatever the past was. Null: every month.
    /// </summary>
    public int? WindowMonths { get; init; } = DefaultWindowMonths;

    public const int DefaultWindowMonths = 24;

    /// <summary>The options for one indicator of a council: its recorded changes, the default window and chart kind.</summary>
    public static SpcOptions For(Settings.IndicatorSettings settings, string indicatorId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SpcOptions { Changes = settings.ChangeDatesFor(indicatorId) };
    }
}
