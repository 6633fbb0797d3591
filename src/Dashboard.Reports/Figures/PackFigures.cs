using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Rolling;
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

    /// <summary>The council's minimum denominator: a figure counting fewer cases is "too few to rate".</summary>
    public int MinimumDenominator { get; init; } = 10;

    /// <summary>True when the month did not end before the extract: "the month so far".</summary>
    public bool PartialMonth => AsAt < Month.Last;

    /// <summary>How many months each figure covers: the month, or the rolling 3 or 12 months to it.</summary>
    public FigureLength Length { get; init; } = FigureLength.OneMonth;

    /// <summary>The first month offered (the reliable start): no rolling window reaches before it.</summary>
    public Month FirstOffered { get; init; } = Month;

    /// <summary>"November 2026" or "3 months to November 2026": the period the pack's figures cover.</summary>
    public string Covers => Length.Covers(Month);

    /// <summary>The period one indicator's figure covers (its own month for a measure that does not roll).</summary>
    public string CoversFor(IndicatorDefinition definition) => Length.IsRolling && RollingFigures.Rolls(definition) ? Covers : FigureLength.OneMonthCovers(Month);
}

/// <summary>
/// Reads what a pack needs from the stored results (the same indexed reads and Core statistics as the dashboard's
/// overview): each indicator's council figures for the two years to the month, suppressed by the rule given BEFORE
/// anything else sees them, then SPC on what may be shown, RAG against the council's target.
/// </summary>
public static class PackFigures
{
    public const string CouncilLevel = "council";

    /// <summary>The months offered (<see cref="ReportingMonths"/>, the dashboard's rule); null before the first load.</summary>
    public static Task<ReportingMonths?> OfferedAsync(PackContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ScopeSeriesQueries(context.Warehouse).ReportingMonthsAsync(context.Settings.ReportingStart, cancellationToken);
    }

    /// <summary>The months offered, oldest first (the running month last, when there is one); empty before the first load.</summary>
    public static async Task<IReadOnlyList<Month>> MonthsAsync(PackContext context, CancellationToken cancellationToken = default) =>
        (await OfferedAsync(context, cancellationToken))?.Available ?? [];

    /// <summary>
    /// The month asked for (it must be offered: from the reliable start to the month so far), else the latest COMPLETE
    /// month, never the running one; one sentence when there is none.
    /// </summary>
    public static async Task<Month> ResolveMonthAsync(PackContext context, CancellationToken cancellationToken = default) =>
        (await ResolveAsync(context, cancellationToken)).Month;

    /// <summary>As <see cref="ResolveMonthAsync"/>, with the months offered (to tell whether the month is still running).</summary>
    public static async Task<(Month Month, ReportingMonths Months)> ResolveAsync(PackContext context, CancellationToken cancellationToken = default)
    {
        var months = await OfferedAsync(context, cancellationToken)
            ?? throw new PackDataException("The warehouse has no indicator figures yet: run the nightly load (dashboard etl) first.");
        var length = context.EffectiveLength;
        Month month;
        try
        {
            month = context.Month is { } asked ? months.Resolve(asked) : months.Default;
        }
        catch (MonthNotOfferedException e)
        {
            throw new PackDataException($"There are no figures to report for {context.Month}: {e.Message}");
        }
        try
        {
            return (months.ResolveFor(month, length), months);
        }
        catch (MonthNotOfferedException e)
        {
            // The month exists; it is the length that does not fit it (a month still running, or too early for a whole window).
            throw new PackLengthException($"The {length.Months}-month figures cannot end in {ReportingMonths.Name(month)}: {e.Message}");
        }
    }

