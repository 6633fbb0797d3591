using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Rolling;

/// <summary>One month's stored counts for one indicator, scope and series: what a rolling figure is made from.</summary>
public readonly record struct MonthCounts(Month Month, int Numerator, int Denominator, string? NotAvailable);

/// <summary>A rolling figure: the window's counts added up and the value they give, or why there is none.</summary>
public readonly record struct RolledCounts(int Numerator, int Denominator, decimal? Value, string? NotAvailable);

/// <summary>
/// Rolling 3- and 12-month figures, made from the monthly figures the nightly run stored (never from other rows), so a
/// rolling figure always agrees with the months it covers. The rule, by kind of measure:
/// <list type="bullet">
/// <item>Events in the month and things due in the month (percentages): the numerators and denominators of the months are
/// added up, so the figure is the share over all the window's events (3 months of 4 referrals each: 12 referrals).</item>
/// <item>Positions at the month's end (as-at percentages and averages): the month-end positions are pooled the same way,
/// which is the average of the month-end figures weighted by their size (a child open at three month-ends counts at each).</item>
/// <item>Measures that already cover 12 months (OVERSIGHT-02), measures whose source holds only the latest status, and
/// counts of a position (RISK-02, open assessments overdue at the month's end): not rolled. Adding up month-end counts
/// would count the same overdue assessment three times, and an average would invent part-children; these keep their own
/// period, which the page names.</item>
/// </list>
/// A window that reaches before the first month offered, or that has a month where the measure was not available, has no
/// rolling figure: a part-window would be a different period under the same label. A month with no stored row counted
/// nothing there (a team that did not do that work) and adds 0 of 0.
/// </summary>
public static class RollingFigures
{
    /// <summary>True when the indicator's figures roll up over 3 or 12 months (see the rule above).</summary>
    public static bool Rolls(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Period != PeriodKind.Rolling12Months && !definition.LatestMonthOnly && definition.Unit != IndicatorUnit.Count;
    }

    /// <summary>Why an indicator keeps its own period under a rolling length, for the page and the pack to say; null when it rolls.</summary>
    public static string? WhyNotRolled(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Period == PeriodKind.Rolling12Months) return "this measure already covers the 12 months to the month chosen";
        if (definition.LatestMonthOnly) return "the source holds only the latest status, so only the latest month can be measured";
        if (definition.Unit == IndicatorUnit.Count) return "a count at the month's end is not added up over months";
        return null;
    }

    /// <summary>
    /// What the denominator counts over <paramref name="length"/>, for "19 of 22 ..." beside a rolling figure: "contacts in the
    /// 12 months" for events, "open CP plans at the 3 month-ends" for positions (each month-end's plans added up). The
    /// definition's own words for a single month or a measure that does not roll.
    /// </summary>
    public static string DenominatorWords(IndicatorDefinition definition, FigureLength length)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var words = definition.Denominator;
        if (!length.IsRolling || !Rolls(definition)) return words;
        return words.Contains("in the month", StringComparison.Ordinal)
            ? words.Replace("in the month", $"in the {length.Months} months", StringComparison.Ordinal)
            : $"{words} at the {length.Months} month-ends";
    }

    /// <summary>
    /// The figure for the <paramref name="length"/> ending with <paramref name="end"/>, from the months given (any order;
    /// months outside the window are ignored). Null when the window starts before <paramref name="firstOffered"/>.
    /// </summary>
    public static RolledCounts? Combine(IndicatorDefinition definition, FigureLength length, Month end, Month firstOffered,
        IEnumerable<MonthCounts> months)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(months);
        var start = length.WindowStart(end);
        if (start < firstOffered) return null;
        long numerator = 0, denominator = 0;
        foreach (var m in months)
        {
            if (m.Month < start || m.Month > end) continue;
            if (m.NotAvailable is { } why) return new RolledCounts(0, 0, null, why);
            numerator += m.Numerator;
            denominator += m.Denominator;
        }
        var n = checked((int)numerator);
        var d = checked((int)denominator);
        return new RolledCounts(n, d, IndicatorValue.Of(definition.Unit, n, d), null);
    }
}
