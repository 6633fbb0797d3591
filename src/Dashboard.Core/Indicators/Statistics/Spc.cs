using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>
/// Statistical process control for a monthly series, as NHS England's "Making Data Count" teaches it: XmR limits (mean
/// +/- 2.66 x mean moving range) for counts and averages; for percentages with their counts, per-month p-chart limits,
/// Laney-adjusted (p') by default so that big denominators do not make ordinary month-to-month variation look special.
/// Months with no value are left off the chart.
/// <para>
/// The limits are recalculated in phases (<see cref="SpcPhasing"/>): at each change the council recorded and after a
/// sustained shift, so months before an improvement are not judged against the limits of the months after it. A phase
/// needs <see cref="SpcOptions.MinimumPhasePoints"/> points for limits; with fewer it is drawn without them and not
/// judged. The special-cause rules run within each phase against its own limits, and the verdict (variation, respecting
/// the indicator's polarity, and assurance against the target) comes from the latest phase.
/// </para>
/// </summary>
public static class Spc
{
    /// <summary>XmR scaling constant: 3 / d2 with d2 = 1.128 for moving ranges of two.</summary>
    public const decimal XmRConstant = 2.66m;

    /// <summary>
    /// The chart for one scope's monthly results of an indicator (as <see cref="EngineRun.SeriesFor"/> gives
    /// them), with the target and recorded changes from the council's settings. Months not available are left off.
    /// </summary>
    public static SpcResult ForResults(IEnumerable<IndicatorResult> results, IndicatorDefinition definition, IndicatorSettings settings, SpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var series = results.Where(r => r.IsAvailable).Select(r => new SpcInput(r.Month, r.Value, r.Numerator, r.Denominator)).ToList();
        options ??= SpcOptions.For(settings, definition.Id);
        return Analyse(series, definition.Polarity, definition.Unit, settings.TargetFor(definition.Id), options);
    }

    public static SpcResult Analyse(IReadOnlyList<SpcInput> series, Polarity polarity, IndicatorUnit unit, decimal? target = null, SpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new SpcOptions();
        var points = series.Where(p => p.Value is not null).OrderBy(p => p.Month).ToArray();
        if (options.WindowMonths is { } window && points.Length > window) points = points[^window..];
        var hasCounts = points.Length > 0 && points.All(p => p.Numerator is not null && p.Denominator is > 0);
        var kind = options.Kind ?? (unit == IndicatorUnit.Percent && hasCounts ? ChartKind.PPrimeChart : ChartKind.XmR);
        if (kind != ChartKind.XmR && !hasCounts)
        {
            throw new ArgumentException("A p-chart needs every point's numerator and denominator.", nameof(series));
        }
        var judged = target is not null && polarity != Polarity.Neither;
        if (points.Length == 0)
        {
            return new SpcResult(kind, [], null, null, Variation.NotEnoughData, judged ? Assurance.NotEnoughData : Assurance.NoTarget, target)
                { Polarity = polarity };
        }

        var result = new SpcPoint[points.Length];
        var phases = new List<SpcPhase>();
        foreach (var span in SpcPhasing.Find(points, kind, unit, options.Changes))
        {
            phases.Add(Phase(points[span.Start..span.End], span, phases.Count, kind, unit, options.MinimumPhasePoints, result));
        }
        var latest = phases[^1];
        var last = result[^1];
        return new SpcResult(kind, result, latest.Mean, latest.MeanMovingRange,
            latest.HasLimits ? VariationOf(last, polarity) : Variation.NotEnoughData,
            !judged ? Assurance.NoTarget : latest.HasLimits ? AssuranceOf(last, polarity, target!.Value) : Assurance.NotEnoughData, target)
        {
            Phases = phases,
            Polarity = polarity,
        };
    }

    /// <summary>One phase: its limits when it has enough points, and its points with the rules applied against them.</summary>
    private static SpcPhase Phase(SpcInput[] points, SpcPhasing.Span span, int index, ChartKind kind, IndicatorUnit unit, int minimum, SpcPoint[] into)
    {
        var n = points.Length;
        var values = points.Select(p => p.Value!.Value).ToArray();
        var phase = new SpcPhase(points[0].Month, points[^1].Month, n, SpcLimits.Centre(points, kind, unit), null, false, span.Reason, span.Change, span.Shift);
        if (n < Math.Max(2, minimum))
        {
            // Too few points for limits: drawn with the phase's mean only, and no claim either way.
            for (var i = 0; i < n; i++) into[span.Start + i] = new SpcPoint(points[i].Month, values[i], phase.Mean, null, null, null, null, SpecialCause.None, null, index);
            return phase;
        }
        var limits = SpcLimits.Of(points, kind, unit);
        var causes = new SpecialCause[n];
        var directions = Enumerable.Range(0, n).Select(_ => new SignalDirection?[4]).ToArray();
        SpcRules.Apply(values, limits.Mean, limits.Upper, limits.Lower, limits.Upper2, limits.Lower2, causes, directions);
        for (var i = 0; i < n; i++)
        {
            into[span.Start + i] = new SpcPoint(points[i].Month, values[i], limits.Mean, limits.Upper[i], limits.Lower[i],
                limits.Upper2[i], limits.Lower2[i], causes[i], SpcRules.Signal(directions[i]), index);
        }
        return phase with { Mean = limits.Mean, MeanMovingRange = limits.MeanMovingRange, HasLimits = true };
    }

    private static Variation VariationOf(SpcPoint latest, Polarity polarity) => (latest.Signal, polarity) switch
    {
        (null, _) => Variation.NoSignificantChange,
        (SignalDirection.High, Polarity.HigherIsBetter) or (SignalDirection.Low, Polarity.LowerIsBetter) => Variation.Improving,
        (SignalDirection.High, Polarity.LowerIsBetter) or (SignalDirection.Low, Polarity.HigherIsBetter) => Variation.Deteriorating,
        (SignalDirection.High, _) => Variation.HigherThanUsual,
        _ => Variation.LowerThanUsual,
    };

    /// <summary>
    /// Met when even the worse limit of the latest month is on the right side of the target (on the target counts as
    /// met); missed when even the better limit is on the wrong side; otherwise it may or may not meet it.
    /// </summary>
    private static Assurance AssuranceOf(SpcPoint latest, Polarity polarity, decimal target)
    {
        if (latest.Upper is not { } upper || latest.Lower is not { } lower) return Assurance.NotEnoughData;
        if (polarity == Polarity.HigherIsBetter)
        {
            return lower >= target ? Assurance.ConsistentlyMet : upper < target ? Assurance.ConsistentlyMissed : Assurance.MayOrMayNotMeet;
        }
        return upper <= target ? Assurance.ConsistentlyMet : lower > target ? Assurance.ConsistentlyMissed : Assurance.MayOrMayNotMeet;
    }
}
