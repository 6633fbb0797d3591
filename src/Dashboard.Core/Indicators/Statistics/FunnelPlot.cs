namespace Dashboard.Core.Indicators.Statistics;

/// <summary>A unit on a funnel plot: a team or worker with its events and how many had the outcome.</summary>
public readonly record struct FunnelUnit(string Id, int Numerator, int Denominator);

/// <summary>Where a unit sits against one pair of funnel limits.</summary>
public enum FunnelPosition
{
    Within,
    Above,
    Below,
}

/// <summary>A unit's rate (a proportion, 0 to 1) and the funnel limits at its size.</summary>
public sealed record FunnelPoint(
    string Id, int Numerator, int Denominator, decimal Rate, decimal Lower95, decimal Upper95, decimal Lower998, decimal Upper998)
{
    public FunnelPosition At95 => Rate > Upper95 ? FunnelPosition.Above : Rate < Lower95 ? FunnelPosition.Below : FunnelPosition.Within;

    public FunnelPosition At998 => Rate > Upper998 ? FunnelPosition.Above : Rate < Lower998 ? FunnelPosition.Below : FunnelPosition.Within;

    /// <summary>Outside the 99.8% limits: an outlier worth asking about (OVERSIGHT-02 counts these).</summary>
    public bool IsOutlier => At998 != FunnelPosition.Within;
}

/// <summary>
/// Funnel plots (Spiegelhalter 2005) for comparing units of different sizes against the council's rate,
/// the fair way to ask whether a team applies thresholds differently. Method: the normal approximation to
/// the binomial, p0 +/- z * sqrt(p0 (1 - p0) / n), with z = 1.959964 (95%) and 3.090232 (99.8%), clipped to
/// 0..1. That is the score test, the same test Wilson's interval inverts: a unit is outside the limits
/// exactly when the council's rate lies outside the unit's Wilson interval. Rates are proportions here;
/// indicators show them as percentages. A unit's rate exactly on a limit is within it.
/// </summary>
public static class FunnelPlot
{
    public const decimal Z95 = 1.959964m;
    public const decimal Z998 = 3.090232m;

    /// <summary>
    /// Plots the units around <paramref name="centre"/>, or around the pooled rate of all units when no centre
    /// is given. Units with no events are left out (they have no rate).
    /// </summary>
    public static IReadOnlyList<FunnelPoint> Plot(IReadOnlyCollection<FunnelUnit> units, decimal? centre = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var p0 = centre ?? PooledRate(units);
        var points = new List<FunnelPoint>(units.Count);
        foreach (var u in units)
        {
            if (u.Denominator <= 0) continue;
            var (l95, u95) = Limits(p0, u.Denominator, Z95);
            var (l998, u998) = Limits(p0, u.Denominator, Z998);
            points.Add(new FunnelPoint(u.Id, u.Numerator, u.Denominator, (decimal)u.Numerator / u.Denominator, l95, u95, l998, u998));
        }
        return points;
    }

    /// <summary>The limits for a unit of <paramref name="n"/> events around rate <paramref name="p0"/>; also draws the funnel lines.</summary>
    public static (decimal Lower, decimal Upper) Limits(decimal p0, int n, decimal z)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var spread = z * DecimalMath.Sqrt(p0 * (1 - p0) / n);
        return (DecimalMath.Clamp(p0 - spread, 0, 1), DecimalMath.Clamp(p0 + spread, 0, 1));
    }

    public static decimal PooledRate(IEnumerable<FunnelUnit> units)
    {
        long x = 0, n = 0;
        foreach (var u in units)
        {
            x += u.Numerator;
            n += u.Denominator;
        }
        return n == 0 ? 0 : (decimal)x / n;
    }
}
