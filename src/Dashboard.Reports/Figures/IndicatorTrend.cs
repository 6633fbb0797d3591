using Dashboard.Data.Indicators;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Rolling;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Reports.Figures;

/// <summary>
/// One indicator for the council as a pack shows it: the month's figure, the two years of figures up to it (already
/// suppressed when the pack is for councillors or the public), the SPC analysis of what may be shown, the target,
/// the England figure and the RAG rating.
/// </summary>
public sealed record IndicatorTrend(
    IndicatorDefinition Definition, Month Month, VisibleFigure Current, IReadOnlyList<(Month Month, VisibleFigure Figure)> Series,
    SpcResult Spc, decimal? Target, decimal? England, Rag? Rag)
{
    /// <summary>The figure a month earlier; <see cref="VisibleFigure.Missing"/> when none was stored.</summary>
    public VisibleFigure LastMonth => At(Month.Previous());

    /// <summary>The figure twelve months earlier; <see cref="VisibleFigure.Missing"/> when none was stored.</summary>
    public VisibleFigure YearAgo => At(Month.AddMonths(-12));

    /// <summary>The months each figure covers: the month, or (for a measure that rolls) the 3 or 12 months to it.</summary>
    public FigureLength Length { get; init; } = FigureLength.OneMonth;

    /// <summary>True for rolling figures: rated, never given an SPC verdict (consecutive figures share months).</summary>
    public bool Rolling => Length.IsRolling;

    /// <summary>"November 2026" or "3 months to November 2026".</summary>
    public string Covers => Length.Covers(Month);

    /// <summary>The SPC verdict with a capital: "Getting better", "No real change", "Too few months to judge yet"; for rolling
    /// figures "Not judged on rolling figures".</summary>
    public string VariationWords => SpcWords.Capital(Rolling ? SpcWords.NotJudgedRolling : Spc.VariationWords);

    /// <summary>"consistently below the target", "may or may not meet the target", "no target set".</summary>
    public string AssuranceWords => Spc.AssuranceWords;

    /// <summary>"Over the last two years: getting better; consistently below the target.", or since when the limits were
    /// recalculated; for rolling figures why no verdict is given.</summary>
    public string VerdictSentence => Rolling ? SpcWords.RollingSentence(Length.Months) : SpcWords.Sentence(Spc);

    /// <summary>True when any figure of the series, this month's included, has a hidden count.</summary>
    public bool HasSuppressed => Series.Any(s => s.Figure.Suppressed) || Current.Suppressed;

    public VisibleFigure At(Month month)
    {
        foreach (var (m, figure) in Series) if (m == month) return figure;
        return VisibleFigure.Missing;
    }
}
