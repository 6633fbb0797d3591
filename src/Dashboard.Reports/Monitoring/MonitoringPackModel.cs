using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Indicators;

using Dashboard.Reports.Figures;

namespace Dashboard.Reports.Monitoring;

/// <summary>
/// Everything the monitoring-visit pack prints (PDF) and tabulates (Excel), read from the stored results: the two
/// documents only lay it out, so they cannot disagree. Figures are exact (the pack is OFFICIAL-SENSITIVE and names
/// children), never recomputed from case data.
/// </summary>
/// <param name="Letter">The latest letter's findings with their evidence; no findings when none were recorded.</param>
/// <param name="Thresholds">Team decision rates compared in funnel plots, one per threshold indicator.</param>
/// <param name="Partners">Attendance and reports by agency, one per partner indicator.</param>
/// <param name="Exceptions">The exception lists summarised, in the order printed.</param>
public sealed record MonitoringPackModel(
    MonitoringPackDefinition Definition, string CouncilName, CouncilFigures Figures, DateOnly Produced, LetterEvidence Letter,
    IReadOnlyList<ThresholdEvidence> Thresholds, IReadOnlyList<PartnerEvidence> Partners, IReadOnlyList<ExceptionSummary> Exceptions,
    DataQualityStatement DataQuality)
{
    public const string ProtectiveMarking = "OFFICIAL-SENSITIVE";

    public Month Month => Figures.Month;

    /// <summary>"March 2026".</summary>
    public string MonthName => PackText.MonthName(Figures.Month);

    /// <summary>"Monitoring visit evidence pack: March 2026", the document and PDF title.</summary>
    /// <summary>"November 2026", or "3 months to November 2026" for rolling figures: the period the pack reports.</summary>
    public string PeriodName => Figures.Covers;

    public string DocumentTitle => $"{Definition.Title}: {PeriodName}";
}

/// <summary>The findings of one letter (the latest on the themes page).</summary>
/// <param name="LetterDate">The letter's date; null when no finding has been recorded.</param>
public sealed record LetterEvidence(DateOnly? LetterDate, IReadOnlyList<FindingEvidence> Findings)
{
    public static LetterEvidence None { get; } = new(null, []);

    public Month? LetterMonth => LetterDate is { } d ? Month.Of(d) : null;
}

/// <summary>One finding and the evidence of each indicator linked to it.</summary>
public sealed record FindingEvidence(Finding Finding, IReadOnlyList<IndicatorEvidence> Indicators);

/// <summary>
/// How one indicator moved from the month of the letter to the month reported, council-wide and per team.
/// </summary>
/// <param name="Trend">The council's figures for the 24 months to the month, with SPC, target, England and RAG.</param>
/// <param name="AtLetter">The council's figure in the month of the letter.</param>
/// <param name="Change">Now minus the letter's figure, in the indicator's unit (percentage points for a percentage).</param>
/// <param name="Chart">The SPC chart since the letter (the 24 months when the letter is this month), or null with nothing to draw.</param>
/// <param name="ChartSinceLetter">True when <paramref name="Chart"/> starts at the letter's month.</param>
/// <param name="Teams">Each team's figure now and in the month of the letter, by team name.</param>
public sealed record IndicatorEvidence(
    IndicatorTrend Trend, Month LetterMonth, VisibleFigure AtLetter, decimal? Change, string ChangeText, ChangeDirection Direction,
    ChartSpec? Chart, bool ChartSinceLetter, IReadOnlyList<TeamEvidence> Teams)
{
    public IndicatorDefinition Definition => Trend.Definition;

    public string DirectionWords => FigureChange.Words(Direction);
}

/// <summary>One team's figure for an indicator now and at the letter.</summary>
public sealed record TeamEvidence(string TeamId, string TeamName, VisibleFigure Now, VisibleFigure AtLetter, Rag? Rag);

