using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Rolling;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// The month asked for, the months offered (<see cref="ReportingMonths"/>: oldest first, the running month last) and how
/// many months each figure covers (<see cref="FigureLength"/>: the month, or the rolling 3 or 12 months ending with it).
/// </summary>
public sealed record PeriodChoice(Month Selected, ReportingMonths Months, FigureLength Length)
{
    public PeriodChoice(Month selected, ReportingMonths months) : this(selected, months, FigureLength.OneMonth) { }

    /// <summary>The months a reader may choose for this length (<see cref="ReportingMonths.AvailableFor"/>).</summary>
    public IReadOnlyList<Month> Available => Months.AvailableFor(Length);

    /// <summary>The first month whose figure can be shown at this length (the first month offered for a single month).</summary>
    public Month FirstWhole => Months.FirstWhole(Length);

    /// <summary>The first month charted: two years back, as Making Data Count charts do, but never before a whole window.</summary>
    public Month From => Max(Selected.AddMonths(-(SpcOptions.DefaultWindowMonths - 1)), FirstWhole);

    /// <summary>The first month to read from the warehouse: the first charted month's window start.</summary>
    public Month ReadFrom => Length.WindowStart(From);

    /// <summary>True for the month still running at the extract: shown, never rated or given a verdict.</summary>
    public bool IsRunning => Months.IsRunning(Selected);

    /// <summary>True for 3- and 12-month figures: rated, but never given an SPC verdict (consecutive figures share months).</summary>
    public bool IsRolling => Length.IsRolling;

    /// <summary>The period the selected figures cover: "November 2026", "3 months to November 2026" or "month so far, to 4 December 2026".</summary>
    public string Covers => Length.IsRolling ? Length.Covers(Selected) : Months.Covers(Selected);

    /// <summary>The period one indicator's figure covers: its own for a measure that does not roll (OVERSIGHT-02's 12 months).</summary>
    public string CoversFor(IndicatorDefinition definition) =>
        Length.IsRolling && !RollingFigures.Rolls(definition) ? Months.Covers(Selected) : Covers;

    /// <summary>How the month list names a month ("December 2026: month so far (to 4 December)", "3 months to November 2026").</summary>
    public string Label(Month month) => Length.IsRolling ? Length.Covers(month) : Months.Label(month);

    /// <summary>The council's default length (<c>defaultLength</c>); a length equal to it is left out of links.</summary>
    public FigureLength DefaultLength { get; init; } = FigureLength.OneMonth;

    /// <summary>The length as links carry it ("3"), or null when it is the council's default (links stay short).</summary>
    public string? LengthQuery => Length == DefaultLength ? null : Length.ToString();

    /// <summary>
    /// The link to the same view at another length: the month is kept when that length offers it, else left out (the
    /// latest month it offers is shown), so the switch never leads to a refusal.
    /// </summary>
    public string LengthLink(string path, FigureLength length, params (string Name, string? Value)[] others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var other = this with { Length = length };
        var month = other.Available.Contains(Selected) && Months.IsComplete(Selected) ? Selected.ToString() : null;
        return QueryLinks.With(path, [("period", month), .. others, ("length", length == DefaultLength ? null : length.ToString())]);
    }

    /// <summary>Stored monthly rows as this length's figures (unchanged for a single month).</summary>
    public IReadOnlyList<StoredIndicator> Roll(IReadOnlyList<StoredIndicator> rows) => RollingRows.Apply(rows, Length, Months.First);

    private static Month Max(Month a, Month b) => a > b ? a : b;
}

/// <summary>
/// What the overview and indicator pages share: the months there are, the suppression rule for a viewer, and
/// turning stored rows into the figures and SPC verdicts that viewer may see. Reads stored results only; the SPC
/// and funnel statistics are computed on them here, never the indicator rules.
/// </summary>
public sealed class IndicatorFigures(CachedScopeSeries queries, IndicatorSettings settings)
{
    public IndicatorSettings Settings => settings;

    /// <summary>Counts from 1 to the threshold are hidden for councillors; null (exact figures) for everyone else.</summary>
    public SuppressionRule? RuleFor(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.SeesSuppressedFigures ? SuppressionRule.FromSetting(settings.SuppressionThreshold) : null;
    }

    /// <summary>
    /// The month asked for (?period=yyyy-MM) and the length (?length=1|3|12, the council's default when none is given), or
    /// the latest complete month when no month is asked for; null when there are no figures at all. A value that is not
    /// offered answers 400 naming it (<see cref="BadQueryValueException"/>): a rolling figure must end at a complete month
    /// and have its whole window inside the months offered.
    /// </summary>
    public async Task<PeriodChoice?> PeriodAsync(string? period, CancellationToken cancellationToken = default) =>
        await PeriodAsync(period, null, cancellationToken);

