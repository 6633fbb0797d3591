using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Indicators;

/// <summary>The month asked for and the months offered (<see cref="ReportingMonths"/>: oldest first, the running month last).</summary>
public sealed record PeriodChoice(Month Selected, ReportingMonths Months)
{
    public IReadOnlyList<Month> Available => Months.Available;

    /// <summary>The first month charted: two years back, as Making Data Count charts do, but never before the reliable start.</summary>
    public Month From => Max(Selected.AddMonths(-(SpcOptions.DefaultWindowMonths - 1)), Months.First);

    /// <summary>True for the month still running at the extract: shown, never rated or given a verdict.</summary>
    public bool IsRunning => Months.IsRunning(Selected);

    /// <summary>The period the selected figures cover: "November 2026" or "month so far, to 4 December 2026".</summary>
    public string Covers => Months.Covers(Selected);

    /// <summary>How the month list names a month ("December 2026: month so far (to 4 December)").</summary>
    public string Label(Month month) => Months.Label(month);

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
    /// The month asked for (?period=yyyy-MM), or the latest complete month when none is; null when there are no figures at
    /// all. A value that is not an offered month answers 400 naming it (<see cref="BadQueryValueException"/>).
    /// </summary>
    public async Task<PeriodChoice?> PeriodAsync(string? period, CancellationToken cancellationToken = default)
    {
        if (await queries.ReportingMonthsAsync(settings.ReportingStart, cancellationToken) is not { } months) return null;
        try
        {
            return new PeriodChoice(months.Resolve(period), months);
        }
        catch (MonthNotOfferedException e)
        {
            throw new BadQueryValueException("period", period, e.Message);
        }
    }

    /// <summary>The rating of a figure for <paramref name="period"/>: none for the month so far (a few days are never judged
    /// against a target), "too few to rate" below the council's minimum denominator, else red, amber or green.</summary>
    public Rag? Rate(FigureView figure, decimal? target, IndicatorDefinition definition, PeriodChoice period)
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
    public static SpcResult Spc(IReadOnlyList<(Month Month, FigureView Figure)> series, IndicatorDefinition definition, decimal? target,
        IReadOnlyList<ChangeDate>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(definition);
        var inputs = series.Where(s => s.Figure.Value is not null)
            .Select(s => new SpcInput(s.Month, s.Figure.Value, s.Figure.Numerator, s.Figure.Denominator)).ToList();
        return Core.Indicators.Statistics.Spc.Analyse(inputs, definition.Polarity, definition.Unit, target, new SpcOptions { Changes = changes ?? [] });
    }

    /// <summary>Month by month figures of one indicator from a scope's rows, every month from the first charted to the selected one.</summary>
    public static List<(Month Month, FigureView Figure)> Series(IEnumerable<StoredIndicator> rows, PeriodChoice period, IndicatorUnit unit, SuppressionRule? rule)
    {
        var byMonth = rows.ToDictionary(r => r.Period, StringComparer.Ordinal);
        return [.. Month.Range(period.From, period.Selected).Where(m => byMonth.ContainsKey(m.ToString()))
            .Select(m => (m, FigureView.Of(byMonth[m.ToString()], unit, rule)))];
    }

    /// <summary>The months SPC judges: the series without the running month, whose few days would read as a shift.</summary>
    public static List<(Month Month, FigureView Figure)> CompleteMonths(List<(Month Month, FigureView Figure)> series, PeriodChoice period)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(period);
        return [.. series.Where(s => !period.Months.IsRunning(s.Month))];
    }

    /// <summary>"March 2026".</summary>
    public static string MonthName(Month month) => ReportingMonths.Name(month);
}
