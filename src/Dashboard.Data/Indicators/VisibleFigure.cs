using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Suppression;

namespace Dashboard.Data.Indicators;

/// <summary>
/// One stored figure as a reader may see it: on a dashboard page, in a pack or in a pack's Excel twin. With a
/// suppression rule (a councillor, the councillors' pack) the counts and the value have been through
/// <see cref="FigureSuppression"/> already, so a hidden count is not in here at all, only its "c", and no renderer
/// (table, chart data, alternative text, words) can print it by mistake. The dashboard and the packs share this one
/// type so the rule that hides a figure cannot drift between them.
/// </summary>
/// <param name="Value">The value to chart and rate; null when hidden, not available or over no cases.</param>
/// <param name="ValueText">"82.5%", "c", "z" (no cases) or "x" (not available).</param>
/// <param name="Numerator">The numerator when shown, for SPC limits and funnels; null when hidden.</param>
/// <param name="Denominator">The denominator when shown; null when hidden.</param>
/// <param name="Suppressed">True when the value or either count was hidden by the rule.</param>
public sealed record VisibleFigure(
    decimal? Value, string ValueText, int? Numerator, int? Denominator, string NumeratorText, string DenominatorText, string? NotAvailable,
    bool Suppressed)
{
    /// <summary>No stored row: nothing of this kind was counted for the scope that month (a team that does not do this work).</summary>
    public static VisibleFigure Missing { get; } = new(null, "x", null, null, "x", "x", "nothing of this kind was counted here this month.", false);

    public bool IsAvailable => NotAvailable is null;

    public bool IsMissing => ReferenceEquals(this, Missing);

    /// <summary>
    /// The exact denominator, for the "too few to rate" rule only. A councillor's hidden denominator must not turn "too few
    /// to rate" into a colour: the rating is the director's, and "too few" says no more than "fewer than the minimum".
    /// </summary>
    public int? RatingDenominator { get; init; }

    /// <summary>The figure exactly when <paramref name="rule"/> is null, else suppressed.</summary>
    public static VisibleFigure Of(StoredIndicator? row, IndicatorUnit unit, SuppressionRule? rule)
    {
        if (row is null) return Missing;
        if (row.NotAvailable is { } why) return new VisibleFigure(null, "x", null, null, "x", "x", why, false);
        if (rule is null)
        {
            return new VisibleFigure(row.Value, row.Value is null ? "z" : IndicatorValue.Format(unit, row.Value), row.Numerator, row.Denominator,
                Count(row.Numerator), Count(row.Denominator), null, false) { RatingDenominator = row.Denominator };
        }
        // A count larger than its denominator has no [met, not met] table; each count is hidden on its own then.
        var published = unit != IndicatorUnit.Average && row.Numerator > row.Denominator
            ? FigureSuppression.Apply(row.Numerator, row.Denominator, IndicatorUnit.Average, rule) with { Unit = unit }
            : FigureSuppression.Apply(row.Numerator, row.Denominator, unit, rule);
        var value = published.IsHidden || published.ValueStatus != CellStatus.Shown ? null : row.Value;
        var suppressed = published.IsHidden || published.Numerator.IsHidden || published.Denominator.IsHidden;
        return new VisibleFigure(value, value is null ? published.ValueText : IndicatorValue.Format(unit, value),
            published.Numerator.Value, published.Denominator.Value, published.Numerator.Text, published.Denominator.Text, null, suppressed)
        {
            RatingDenominator = row.Denominator,
        };
    }

    /// <summary>"412 of 530 visits" in the definition's words; for an average "823 across 45 workers"; "" when not available.</summary>
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
