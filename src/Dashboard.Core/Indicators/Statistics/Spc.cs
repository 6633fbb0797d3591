using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>
/// Statistical process control for a monthly series, as NHS England's "Making Data Count" teaches it:
/// XmR limits (mean +/- 2.66 x mean moving range) for counts and averages; for percentages with their
/// counts, per-month p-chart limits, Laney-adjusted (p') by default so that big denominators do not make
/// ordinary month-to-month variation look special. Months with no value are left off the chart. The
/// verdict in words comes from the latest point and respects the indicator's polarity; the assurance
/// verdict compares the latest point's limits with the target.
/// </summary>
public static class Spc
{
    /// <summary>XmR scaling constant: 3 / d2 with d2 = 1.128 for moving ranges of two.</summary>
    public const decimal XmRConstant = 2.66m;

    /// <summary>d2 for moving ranges of two, used to turn Laney's mean moving range of z-scores into a sigma.</summary>
    private const decimal D2 = 1.128m;

    /// <summary>
    /// The chart for one scope's monthly results of an indicator (as <see cref="EngineRun.SeriesFor"/> gives
    /// them), with the target from the council's settings. Months not available are left off.
    /// </summary>
    public static SpcResult ForResults(IEnumerable<IndicatorResult> results, IndicatorDefinition definition, IndicatorSettings settings, SpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var series = results.Where(r => r.IsAvailable).Select(r => new SpcInput(r.Month, r.Value, r.Numerator, r.Denominator)).ToList();
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
        var n = points.Length;
        var values = points.Select(p => p.Value!.Value).ToArray();
        var baseline = Math.Clamp(options.BaselinePoints ?? n, 0, n);
        if (baseline < 2)
        {
            // Too few points for limits: a run chart only, and no claim either way.
            var mean = n == 0 ? (decimal?)null : values.Average();
            var bare = points.Select((p, i) => new SpcPoint(p.Month, values[i], mean ?? 0, null, null, null, null, SpecialCause.None, null)).ToArray();
            var assurance = target is null || polarity == Polarity.Neither ? Assurance.NoTarget : Assurance.CouldGoEitherWay;
            return new SpcResult(kind, bare, mean, null, Variation.NotEnoughData, assurance, target);
        }

        var limits = kind == ChartKind.XmR ? XmR(values, baseline) : PChart(points, baseline, kind == ChartKind.PPrimeChart, unit);
        var causes = new SpecialCause[n];
        var directions = Enumerable.Range(0, n).Select(_ => new SignalDirection?[4]).ToArray();
        SpcRules.Apply(values, limits.Mean, limits.Upper, limits.Lower, limits.Upper2, limits.Lower2, causes, directions);
        var result = points.Select((p, i) => new SpcPoint(p.Month, values[i], limits.Mean, limits.Upper[i], limits.Lower[i],
            limits.Upper2[i], limits.Lower2[i], causes[i], SpcRules.Signal(directions[i]))).ToArray();
        return new SpcResult(kind, result, limits.Mean, limits.MeanMovingRange, VariationOf(result[^1], polarity),
            AssuranceOf(result[^1], polarity, target), target);
    }

    private sealed record Limits(decimal Mean, decimal? MeanMovingRange, decimal?[] Upper, decimal?[] Lower, decimal?[] Upper2, decimal?[] Lower2);

    private static Limits XmR(decimal[] values, int baseline)
    {
        var mean = values.Take(baseline).Average();
        var mr = Enumerable.Range(1, baseline - 1).Select(i => Math.Abs(values[i] - values[i - 1])).Average();
        var spread = XmRConstant * mr;
        var n = values.Length;
        return new Limits(mean, mr,
            Fill(n, mean + spread), Fill(n, mean - spread), Fill(n, mean + (spread * 2 / 3)), Fill(n, mean - (spread * 2 / 3)));
    }

    /// <summary>
    /// p-chart limits in the indicator's unit (percent), with p-bar the pooled proportion of the baseline. For
    /// p', each point's sigma is scaled by sigma-z, the XmR sigma of the points' z-scores (Laney 2002).
    /// </summary>
    private static Limits PChart(SpcInput[] points, int baseline, bool laney, IndicatorUnit unit)
    {
        var scale = unit == IndicatorUnit.Percent ? 100m : 1m;
        long x = 0, d = 0;
        for (var i = 0; i < baseline; i++)
        {
            x += points[i].Numerator!.Value;
            d += points[i].Denominator!.Value;
        }
        var pBar = (decimal)x / d;
        var sigmas = points.Select(p => DecimalMath.Sqrt(pBar * (1 - pBar) / p.Denominator!.Value)).ToArray();
        var sigmaZ = 1m;
        if (laney && pBar is > 0 and < 1)
        {
            var z = points.Take(baseline).Select((p, i) => (((decimal)p.Numerator!.Value / p.Denominator!.Value) - pBar) / sigmas[i]).ToArray();
            sigmaZ = Enumerable.Range(1, baseline - 1).Select(i => Math.Abs(z[i] - z[i - 1])).Average() / D2;
        }
        var n = points.Length;
        decimal?[] up = new decimal?[n], lo = new decimal?[n], up2 = new decimal?[n], lo2 = new decimal?[n];
        for (var i = 0; i < n; i++)
        {
            var s = sigmas[i] * sigmaZ;
            up[i] = DecimalMath.Clamp(pBar + (3 * s), 0, 1) * scale;
            lo[i] = DecimalMath.Clamp(pBar - (3 * s), 0, 1) * scale;
            up2[i] = DecimalMath.Clamp(pBar + (2 * s), 0, 1) * scale;
            lo2[i] = DecimalMath.Clamp(pBar - (2 * s), 0, 1) * scale;
        }
        return new Limits(pBar * scale, null, up, lo, up2, lo2);
    }

    private static decimal?[] Fill(int n, decimal value) => Enumerable.Repeat<decimal?>(value, n).ToArray();

    private static Variation VariationOf(SpcPoint latest, Polarity polarity) => (latest.Signal, polarity) switch
    {
        (null, _) => Variation.NoSignificantChange,
        (SignalDirection.High, Polarity.HigherIsBetter) or (SignalDirection.Low, Polarity.LowerIsBetter) => Variation.Improving,
        (SignalDirection.High, Polarity.LowerIsBetter) or (SignalDirection.Low, Polarity.HigherIsBetter) => Variation.Deteriorating,
        (SignalDirection.High, _) => Variation.HigherThanUsual,
        _ => Variation.LowerThanUsual,
    };

    /// <summary>
    /// Met when even the worse limit is on the right side of the target (on the target counts as met); missed
    /// when even the better limit is on the wrong side; otherwise it could go either way.
    /// </summary>
    private static Assurance AssuranceOf(SpcPoint latest, Polarity polarity, decimal? target)
    {
        if (target is not { } t || polarity == Polarity.Neither || latest.Upper is not { } upper || latest.Lower is not { } lower)
        {
            return Assurance.NoTarget;
        }
        if (polarity == Polarity.HigherIsBetter)
        {
            return lower >= t ? Assurance.ReliablyMet : upper < t ? Assurance.ReliablyMissed : Assurance.CouldGoEitherWay;
        }
        return upper <= t ? Assurance.ReliablyMet : lower > t ? Assurance.ReliablyMissed : Assurance.CouldGoEitherWay;
    }
}
