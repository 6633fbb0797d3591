using System.Globalization;
using Dashboard.Charts;
using Dashboard.Core.Codes;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Indicators;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Monitoring;

/// <summary>
/// Reads what the monitoring-visit pack shows from the stored results: the indexed reads the dashboard uses and
/// Core's statistics (SPC, funnel limits, change), never an indicator rule. Exact figures: the pack is for inspectors
/// and names children.
/// </summary>
public static class MonitoringPackBuilder
{
    /// <summary>Months a threshold funnel or an agency total pools: the 12 months OVERSIGHT-02 tests over.</summary>
    public const int PooledMonths = 12;

    public const string TeamLevel = "team";

    public static async Task<MonitoringPackModel> BuildAsync(PackContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = MonitoringPackDefinition.Load(ReportsFolder.Locate(context.ReportsFolder));
        var figures = await PackFigures.CouncilAsync(context, rule: null, cancellationToken: cancellationToken);
        var load = await new LoadAuditQueries(context.Warehouse).LastSucceededAsync(cancellationToken)
            ?? throw new PackDataException("The warehouse has no successful load: run the nightly load (dashboard etl) first.");
        var queries = new ScopeSeriesQueries(context.Warehouse);
        var teams = await queries.TeamsAsync(cancellationToken);
        var letter = await LetterAsync(context, figures, queries, teams, cancellationToken);
        var thresholds = new List<ThresholdEvidence>();
        foreach (var id in definition.Thresholds) thresholds.Add(await ThresholdAsync(figures.Find(id)!, queries, teams, cancellationToken));
        var partners = await PartnersAsync(context, figures, definition.Partners, cancellationToken);
        var exceptionIds = letter.Findings.SelectMany(f => f.Indicators).Select(e => e.Definition.Id).Concat(definition.Exceptions)
            .Distinct(StringComparer.Ordinal).Where(id => IndicatorCatalogue.Get(id).Definition.ExceptionRows is not null).ToList();
        var exceptions = new List<ExceptionSummary>();
        foreach (var id in exceptionIds) exceptions.Add(await ExceptionsAsync(id, figures.Month, definition.LongestOverdue, queries, cancellationToken));
        var quality = await DataQualityAsync(context, load, figures, cancellationToken);
        return new MonitoringPackModel(definition, context.Settings.CouncilName, figures, DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime),
            letter, thresholds, partners, exceptions, quality);
    }

    /// <summary>The findings of the latest letter, each indicator's council and team evidence since it.</summary>
    private static async Task<LetterEvidence> LetterAsync(PackContext context, CouncilFigures figures, ScopeSeriesQueries queries,
        IReadOnlyList<TeamInfo> teams, CancellationToken cancellationToken)
    {
        var all = await new FindingStore(context.Warehouse, context.Time).ListAsync(cancellationToken);
        if (all.Count == 0) return LetterEvidence.None;
        var letterDate = all.Max(f => f.LetterDate);
        var findings = all.Where(f => f.LetterDate == letterDate).OrderBy(f => f.Theme).ThenBy(f => f.FindingId).ToList();
        var letterMonth = Month.Of(letterDate);
        var ids = findings.SelectMany(f => f.IndicatorIds).Distinct(StringComparer.Ordinal).ToList();
        // Rolling figures (--length 3 or 12) are added up from the monthly rows like every other figure of the pack.
        var history = RollingRows.Apply(await new FindingEvidenceQueries(context.Warehouse).CouncilHeadlinesAsync(ids, figures.Month.ToString(), cancellationToken),
                figures.Length, figures.FirstOffered)
            .ToLookup(r => r.IndicatorId, StringComparer.Ordinal);
        var evidence = new Dictionary<string, IndicatorEvidence>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            evidence[id] = await EvidenceAsync(context, figures.Find(id)!, letterMonth, history[id].ToList(), queries, teams, figures.PartialMonth, cancellationToken);
        }
        return new LetterEvidence(letterDate, [.. findings.Select(f => new FindingEvidence(f, [.. f.IndicatorIds.Select(id => evidence[id])]))]);
    }

    private static async Task<IndicatorEvidence> EvidenceAsync(PackContext context, IndicatorTrend trend, Month letterMonth,
        IReadOnlyList<StoredIndicator> history, ScopeSeriesQueries queries, IReadOnlyList<TeamInfo> teams, bool runningMonth,
        CancellationToken cancellationToken)
    {
        var d = trend.Definition;
        var month = trend.Month;
        var letterInRange = letterMonth <= month;
        var atLetter = letterInRange ? VisibleFigure.Of(history.FirstOrDefault(r => r.Period == letterMonth.ToString()), d.Unit, null) : VisibleFigure.Missing;
        var (change, changeText, direction) = FigureChange.Of(atLetter.Value, trend.Current.Value, d.Unit, d.Polarity);
        // Since the letter when there are two months to draw; else the usual two years, so the reader still sees a trend.
        var sinceLetter = letterInRange && letterMonth < month ? PackFigures.Trend(d, history, letterMonth, month, context, null) : null;
        var charted = sinceLetter is { Spc.Points.Count: >= 2 } ? sinceLetter : trend;
        var chart = trend.Rolling ? RollingTrendChart.Build(trend, context.Settings.CouncilName, EvidenceChart)
            : charted.Spc.Points.Count == 0 ? null
            : SpcChart.Build(d.Title, charted.Spc, d.Unit, d.Polarity, trend.Target, trend.England, EvidenceChart, through: trend.Month);
        chart = chart is null ? null : chart with { Id = $"evidence-{d.Id.ToLowerInvariant()}" };
        var now = await TeamFiguresAsync(queries, d.Id, month, trend.Length, cancellationToken);
        var then = letterInRange && letterMonth != month
            ? await TeamFiguresAsync(queries, d.Id, letterMonth, trend.Length, cancellationToken)
            : letterMonth == month ? now : [];
        var nowByTeam = now.ToDictionary(r => r.ScopeId, StringComparer.Ordinal);
        var thenByTeam = then.ToDictionary(r => r.ScopeId, StringComparer.Ordinal);
        // Work recorded against no known team is shown last rather than dropped, so the teams add up to the council.
        var known = teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
        var unknown = now.Concat(then).Where(r => !known.Contains(r.ScopeId)).DistinctBy(r => r.ScopeId)
            .Select(r => new TeamInfo(r.ScopeId, r.ScopeName, null, null));
        var teamRows = teams.Concat(unknown).Where(t => nowByTeam.ContainsKey(t.TeamId) || thenByTeam.ContainsKey(t.TeamId))
            .Select(t =>
            {
                var figure = VisibleFigure.Of(nowByTeam.GetValueOrDefault(t.TeamId), d.Unit, null);
                return new TeamEvidence(t.TeamId, t.TeamName, figure, VisibleFigure.Of(thenByTeam.GetValueOrDefault(t.TeamId), d.Unit, null),
                    PackFigures.Rate(figure, trend.Target, d.Polarity, context, runningMonth));
            })
            .ToList();
        return new IndicatorEvidence(trend, letterMonth, atLetter, change, changeText, direction, chart, ReferenceEquals(charted, sinceLetter), teamRows);
    }

    /// <summary>Each team's figure for one month, or for the rolling window ending with it.</summary>
    private static async Task<IReadOnlyList<StoredIndicator>> TeamFiguresAsync(ScopeSeriesQueries queries, string indicatorId, Month month,
        Core.Indicators.Rolling.FigureLength length, CancellationToken cancellationToken)
    {
        var rows = await queries.LevelAsync(indicatorId, TeamLevel, length.WindowStart(month).ToString(), month.ToString(), cancellationToken);
        // The window's own start is the earliest month read, so no team's window is cut short here.
        return [.. RollingRows.Apply(rows, length, length.WindowStart(month)).Where(r => r.Period == month.ToString())];
    }

    /// <summary>A threshold indicator's team rates pooled over 12 months and tested against the council's pooled rate.</summary>
    private static async Task<ThresholdEvidence> ThresholdAsync(IndicatorTrend trend, ScopeSeriesQueries queries, IReadOnlyList<TeamInfo> teams,
        CancellationToken cancellationToken)
    {
        var d = trend.Definition;
        var pooled = trend.Series.Where(s => s.Month >= trend.Month.AddMonths(-(PooledMonths - 1)) && s.Figure.IsAvailable).ToList();
        var from = pooled.Count > 0 ? pooled[0].Month : trend.Month;
        var councilN = pooled.Sum(s => s.Figure.Numerator ?? 0);
        var councilD = pooled.Sum(s => s.Figure.Denominator ?? 0);
        var rows = await queries.LevelAsync(d.Id, TeamLevel, from.ToString(), trend.Month.ToString(), cancellationToken);
        var sums = rows.Where(r => r.NotAvailable is null).GroupBy(r => r.ScopeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (N: g.Sum(r => r.Numerator), D: g.Sum(r => r.Denominator)), StringComparer.Ordinal);
        var units = teams.Where(t => sums.TryGetValue(t.TeamId, out var s) && s.D > 0)
            .Select(t => (Team: t, sums[t.TeamId].N, sums[t.TeamId].D)).ToList();
        decimal? centre = councilD > 0 ? (decimal)councilN / councilD : null;
        // At 0% or 100% every team sits on the centre and the limits close to a line: nothing to compare.
        var testable = centre is { } c && c > 0m && c < 1m && units.Count >= 2;
        var points = testable
            ? FunnelPlot.Plot([.. units.Select(u => new FunnelUnit(u.Team.TeamId, u.N, u.D))], centre).ToDictionary(p => p.Id, StringComparer.Ordinal)
            : [];
        var funnelTeams = units.Select(u => new FunnelTeam(u.Team.TeamId, u.Team.TeamName, u.N, u.D, points.GetValueOrDefault(u.Team.TeamId))).ToList();
        ChartSpec? chart = null;
        if (testable)
        {
            var period = from == trend.Month ? PackText.MonthName(from) : $"{PackText.MonthName(from)} to {PackText.MonthName(trend.Month)}";
            chart = FunnelChart.Build($"{d.Title}: teams compared, {period}", [.. funnelTeams.Select(t => (t.TeamName, t.Point!))], centre!.Value,
                d.Unit, PooledSize(d.Denominator, from == trend.Month), "teams", FunnelOptions) with { Id = $"funnel-{d.Id.ToLowerInvariant()}" };
        }
        return new ThresholdEvidence(trend, from, councilN, councilD, centre, chart, funnelTeams);
    }

    /// <summary>Each partner indicator per agency: the month, and the 12 months to it with the counts summed.</summary>
    private static async Task<IReadOnlyList<PartnerEvidence>> PartnersAsync(PackContext context, CouncilFigures figures, IReadOnlyList<string> ids,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var month = figures.Month;
        var from = month.AddMonths(-(PooledMonths - 1));
        var rows = (await new FindingEvidenceQueries(context.Warehouse).CouncilBreakdownsAsync(ids, from.ToString(), month.ToString(), cancellationToken))
            .ToLookup(r => r.IndicatorId, StringComparer.Ordinal);
        var agencyNames = CodeLists.Get(CodeLists.Agency);
        var result = new List<PartnerEvidence>();
        foreach (var id in ids)
        {
            var trend = figures.Find(id)!;
            var d = trend.Definition;
            var bySeries = rows[id].ToLookup(r => r.Series ?? "", StringComparer.Ordinal);
            var agencies = d.Series.Select(code =>
            {
                var series = bySeries[code].Where(r => r.NotAvailable is null).ToList();
                var current = VisibleFigure.Of(bySeries[code].FirstOrDefault(r => r.Period == month.ToString()), d.Unit, null);
                var twelve = series.Count == 0 ? VisibleFigure.Missing : Pooled(series, d.Unit);
                return new AgencyFigure(code, agencyNames.GetValueOrDefault(code, code), current, twelve, PackFigures.Rate(twelve, trend.Target, d.Polarity, context, runningMonth: false));
            }).ToList();
            var first = rows[id].Select(r => Month.Parse(r.Period)).DefaultIfEmpty(month).Min();
            var period = first == month ? PackText.MonthName(month) : $"{PackText.MonthName(first)} to {PackText.MonthName(month)}";
            var chart = agencies.All(a => a.TwelveMonths.Value is null) ? null
                : BarChart.Build($"{d.Title} by agency, {period}", [.. agencies.Select(a => (a.AgencyName, a.TwelveMonths.Value))], d.Unit, trend.Target,
                    AgencyChart) with { Id = $"agencies-{d.Id.ToLowerInvariant()}" };
            result.Add(new PartnerEvidence(trend, first, agencies, chart));
        }
        return result;
    }

    /// <summary>"Referrals in the month" is the x axis of a month's funnel; pooled, it is "Referrals over the 12 months".</summary>
    private static string PooledSize(string denominator, bool oneMonth) =>
        oneMonth || !denominator.EndsWith(" in the month", StringComparison.Ordinal)
            ? denominator
            : denominator[..^" in the month".Length] + $" over the {PooledMonths} months";

    /// <summary>Months' counts added up and the value worked out from them as the engine does (not an average of rates).</summary>
    private static VisibleFigure Pooled(IReadOnlyList<StoredIndicator> months, IndicatorUnit unit)
    {
        var n = months.Sum(r => r.Numerator);
        var d = months.Sum(r => r.Denominator);
        var value = IndicatorValue.Of(unit, n, d);
        return new VisibleFigure(value, value is null ? "z" : IndicatorValue.Format(unit, value), n, d, VisibleFigure.Count(n), VisibleFigure.Count(d), null, false);
    }

    private static async Task<ExceptionSummary> ExceptionsAsync(string id, Month month, int longest, ScopeSeriesQueries queries,
        CancellationToken cancellationToken)
    {
        var rows = await queries.AllExceptionsAsync(new ExceptionQuery(id, month.ToString()) { Sort = ExceptionSort.DaysOverdue, Descending = true },
            cancellationToken);
        var byTeam = rows.GroupBy(r => r.TeamId, StringComparer.Ordinal)
            .Select(g => new TeamCount(g.Key, g.First().TeamName ?? g.Key, g.Count()))
            .OrderByDescending(t => t.Rows).ThenBy(t => t.TeamName, StringComparer.Ordinal).ToList();
        return new ExceptionSummary(IndicatorCatalogue.Get(id).Definition, byTeam, [.. rows.Take(longest)], rows);
    }

    private static async Task<DataQualityStatement> DataQualityAsync(PackContext context, LoadRun load, CouncilFigures figures,
        CancellationToken cancellationToken)
    {
        var audit = new LoadAuditQueries(context.Warehouse);
        var tables = await audit.TablesAsync([load.LoadId], cancellationToken);
        var quarantined = (await audit.QuarantineSummaryAsync(load.LoadId, cancellationToken))
            .Select(q => new QuarantineCount(q.SourceTable, q.Rule, q.Rows))
            .OrderByDescending(q => q.Rows).ThenBy(q => q.SourceTable, StringComparer.Ordinal).ThenBy(q => q.Rule, StringComparer.Ordinal).ToList();
        var notAvailable = figures.Indicators.Where(i => i.Current.NotAvailable is not null)
            .Select(i => (i.Definition, i.Current.NotAvailable!)).ToList();
        return new DataQualityStatement(load, [.. tables.OrderBy(t => t.SourceTable, StringComparer.Ordinal)], quarantined, notAvailable);
    }

    /// <summary>Chart sizes in CSS pixels, to sit across A4 portrait within the margins.</summary>
    private static readonly ChartOptions EvidenceChart = new() { Missing = "no figure", Width = 640, Height = 230 };

    private static readonly ChartOptions FunnelOptions = new() { Missing = "no figure", Width = 640, Height = 340 };

    private static readonly ChartOptions AgencyChart = new() { Missing = "no figure", Width = 640 };
}
