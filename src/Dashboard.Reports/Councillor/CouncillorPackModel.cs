using Dashboard.Charts;
using Dashboard.Core.Suppression;
using Dashboard.Reports.Figures;

namespace Dashboard.Reports.Councillor;

/// <summary>One indicator on a theme page: its figures and its SPC chart (null when no month may be shown).</summary>
public sealed record IndicatorPanel(IndicatorTrend Trend, ChartSpec? Chart);

/// <summary>One theme page.</summary>
public sealed record ThemePage(CouncillorSection Section, IReadOnlyList<IndicatorPanel> Panels);

/// <summary>Everything the councillor document prints, already suppressed: the components only lay it out.</summary>
public sealed record CouncillorPackModel(
    CouncillorPackDefinition Definition, string CouncilName, CouncilFigures Figures, MonthSummary Summary, IReadOnlyList<ThemePage> Pages,
    SuppressionRule? Rule, DateOnly Produced)
{
    public string MonthName => PackText.MonthName(Figures.Month);

    /// <summary>"Children's services monthly report for councillors: March 2026", the document and PDF title.</summary>
    /// <summary>"November 2026", or "3 months to November 2026" for rolling figures: the period the pack reports.</summary>
    public string PeriodName => Figures.Covers;

    public string DocumentTitle => $"{Definition.Title}: {PeriodName}";

    public IEnumerable<IndicatorTrend> Indicators => Pages.SelectMany(p => p.Panels).Select(p => p.Trend);
}
