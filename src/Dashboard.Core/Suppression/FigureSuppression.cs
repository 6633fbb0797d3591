using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Suppression;

/// <summary>Suppression of a single indicator figure (numerator over denominator).</summary>
/// <remarks>
/// For a percentage or a count the figure is a one-row table, [met, not met], whose total is the
/// denominator: the reader sees all three, so hiding only a small "not met" is not enough. 38 of 40 hides
/// the 2 not met, then the 38 met (else 40 - 38 gives the 2 back), shows the 40 and hides the 95.0%.
/// For an average (children per worker) the numerator and denominator are different things with no total
/// between them, so each is hidden only when small, and the average when either is hidden.
/// </remarks>
public static class FigureSuppression
{
    /// <summary>Suppresses one figure. <paramref name="format"/> prints a shown value (default: "82.5%",
    /// "1,234" or "18.3"); the default prints k for a percentage that is not zero but rounds to 0.0%.</summary>
    public static PublishedFigure Apply(int numerator, int denominator, IndicatorUnit unit, SuppressionRule rule, Func<decimal, string>? format = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        return unit == IndicatorUnit.Average
            ? Average(numerator, denominator, rule, format)
            : MetAndNotMet(numerator, denominator, unit, rule, format);
    }

    private static PublishedFigure MetAndNotMet(int numerator, int denominator, IndicatorUnit unit, SuppressionRule rule, Func<decimal, string>? format)
    {
        if (numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"A {unit} figure of {numerator} out of {denominator} has more met than cases.");
        }
        var table = TableSuppression.Apply(new int?[,] { { numerator, denominator - numerator } }, rule);
        var (met, notMet, total) = (table.Cell(0, 0), table.Cell(0, 1), table.RowTotal(0));
        if (unit == IndicatorUnit.Count)
        {
            // The count is the numerator itself, hidden or shown exactly as the numerator cell is.
            var text = met.Value is { } v && format is not null ? format(v) : met.Text;
            return new PublishedFigure(unit, met, total, notMet, met.Value, met.Status, text);
        }
        if (denominator == 0) return NotApplicable(unit, met, total, notMet);
        if (met.IsHidden || notMet.IsHidden || total.IsHidden) return Hidden(unit, met, total, notMet);
        var percent = 100m * numerator / denominator;
        return new PublishedFigure(unit, met, total, notMet, percent, CellStatus.Shown, (format ?? Percent)(percent));
    }

    private static PublishedFigure Average(int numerator, int denominator, SuppressionRule rule, Func<decimal, string>? format)
    {
        var (top, bottom) = (PublishedCell.Of(numerator, rule), PublishedCell.Of(denominator, rule));
        var notMet = PublishedCell.NotApplicable;
        if (denominator == 0) return NotApplicable(IndicatorUnit.Average, top, bottom, notMet);
        if (top.IsHidden || bottom.IsHidden) return Hidden(IndicatorUnit.Average, top, bottom, notMet);
        var average = (decimal)numerator / denominator;
        return new PublishedFigure(IndicatorUnit.Average, top, bottom, notMet, average, CellStatus.Shown, (format ?? OneDecimal)(average));
    }

    private static PublishedFigure NotApplicable(IndicatorUnit unit, PublishedCell numerator, PublishedCell denominator, PublishedCell notMet) =>
        new(unit, numerator, denominator, notMet, null, CellStatus.NotApplicable, "z");

    // A ratio is never a small count itself; it is hidden because it would give a hidden count away.
    private static PublishedFigure Hidden(IndicatorUnit unit, PublishedCell numerator, PublishedCell denominator, PublishedCell notMet) =>
        new(unit, numerator, denominator, notMet, null, CellStatus.Secondary, "c");

    /// <summary>"82.5%", halves rounded away from zero as published statistics are; k when above zero but shown as 0.0%.</summary>
    public static string Percent(decimal percent)
    {
        var rounded = Math.Round(percent, 1, MidpointRounding.AwayFromZero);
        return rounded == 0m && percent != 0m ? "k" : rounded.ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>"18.3", "1,234.5": one decimal with thousands separators, halves rounded away from zero.</summary>
    public static string OneDecimal(decimal value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("N1", CultureInfo.InvariantCulture);
}