/// <summary>
/// One threshold indicator's team rates pooled over the 12 months to the month (numerators and denominators of the
/// stored monthly team figures summed), tested against the council's rate over the same months with 95% and 99.8% limits.
/// </summary>
/// <param name="From">The first of the 12 months (or the first month with figures, when fewer).</param>
/// <param name="CouncilRate">The council's pooled rate, a fraction (0.123), the funnel's centre; null with no decisions.</param>
/// <param name="Chart">The funnel plot, or null with fewer than two teams or a rate of 0% or 100%.</param>
/// <param name="Teams">Every team with decisions, by team name.</param>
public sealed record ThresholdEvidence(
    IndicatorTrend Trend, Month From, int CouncilNumerator, int CouncilDenominator, decimal? CouncilRate, ChartSpec? Chart,
    IReadOnlyList<FunnelTeam> Teams)
{
    public IndicatorDefinition Definition => Trend.Definition;

    public IEnumerable<FunnelTeam> Outliers => Teams.Where(t => t.Point is { IsOutlier: true });
}

/// <summary>One team in a funnel: its pooled counts, and where it sits (null when the funnel could not be drawn).</summary>
public sealed record FunnelTeam(string TeamId, string TeamName, int Numerator, int Denominator, FunnelPoint? Point)
{
    /// <summary>The team's rate as a fraction; null with no decisions.</summary>
    public decimal? Rate => Denominator > 0 ? (decimal)Numerator / Denominator : null;

    /// <summary>"above the 99.8% limit", "within the limits", "below the 95% limit" and so on.</summary>
    public string PositionWords => Point is not { } p ? "not tested"
        : p.At998 == FunnelPosition.Above ? "above the 99.8% limit"
        : p.At998 == FunnelPosition.Below ? "below the 99.8% limit"
        : p.At95 == FunnelPosition.Above ? "above the 95% limit"
        : p.At95 == FunnelPosition.Below ? "below the 95% limit"
        : "within the limits";
}

/// <summary>One partner indicator per agency: the month's figure and the 12 months to it (counts summed).</summary>
/// <param name="Chart">Each agency's 12-month rate as bars against the target, or null with no agency figures.</param>
public sealed record PartnerEvidence(IndicatorTrend Trend, Month From, IReadOnlyList<AgencyFigure> Agencies, ChartSpec? Chart)
{
    public IndicatorDefinition Definition => Trend.Definition;
}

/// <summary>One agency's figures for a partner indicator.</summary>
/// <param name="Agency">The series code: POLICE, HEALTH and so on.</param>
/// <param name="AgencyName">"Police".</param>
public sealed record AgencyFigure(string Agency, string AgencyName, VisibleFigure Month, VisibleFigure TwelveMonths, Rag? Rag);

/// <summary>One indicator's exception list in the month: how many, where, the longest overdue, and (for the Excel twin) every row.</summary>
/// <param name="ByTeam">Rows per team, most first.</param>
/// <param name="Longest">The rows the PDF prints: most overdue first.</param>
/// <param name="Rows">Every row, most overdue first.</param>
public sealed record ExceptionSummary(
    IndicatorDefinition Definition, IReadOnlyList<TeamCount> ByTeam, IReadOnlyList<StoredExceptionRow> Longest, IReadOnlyList<StoredExceptionRow> Rows)
{
    public int Total => Rows.Count;

    /// <summary>True when the list names children (OVERSIGHT-02's rows are teams and workers).</summary>
    public bool NamesChildren => Rows.Any(r => r.PersonId is not null);
}

public sealed record TeamCount(string TeamId, string TeamName, int Rows);

/// <summary>Where the figures came from and how far they can be relied on: the load they were made from and what it set aside.</summary>
/// <param name="Load">The last load that succeeded (the one the figures come from).</param>
/// <param name="Tables">Each source table of that load: rows read, loaded and quarantined.</param>
/// <param name="Quarantined">Rows set aside by source table and rule, most first.</param>
/// <param name="NotAvailable">Indicators that could not be counted this month, with why.</param>
public sealed record DataQualityStatement(
    LoadRun Load, IReadOnlyList<LoadTable> Tables, IReadOnlyList<QuarantineCount> Quarantined, IReadOnlyList<(IndicatorDefinition Definition, string Reason)> NotAvailable)
{
    public long RowsRead => Tables.Sum(t => t.RowsRead);

    public long RowsQuarantined => Tables.Sum(t => t.RowsQuarantined);
}

public sealed record QuarantineCount(string SourceTable, string Rule, long Rows);