    /// <inheritdoc cref="PeriodAsync(string?, CancellationToken)"/>
    public async Task<PeriodChoice?> PeriodAsync(string? period, string? length, CancellationToken cancellationToken = default)
    {
        FigureLength chosen;
        try
        {
            chosen = FigureLength.Parse(length, settings.DefaultFigureLength);
        }
        catch (LengthNotOfferedException e)
        {
            throw new BadQueryValueException("length", length, e.Message);
        }
        if (await queries.ReportingMonthsAsync(settings.ReportingStart, cancellationToken) is not { } months) return null;
        Month selected;
        try
        {
            selected = string.IsNullOrWhiteSpace(period) ? months.DefaultFor(chosen) : months.ResolveFor(months.Resolve(period), chosen);
        }
        catch (MonthNotOfferedException e)
        {
            // With no month asked for, only the length can be at fault.
            throw string.IsNullOrWhiteSpace(period) ? new BadQueryValueException("length", length, e.Message) : new BadQueryValueException("period", period, e.Message);
        }
        return new PeriodChoice(selected, months, chosen) { DefaultLength = settings.DefaultFigureLength };
    }

    /// <summary>The rating of a figure for <paramref name="period"/>: none for the month so far (a few days are never judged
    /// against a target), "too few to rate" below the council's minimum denominator, else red, amber or green.</summary>
    public Rag? Rate(VisibleFigure figure, decimal? target, IndicatorDefinition definition, PeriodChoice period)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(period);
        return period.IsRunning ? null : RagRating.Of(figure.Value, target, definition.Polarity, figure.RatingDenominator ?? figure.Denominator, settings.MinimumDenominator);
    }

    /// <summary>
    /// A series of figures, month by month, as SPC input: hidden months are left out, counts only where shown. The limits
    /// start again at the council's recorded changes for the indicator (<paramref name="changes"/>, from the settings).
    /// </summary>
    public static SpcResult Spc(IReadOnlyList<(Month Month, VisibleFigure Figure)> series, IndicatorDefinition definition, decimal? target,
        IReadOnlyList<ChangeDate>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(definition);
        var inputs = series.Where(s => s.Figure.Value is not null)
            .Select(s => new SpcInput(s.Month, s.Figure.Value, s.Figure.Numerator, s.Figure.Denominator)).ToList();
        return Core.Indicators.Statistics.Spc.Analyse(inputs, definition.Polarity, definition.Unit, target, new SpcOptions { Changes = changes ?? [] });
    }

    /// <summary>
    /// The SPC verdict on the complete months of <paramref name="series"/>, or for rolling figures of a measure that rolls,
    /// the sentence saying why none is given (consecutive rolling figures share months).
    /// </summary>
    public static Verdict VerdictFor(List<(Month Month, VisibleFigure Figure)> series, PeriodChoice period, IndicatorDefinition definition, decimal? target,
        IReadOnlyList<ChangeDate> changes)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(definition);
        return period.IsRolling && RollingFigures.Rolls(definition)
            ? Verdict.ForRolling(period.Length)
            : Verdict.Of(Spc(CompleteMonths(series, period), definition, target, changes));
    }

    /// <summary>Month by month figures of one indicator from a scope's rows, every month from the first charted to the selected one.</summary>
    public static List<(Month Month, VisibleFigure Figure)> Series(IEnumerable<StoredIndicator> rows, PeriodChoice period, IndicatorUnit unit, SuppressionRule? rule)
    {
        var byMonth = rows.ToDictionary(r => r.Period, StringComparer.Ordinal);
        return [.. Month.Range(period.From, period.Selected).Where(m => byMonth.ContainsKey(m.ToString()))
            .Select(m => (m, VisibleFigure.Of(byMonth[m.ToString()], unit, rule)))];
    }

    /// <summary>The months SPC judges: the series without the running month, whose few days would read as a shift.</summary>
    public static List<(Month Month, VisibleFigure Figure)> CompleteMonths(List<(Month Month, VisibleFigure Figure)> series, PeriodChoice period)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(period);
        return [.. series.Where(s => !period.Months.IsRunning(s.Month))];
    }

    /// <summary>"March 2026".</summary>
    public static string MonthName(Month month) => ReportingMonths.Name(month);
}
