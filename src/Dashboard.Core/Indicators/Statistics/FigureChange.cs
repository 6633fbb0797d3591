using Dashboard.Core.Indicators.Catalogue;
using System.Globalization;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>Whether a change between two months is for the better, given the indicator's polarity.</summary>
public enum ChangeDirection
{
    /// <summary>One of the two figures is missing or hidden, so there is no change to show.</summary>
    Unknown,
    NoChange,
    Better,
    Worse,
    /// <summary>A context measure (polarity neither): it moved, but neither way is better.</summary>
    Moved,
}

/// <summary>
/// How a figure moved between two months (the letter's month and now), in the words the themes page and the
/// monitoring-visit pack both print, so an inspector reads the same change in either.
/// </summary>
public static class FigureChange
{
    /// <summary>Latest minus the earlier figure, rounded as the figures are shown, and whether that is better given the polarity.</summary>
    public static (decimal? Change, string Text, ChangeDirection Direction) Of(decimal? earlier, decimal? latest, IndicatorUnit unit, Polarity polarity)
    {
        if (earlier is not { } before || latest is not { } after) return (null, "–", ChangeDirection.Unknown);
        var decimals = unit == IndicatorUnit.Count ? 0 : 1;
        var change = Math.Round(after, decimals, MidpointRounding.AwayFromZero) - Math.Round(before, decimals, MidpointRounding.AwayFromZero);
        if (change == 0) return (0m, "no change", ChangeDirection.NoChange);
        var size = Math.Abs(change).ToString(decimals == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);
        var what = unit switch
        {
            IndicatorUnit.Percent => size == "1.0" ? " percentage point" : " percentage points",
            _ => "",
        };
        var text = $"{(change > 0 ? "up" : "down")} {size}{what}";
        var direction = polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? ChangeDirection.Better : ChangeDirection.Worse,
            Polarity.LowerIsBetter => change < 0 ? ChangeDirection.Better : ChangeDirection.Worse,
            _ => ChangeDirection.Moved,
        };
        return (change, text, direction);
    }

    public static string Words(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Better => "better",
        ChangeDirection.Worse => "worse",
        ChangeDirection.NoChange => "no change",
        ChangeDirection.Moved => "neither better nor worse (a context measure)",
        _ => "cannot be compared",
    };
}
