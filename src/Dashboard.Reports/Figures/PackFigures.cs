using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Figures;

/// <summary>The council's indicators for one month, as a pack prints them, and the rule they were suppressed with.</summary>
/// <param name="AsAt">The date the month's figures were counted to (earlier than its end for a month still running).</param>
public sealed record CouncilFigures(Month Month, DateOnly AsAt, IReadOnlyList<IndicatorTrend> Indicators, SuppressionRule? Rule)
{
    public IndicatorTrend? Find(string indicatorId) => Indicators.FirstOrDefault(i => i.Definition.Id == indicatorId);

    /// <summary>True when the month did not end before the extract: "the month so far".</summary>
    public bool PartialMonth => AsAt < Month.Last;
}

/// <summary>
/// Reads what a pack needs from the stored results (the same indexed reads and Core statistics as the dashboard's
/// overview): each indicator's council figures for the two years to the month, suppressed by the rule given BEFORE
/// anything else sees them, then SPC on what may be shown, RAG against the council's target.
/// </summary>
public static class PackFigures
{
    public const string CouncilLevel = "council";

    /// <summary>The months with figures, oldest first; empty before the first load.</summary>
    public static async Task<IReadOnlyList<Month>> MonthsAsync(PackContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var periods = await new ScopeSeriesQueries(context.Warehouse).PeriodsAsync(cancellationToken);
        return [.. periods.Select(Month.Parse)];
    }

    /// <summary>The month asked for (it must have figures), else the latest; one sentence when there is none.</summary>
    public static async Task<Month> ResolveMonthAsync(PackContext context, CancellationToken cancellationToken = default)
    {
        var months = await MonthsAsync(context, cancellationToken);
        if (months.Count == 0) throw new PackDataException("The warehouse has no indicator figures yet: run the nightly load (dashboard etl) first.");
        if (context.Month is not { } asked) return months[^1];
        return months.Contains(asked)
            ? asked
            : throw new PackDataException($"There are no figures for {asked}: the warehouse holds {months[0]} to {months[^1]}.");
    }

    /// <summary>Every catalogue indicator for the council (or those in <paramref name="indicatorIds"/>, in that order).</summary>
    /// <param name="rule">The suppression rule for the audience; null for exact figures (internal packs only).</param>
    public static async Task<CouncilFigures> CouncilAsync(PackContext context, SuppressionRule? rule, IEnumerable<string>? indicatorIds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var month = await ResolveMonthAsync(context, cancellationToken);
        var from = month.AddMonths(-(SpcOptions.DefaultWindowMonths - 1));
        var rows = await new ScopeSeriesQueries(context.Warehouse).ScopeAsync(CouncilLevel, CouncilLevel, from.ToString(), month.ToString(), cancellationToken);
        var byIndicator = rows.ToLookup(r => r.IndicatorId, StringComparer.Ordinal);
        var definitions = indicatorIds is null
            ? IndicatorCatalogue.All.Select(i => i.Definition)
            : indicatorIds.Select(id => IndicatorCatalogue.Get(id).Definition);
        var trends = definitions.Select(d => Trend(d, byIndicator[d.Id], from, month, context, rule)).ToList();
        var asAt = rows.Where(r => r.Period == month.ToString()).Select(r => r.AsAtDate).DefaultIfEmpty(month.Last).Max();
        return new CouncilFigures(month, asAt, trends, rule);
    }

    /// <summary>
    /// One indicator's trend from its stored council rows for <paramref name="from"/> to <paramref name="month"/>
    /// (rows outside are ignored), suppressed by <paramref name="rule"/> first when there is one.
    /// </summary>
    public static IndicatorTrend Trend(IndicatorDefinition definition, IEnumerable<StoredIndicator> rows, Month from, Month month, PackContext context,
        SuppressionRule? rule)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var byMonth = rows.ToDictionary(r => r.Period, StringComparer.Ordinal);
        var series = Month.Range(from, month).Where(m => byMonth.ContainsKey(m.ToString()))
            .Select(m => (m, PackFigure.Of(byMonth[m.ToString()], definition.Unit, rule))).ToList();
        var current = series.FirstOrDefault(s => s.m == month).Item2 ?? PackFigure.Missing;
        var target = definition.Polarity == Polarity.Neither ? null : context.Settings.TargetFor(definition.Id);
        // SPC reads only what may be shown: a hidden month is left out, and its counts were never in the figure.
        var inputs = series.Where(s => s.Item2.Value is not null)
            .Select(s => new SpcInput(s.m, s.Item2.Value, s.Item2.Numerator, s.Item2.Denominator)).ToList();
        var spc = Spc.Analyse(inputs, definition.Polarity, definition.Unit, target, SpcOptions.For(context.Settings, definition.Id));
        return new IndicatorTrend(definition, month, current, series, spc, target, definition.England?.Value,
            RagRating.Of(current.Value, target, definition.Polarity));
    }
}
