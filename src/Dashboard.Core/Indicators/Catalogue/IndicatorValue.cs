using System.Globalization;

namespace Dashboard.Core.Indicators.Catalogue;

/// <summary>
/// An indicator's value from its numerator and denominator, in the indicator's unit: a percentage (0 to
/// 100), a count, or an average. Values are exact decimals (never rounded when stored); only
/// <see cref="Format"/> rounds, for display. Targets and England comparators use the same unit, so they
/// compare directly. A zero denominator has no value: not 0%, and not an error.
/// </summary>
public static class IndicatorValue
{
    public static decimal? Of(IndicatorUnit unit, int numerator, int denominator)
    {
        if (denominator == 0) return null;
        return unit switch
        {
            IndicatorUnit.Percent => 100m * numerator / denominator,
            IndicatorUnit.Count => numerator,
            IndicatorUnit.Average => (decimal)numerator / denominator,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
    }

    /// <summary>For display: percentages and averages to one decimal place, counts whole; "no value" for null.</summary>
    public static string Format(IndicatorUnit unit, decimal? value)
    {
        if (value is not { } v) return "no value";
        return unit switch
        {
            IndicatorUnit.Percent => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            IndicatorUnit.Count => Math.Round(v, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture),
            IndicatorUnit.Average => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
    }
}
