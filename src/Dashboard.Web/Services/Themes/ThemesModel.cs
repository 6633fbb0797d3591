using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.App;
using Dashboard.Web.Services.Indicators;

namespace Dashboard.Web.Services.Themes;

/// <summary>What the themes page shows: every Ofsted theme with its findings and their evidence, as at one month.</summary>
/// <param name="Periods">The months with figures, oldest first ('yyyy-MM'); empty before the first load.</param>
/// <param name="Period">The month the evidence runs to (the latest unless the viewer chose another); null with no figures.</param>
/// <param name="Suppression">The small-number rule applied to every figure (councillors), or null when figures are shown as stored.</param>
public sealed record ThemesPage(
    IReadOnlyList<string> Periods, Month? Period, SuppressionRule? Suppression, IReadOnlyList<ThemeSection> Themes, int FindingCount)
{
    public bool HasFigures => Period is not null;

    /// <summary>The months offered and how each is named (the running month as "month so far"); null before the first load.</summary>
    public PeriodChoice? Choice { get; init; }
}

/// <summary>How the Themes page rates a month's figure: never for the month so far, "too few to rate" below the minimum.</summary>
public sealed record EvidenceRating(bool RunningMonth, int MinimumDenominator)
{
    /// <summary>How many months each figure covers: rolling figures are rated, never given an SPC verdict.</summary>
    public Core.Indicators.Rolling.FigureLength Length { get; init; }

    /// <summary>True when <paramref name="definition"/>'s figures are rolling ones here (no SPC on them).</summary>
    public bool Rolls(IndicatorDefinition definition) => Length.IsRolling && Core.Indicators.Rolling.RollingFigures.Rolls(definition);

    public static EvidenceRating Default { get; } = new(false, IndicatorSettings.Default.MinimumDenominator);

    public Rag? Of(ShownFigure figure, decimal? target, Polarity polarity) =>
        RunningMonth ? null : RagRating.Of(figure.Value, target, polarity, figure.RatingDenominator ?? figure.Denominator, MinimumDenominator);
}

/// <param name="Indicators">Every indicator in the theme as at the month, for a theme with no findings to show something useful.</param>
public sealed record ThemeSection(Theme Theme, IReadOnlyList<FindingEvidence> Findings, IReadOnlyList<IndicatorSnapshot> Indicators);

public sealed record FindingEvidence(Finding Finding, IReadOnlyList<IndicatorEvidence> Indicators)
{
    public Month LetterMonth => Month.Of(Finding.LetterDate);
}

/// <summary>One figure as the viewer may see it: the value (null when missing or hidden) and what to print.</summary>
public sealed record ShownFigure(decimal? Value, string Text, int? Numerator, int? Denominator)
{
    public static ShownFigure None { get; } = new(null, "no figure", null, null);

    /// <summary>The exact denominator, for the "too few to rate" rule only, as on the indicator pages and in the packs: a
    /// councillor's hidden denominator must not turn "too few to rate" into a colour.</summary>
    public int? RatingDenominator { get; init; }
}

/// <summary>How one linked indicator has moved from the month of the letter to the month shown.</summary>
/// <param name="AtLetter">The figure in the month of the letter.</param>
/// <param name="Latest">The figure in the month shown.</param>
/// <param name="Change">Latest minus the letter's figure, in the indicator's unit (percentage points for a percentage).</param>
/// <param name="Spc">SPC over the months from the letter to the month shown (at most the latest 24), or null with no months.</param>
/// <param name="Chart">The trend since the letter, or null with fewer than two months to draw.</param>
/// <param name="Note">Why something is missing, in words, or null.</param>
public sealed record IndicatorEvidence(
    IndicatorDefinition Definition, ShownFigure AtLetter, ShownFigure Latest, decimal? Change, string ChangeText, ChangeDirection Direction,
    Rag? Rag, SpcResult? Spc, ChartSpec? Chart, string? Note)
{
    /// <summary>True for rolling figures: no SPC verdict is given on them.</summary>
    public bool Rolling { get; init; }

    public string VerdictWords => Rolling ? SpcWords.NotJudgedRolling : Spc?.VariationWords ?? SpcWords.TooFewMonths;
}

/// <summary>An indicator's figure in the month shown, its RAG and its SPC verdict over the latest 24 months.</summary>
public sealed record IndicatorSnapshot(IndicatorDefinition Definition, ShownFigure Latest, Rag? Rag, SpcResult? Spc)
{
    /// <summary>True for rolling figures: no SPC verdict is given on them.</summary>
    public bool Rolling { get; init; }

    public string VerdictWords => Rolling ? SpcWords.NotJudgedRolling : Spc?.VariationWords ?? SpcWords.TooFewMonths;
}
