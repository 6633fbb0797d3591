using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Suppression;

/// <summary>One point of a time series before suppression, for example a month's numerator and denominator.</summary>
public sealed record SeriesPoint(string Label, int Numerator, int Denominator);

/// <summary>Suppression of an indicator's series, point by point.</summary>
/// <remarks>
/// Each point is a figure of its own (<see cref="FigureSuppression"/>). That is enough while the series
/// publishes no total across its points (monthly rates do not add up). A chart that also prints a
/// year's total needs the months as the columns of one table (<see cref="TableSuppression"/>) instead,
/// or a small month could be worked out from the year.
/// </remarks>
public static class SeriesSuppression
{
    /// <summary>The published figure for every point, in the order given.</summary>
    public static IReadOnlyList<PublishedFigure> Apply(IEnumerable<SeriesPoint> points, IndicatorUnit unit, SuppressionRule rule, Func<decimal, string>? format = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(rule);
        return [.. points.Select(p => FigureSuppression.Apply(p.Numerator, p.Denominator, unit, rule, format))];
    }
}