    /// <summary>A pack's rating of a figure: none for the month so far, "too few to rate" below the council's minimum.</summary>
    public static Rag? Rate(VisibleFigure figure, decimal? target, Polarity polarity, PackContext context, bool runningMonth)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(context);
        return runningMonth ? null : RagRating.Of(figure.Value, target, polarity, figure.RatingDenominator ?? figure.Denominator, context.Settings.MinimumDenominator);
    }

    /// <summary>Every catalogue indicator for the council (or those in <paramref name="indicatorIds"/>, in that order).</summary>
    /// <param name="rule">The suppression rule for the audience; null for exact figures (internal packs only).</param>
    public static async Task<CouncilFigures> CouncilAsync(PackContext context, SuppressionRule? rule, IEnumerable<string>? indicatorIds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (month, offered) = await ResolveAsync(context, cancellationToken);
        var length = context.EffectiveLength;
        var from = Later(month.AddMonths(-(SpcOptions.DefaultWindowMonths - 1)), offered.First.AddMonths(length.Months - 1));
        // Rolling figures are added up from the monthly rows (RollingRows), suppressed only afterwards, like the dashboard's.
        var rows = RollingRows.Apply(await new ScopeSeriesQueries(context.Warehouse).ScopeAsync(CouncilLevel, CouncilLevel,
            length.WindowStart(from).ToString(), month.ToString(), cancellationToken), length, offered.First);
        var byIndicator = rows.ToLookup(r => r.IndicatorId, StringComparer.Ordinal);
        var definitions = indicatorIds is null
            ? IndicatorCatalogue.All.Select(i => i.Definition)
            : indicatorIds.Select(id => IndicatorCatalogue.Get(id).Definition);
        var trends = definitions.Select(d => Trend(d, byIndicator[d.Id], from, month, context, rule, offered.IsRunning(month))).ToList();
        var asAt = rows.Where(r => r.Period == month.ToString()).Select(r => r.AsAtDate).DefaultIfEmpty(month.Last).Max();
        return new CouncilFigures(month, asAt, trends, rule) { MinimumDenominator = context.Settings.MinimumDenominator, Length = length, FirstOffered = offered.First };
    }

    /// <summary>
    /// One indicator's trend from its stored council rows for <paramref name="from"/> to <paramref name="month"/>
    /// (rows outside are ignored), suppressed by <paramref name="rule"/> first when there is one.
    /// </summary>
    /// <param name="runningMonth">True when <paramref name="month"/> is the month so far: it is left out of SPC and not rated.</param>
    public static IndicatorTrend Trend(IndicatorDefinition definition, IEnumerable<StoredIndicator> rows, Month from, Month month, PackContext context,
        SuppressionRule? rule, bool runningMonth = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var byMonth = rows.ToDictionary(r => r.Period, StringComparer.Ordinal);
        var series = Month.Range(from, month).Where(m => byMonth.ContainsKey(m.ToString()))
            .Select(m => (m, VisibleFigure.Of(byMonth[m.ToString()], definition.Unit, rule))).ToList();
        var current = series.FirstOrDefault(s => s.m == month).Item2 ?? VisibleFigure.Missing;
        var target = definition.Polarity == Polarity.Neither ? null : context.Settings.TargetFor(definition.Id);
        // SPC reads only what may be shown: a hidden month is left out, and its counts were never in the figure. Rolling
        // figures get none: consecutive ones share months (IndicatorTrend.Rolling says so in words).
        var rolling = context.EffectiveLength.IsRolling && RollingFigures.Rolls(definition);
        var inputs = series.Where(s => s.Item2.Value is not null && !(runningMonth && s.m == month) && !rolling)
            .Select(s => new SpcInput(s.m, s.Item2.Value, s.Item2.Numerator, s.Item2.Denominator)).ToList();
        var spc = Spc.Analyse(inputs, definition.Polarity, definition.Unit, target, SpcOptions.For(context.Settings, definition.Id));
        return new IndicatorTrend(definition, month, current, series, spc, target, definition.England?.Value,
            Rate(current, target, definition.Polarity, context, runningMonth))
        {
            Length = rolling ? context.EffectiveLength : FigureLength.OneMonth,
        };
    }

    private static Month Later(Month a, Month b) => a > b ? a : b;
}
