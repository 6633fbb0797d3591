using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>The mean and limits of one phase's points, for XmR, p and Laney p' charts.</summary>
internal sealed record SpcLimits(decimal Mean, decimal? MeanMovingRange, decimal?[] Upper, decimal?[] Lower, decimal?[] Upper2, decimal?[] Lower2)
{
    /// <summary>d2 for moving ranges of two, used to turn Laney's mean moving range of z-scores into a sigma.</summary>
    private const decimal D2 = 1.128m;

    /// <summary>The centre line alone: the average for XmR, the pooled proportion (in the unit) for p-charts.</summary>
    public static decimal Centre(ReadOnlySpan<SpcInput> points, ChartKind kind, IndicatorUnit unit)
    {
        if (kind == ChartKind.XmR)
        {
            var sum = 0m;
            foreach (var p in points) sum += p.Value!.Value;
            return sum / points.Length;
        }
        long x = 0, d = 0;
        foreach (var p in points)
        {
            x += p.Numerator!.Value;
            d += p.Denominator!.Value;
        }
        return (decimal)x / d * Scale(unit);
    }

    public static SpcLimits Of(SpcInput[] points, ChartKind kind, IndicatorUnit unit) =>
        kind == ChartKind.XmR ? XmR([.. points.Select(p => p.Value!.Value)]) : PChart(points, kind == ChartKind.PPrimeChart, unit);

    private static decimal Scale(IndicatorUnit unit) => unit == IndicatorUnit.Percent ? 100m : 1m;

    /// <summary>Mean +/- 2.66 x the mean moving range; two sigma is two thirds of the way out.</summary>
    private static SpcLimits XmR(decimal[] values)
    {
        var mean = values.Average();
        var mr = Enumerable.Range(1, values.Length - 1).Select(i => Math.Abs(values[i] - values[i - 1])).Average();
        var spread = Spc.XmRConstant * mr;
        var n = values.Length;
        return new SpcLimits(mean, mr,
            Fill(n, mean + spread), Fill(n, mean - spread), Fill(n, mean + (spread * 2 / 3)), Fill(n, mean - (spread * 2 / 3)));
    }

    /// <summary>
    /// p-chart limits in the indicator's unit (percent), with p-bar the pooled proportion of the phase. For p', each
    /// point's sigma is scaled by sigma-z, the XmR sigma of the points' z-scores (Laney 2002).
    /// </summary>
    private static SpcLimits PChart(SpcInput[] points, bool laney, IndicatorUnit unit)
    {
        var scale = Scale(unit);
        var pBar = Centre(points, ChartKind.PChart, IndicatorUnit.Count);
        var sigmas = points.Select(p => DecimalMath.Sqrt(pBar * (1 - pBar) / p.Denominator!.Value)).ToArray();
        var sigmaZ = 1m;
        if (laney && pBar is > 0 and < 1)
        {
            var z = points.Select((p, i) => (((decimal)p.Numerator!.Value / p.Denominator!.Value) - pBar) / sigmas[i]).ToArray();
            sigmaZ = Enumerable.Range(1, points.Length - 1).Select(i => Math.Abs(z[i] - z[i - 1])).Average() / D2;
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
        return new SpcLimits(pBar * scale, null, up, lo, up2, lo2);
    }

    private static decimal?[] Fill(int n, decimal value) => Enumerable.Repeat<decimal?>(value, n).ToArray();
}
