using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Indicators;

/// <summary>The month asked for and the months there are (newest last).</summary>
public sealed record PeriodChoice(Month Selected, IReadOnlyList<Month> Available)
{
    /// <summary>The first month charted: two years back, as Making Data Count charts do.</summary>
    public Month From => Selected.AddMonths(-(SpcOptions.DefaultWindowMonths - 1));
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

    /// <summary>The month asked for (?period=yyyy-MM) when there are figures for it, else the latest; null when there are none at all.</summary>
    public async Task<PeriodChoice?> PeriodAsync(string? period, CancellationToken cancellationToken = default)
    {
        var months = (await queries.PeriodsAsync(cancellationToken)).Select(Month.Parse).ToList();
        if (months.Count == 0) return null;
        var selected = TryParse(period) is { } m && months.Contains(m) ? m : months[^1];
        return new PeriodChoice(selected, months);
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

    /// <summary>"the month so far, to 23 November 2026" when the month had not ended at the extract; else null.</summary>
    public static string? PartialMonthNote(IEnumerable<StoredIndicator> rows, Month selected)
    {
        var asAt = rows.Where(r => r.Period == selected.ToString()).Select(r => (DateOnly?)r.AsAtDate).Max();
        return asAt is { } d && d < selected.Last
            ? $"the month so far, to {d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"
            : null;
    }

    /// <summary>"March 2026".</summary>
    public static string MonthName(Month month) => month.First.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static Month? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length != 7) return null;
        try
        {
            return Month.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
