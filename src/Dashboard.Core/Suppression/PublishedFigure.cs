using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Suppression;

/// <summary>
/// One indicator figure as a councillor or the public may see it: the numerator, the denominator, those not
/// meeting the standard (denominator minus numerator; z for an average, where the difference means nothing)
/// and the value itself. Made by <see cref="FigureSuppression.Apply"/>.
/// </summary>
/// <param name="Value">The exact value (a percentage from 0 to 100, a count or an average); null when hidden or z.</param>
/// <param name="ValueStatus">Shown, Primary (a small count published as the value), Secondary (a ratio hidden
/// because it would give away a hidden count) or NotApplicable (a ratio over no cases).</param>
/// <param name="ValueText">What to print: "82.5%", "1,234", "18.3", or c, z or k.</param>
public sealed record PublishedFigure(
    IndicatorUnit Unit,
    PublishedCell Numerator,
    PublishedCell Denominator,
    PublishedCell NotMet,
    decimal? Value,
    CellStatus ValueStatus,
    string ValueText)
{
    /// <summary>True when the value is c.</summary>
    public bool IsHidden => ValueStatus is CellStatus.Primary or CellStatus.Secondary;
}
