using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;

namespace Dashboard.Reports.Figures;

/// <summary>
/// One stored figure as a pack may print it. With a suppression rule the counts and the value have been through
/// <see cref="FigureSuppression"/> already: a hidden count is not in here at all, only its "c", so no renderer
/// (table, chart data or text) can print it by mistake.
/// </summary>
/// <param name="Value">The value to chart and rate; null when hidden, not available or over no cases.</param>
/// <param name="ValueText">"82.5%", "c", "z" (no cases) or "x" (not available).</param>
public sealed record PackFigure(
    decimal? Value, string ValueText, int? Numerator, int? Denominator, string NumeratorText, string DenominatorText, string? NotAvailable,
    bool Suppressed)
{
    /// <summary>No stored row: nothing of this kind was counted that month.</summary>
    public static PackFigure Missing { get; } = new(null, "x", null, null, "x", "x", "nothing of this kind was counted this month.", false);

    public bool IsAvailable => NotAvailable is null;

    /// <summary>The figure exactly when <paramref name="rule"/> is null, else suppressed.</summary>
    /// <summary>
    /// The exact denominator, for the "too few to rate" rule only: a hidden denominator must not turn "too few to rate" into
    /// a colour in the councillors' pack, and "too few" says no more than "fewer than the minimum".
    /// </summary>
    public int? RatingDenominator { get; init; }

    public static PackFigure Of(StoredIndicator? row, IndicatorUnit unit, SuppressionRule? rule)
    {
        if (row is null) return Missing;
        if (row.NotAvailable is { } why) return new PackFigure(null, "x", null, null, "x", "x", why, false);
        if (rule is null)
        {
            return new PackFigure(row.Value, row.Value is null ? "z" : IndicatorValue.Format(unit, row.Value), row.Numerator, row.Denominator,
                Count(row.Numerator), Count(row.Denominator), null, false) { RatingDenominator = row.Denominator };
        }
        // A count larger than its denominator has no [met, not met] table; each count is hidden on its own then.
        var published = unit != IndicatorUnit.Average && row.Numerator > row.Denominator
            ? FigureSuppression.Apply(row.Numerator, row.Denominator, IndicatorUnit.Average, rule) with { Unit = unit }
            : FigureSuppression.Apply(row.Numerator, row.Denominator, unit, rule);
        var value = published.IsHidden || published.ValueStatus != CellStatus.Shown ? null : row.Value;
        var suppressed = published.IsHidden || published.Numerator.IsHidden || published.Denominator.IsHidden;
        return new PackFigure(value, value is null ? published.ValueText : IndicatorValue.Format(unit, value),
            published.Numerator.Value, published.Denominator.Value, published.Numerator.Text, published.Denominator.Text, null, suppressed)
        {
            RatingDenominator = row.Denominator,
        };
    }

    /// <summary>"412 of 530 visits"; for an average "823 across 45 workers"; "" when not available.</summary>
    /// <param name="length">For rolling figures, what the denominator counts over the window ("contacts in the 3 months").</param>
    public string CountsInWords(IndicatorDefinition definition, Core.Indicators.Rolling.FigureLength length = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!IsAvailable) return "";
        var noun = LowerFirst(Core.Indicators.Rolling.RollingFigures.DenominatorWords(definition, length));
        return definition.Unit == IndicatorUnit.Average ? $"{NumeratorText} across {DenominatorText} {noun}" : $"{NumeratorText} of {DenominatorText} {noun}";
    }

    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
