using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Rolling;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Charts;

namespace Dashboard.Web.Services.Indicators;

/// <summary>Everything one indicator's page shows, for one viewer, scope and month. Null charts are left off the page.</summary>
public sealed record IndicatorPageModel(
    IndicatorDefinition Definition, PeriodChoice? Period, ScopeContext Scope, VisibleFigure Figure, decimal? Target, Rag? Rag,
    Verdict? Verdict, ChartSpec? SpcChart, ChartSpec? TeamChart, IReadOnlyList<TeamFigure> Teams, ChartSpec? TeamFunnel,
    ChartSpec? WorkerFunnel, SuppressionRule? Rule, string? MonthNote = null, int MinimumDenominator = 10)
{
    public string? RagWord => RagRating.Word(Rag);

    /// <summary>The rating as a style token (green, amber, red, too-few).</summary>
    public string? RagKey => RagRating.Key(Rag);

    /// <summary>Each chart's cache key by the chart's id, for its PNG (the download link) from the same cache.</summary>
    public IReadOnlyDictionary<string, ChartKey> ChartKeys { get; init; } = new Dictionary<string, ChartKey>();
}

/// <summary>
/// One indicator for one scope: the SPC chart of the scope's figures, the same by team, this month's team table and
/// funnel plots. Every figure goes through the viewer's suppression first; councillors get no worker figures and a
/// manager gets only their own teams' and workers' breakdowns. Charts are drawn once per load, scope, period and view
/// (<see cref="ChartCache"/>).
/// </summary>
public sealed class IndicatorPageService(IndicatorFigures figures, IndicatorScopes scopes, CachedScopeSeries queries, ChartCache charts)
{
    /// <summary>Null when the catalogue has no indicator with this id (the page answers 404).</summary>
    public Task<IndicatorPageModel?> GetAsync(Viewer viewer, string id, string? period, string? area, string? team,
        CancellationToken cancellationToken = default) => GetAsync(viewer, id, period, null, area, team, cancellationToken);

    /// <param name="length">1, 3 or 12 (?length=): how many months each figure covers; null: the council's default.</param>
    public async Task<IndicatorPageModel?> GetAsync(Viewer viewer, string id, string? period, string? length, string? area, string? team,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (IndicatorCatalogue.Find(id) is not { } indicator) return null;
        var definition = indicator.Definition;
        var scope = await scopes.ResolveAsync(viewer, area, team, figures.Settings.CouncilName, cancellationToken);
        var rule = figures.RuleFor(viewer);
        var target = definition.Polarity == Polarity.Neither ? null : figures.Settings.TargetFor(definition.Id);
        var months = await figures.PeriodAsync(period, length, cancellationToken);
        if (months is null) return new IndicatorPageModel(definition, null, scope, VisibleFigure.Missing, target, null, null, null, null, [], null, null, rule);

        // Rolling figures are read from the first charted month's window start and added up here (RollingRows).
        var from = months.ReadFrom.ToString();
        var to = months.Selected.ToString();
        var scopeRows = months.Roll([.. (await queries.ScopeAsync(scope.Selected.Level, scope.Selected.Id, from, to, cancellationToken))
            .Where(r => r.IndicatorId == definition.Id)]);
        var series = IndicatorFigures.Series(scopeRows, months, definition.Unit, rule);
        var current = series.FirstOrDefault(s => s.Month == months.Selected).Figure ?? VisibleFigure.Missing;
        var options = new ChartOptions { Missing = rule is null ? "no value" : "c" };
        var teams = scope.TeamsInScope;
        var load = await queries.LoadIdAsync(cancellationToken);
        var view = ChartView.Of(rule, viewer.SeesWorkers, teams);
        var keys = new Dictionary<string, ChartKey>(StringComparer.Ordinal);
        ChartSpec? Cached(string chart, Func<ChartSpec?> draw)
        {
            var key = ChartKeyFor(load, scope.Selected, months, view, definition.Id, chart);
            var spec = charts.GetOrDraw(key, draw);
            if (spec is not null) keys[spec.Id] = key;
            return spec;
        }
        var rolling = months.IsRolling && RollingFigures.Rolls(definition);
        var verdict = IndicatorFigures.VerdictFor(series, months, definition, target, figures.Settings.ChangeDatesFor(definition.Id));
        // The charts end at the last complete month: a few days of the month so far would look like a fall or a jump.
        var lastComplete = months.IsRunning ? months.Selected.Previous() : months.Selected;
        var spcChart = Cached("trend", () => rolling ? RollingTrend(definition, scope.Selected.Name, series, months, target, options)
            : IndicatorFigures.Spc(IndicatorFigures.CompleteMonths(series, months), definition, target, figures.Settings.ChangeDatesFor(definition.Id)) is { Points.Count: > 0 } spc
                ? SpcChart.Build($"{definition.Title}: {scope.Selected.Name}", spc, definition.Unit, definition.Polarity, target, definition.England?.Value, options,
                    through: lastComplete)
                : null);

        var teamRows = teams.Count == 0 ? [] : months.Roll(await queries.LevelAsync(definition.Id, ScopeChoice.TeamLevel, from, to, cancellationToken));
        var byTeamMonth = teamRows.ToDictionary(r => (r.ScopeId, r.Period));
        IReadOnlyList<TeamFigure> Month(Month m) => TeamBreakdown.Of(
            [.. teams.Select(t => (t, byTeamMonth.GetValueOrDefault((t.TeamId, m.ToString()))))], definition.Unit, rule);
        var monthTeams = Month(months.Selected);
        ChartSpec? teamChart = null;
        if (teams.Count > 1 && teamRows.Count > 0)
        {
            // Like the SPC chart, the team trend ends at the last complete month: a few days would look like a fall or a jump.
            var trendMonths = Core.Indicators.Month.Range(months.From, lastComplete).ToList();
            var trend = trendMonths
                .SelectMany(m => Month(m).Where(f => f.TotalText != "x").Select(f => (f.Team.TeamName, m, f.Value))).ToList();
            // Teams that do no such work (no case in any month charted, by the exact counts: a zero hides no one) are named
            // in the chart's description rather than drawn as empty panels.
            var withoutCases = teams.Where(t => trendMonths.All(m => byTeamMonth.GetValueOrDefault((t.TeamId, m.ToString())) is not { Denominator: > 0 }))
                .Select(t => t.TeamName).ToList();
            if (trend.Any(t => t.Value is not null))
            {
                teamChart = Cached("teams", () => TeamTrendChart.Build($"{definition.Title} by team{(rolling ? $", rolling {months.Length.Months}-month figures" : "")}", trend, definition.Unit, target, options,
                    rule is null ? TeamTrendChart.NoValueReason : TeamTrendChart.SuppressedReason, withoutCases));
            }
        }
        // Suppression hides cells, never the scope's own rate or a limit: the line and limits come from the exact counts
        // for every viewer, and only suppressed teams' points are left out. A councillor whose scope figure is itself
        // hidden gets no funnel, as its line would tell the hidden rate.
        var exact = rule is null ? current : VisibleFigure.Of(scopeRows.FirstOrDefault(r => r.Period == to), definition.Unit, null);
        // Funnels compare whole months only: in the month so far small teams sit at 0% or 100% on a few days' work.
        var teamFunnel = months.IsRunning || (rule is not null && current.Value is null) ? null : Cached("team-funnel", () => Funnel($"{definition.Title}: teams compared, {months.CoversFor(definition)}", definition,
            monthTeams.Where(f => f.Met is not null && f.Total is > 0).Select(f => (f.Team.TeamName, f.Team.TeamId, f.Met!.Value, f.Total!.Value)).ToList(),
            "teams", options, exact, poolWhenMissing: rule is null, scope.Selected));
        ChartSpec? workerFunnel = null;
        if (viewer.SeesWorkers && rule is null && definition.Unit == IndicatorUnit.Percent && !months.IsRunning)
        {
            var workers = months.Roll(await queries.LevelAsync(definition.Id, ScopeChoice.WorkerLevel, months.Length.WindowStart(months.Selected).ToString(), to,
                cancellationToken)).Where(w => w.Period == to).ToList();
            var workerTeams = await queries.WorkerTeamsAsync(cancellationToken);
            var visible = teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
            var mine = workers.Where(w => w.NotAvailable is null && w.Denominator > 0 && w.Numerator <= w.Denominator
                    && workerTeams.TryGetValue(w.ScopeId, out var t) && visible.Contains(t))
                .Select(w => (w.ScopeName, w.ScopeId, w.Numerator, w.Denominator)).ToList();
            workerFunnel = Cached("worker-funnel", () => Funnel($"{definition.Title}: workers compared, {months.CoversFor(definition)}", definition, mine, "workers", options, current,
                poolWhenMissing: true, scope.Selected));
        }
        return new IndicatorPageModel(definition, months, scope, current, target, figures.Rate(current, target, definition, months),
            verdict, spcChart, teamChart, monthTeams, teamFunnel, workerFunnel, rule, months.IsRunning ? $"the {months.Covers}" : null,
            figures.Settings.MinimumDenominator) { ChartKeys = keys };
    }

    /// <summary>The key of one of this page's charts: <paramref name="chart"/> is "trend", "teams", "team-funnel" or "worker-funnel".</summary>
    public static ChartKey ChartKeyFor(long load, ScopeChoice scope, PeriodChoice months, string view, string indicatorId, string chart) =>
        new(load, $"{scope.Level}:{scope.Id}", $"{months.Selected}/{months.Length.Months}", view, $"{indicatorId}/{chart}");

    /// <summary>
    /// The trend of rolling figures: a line and the target, without SPC limits (consecutive rolling figures share months, so
    /// limits set on them would be too narrow and every run would look like a signal).
    /// </summary>
    private static ChartSpec? RollingTrend(IndicatorDefinition definition, string scopeName, List<(Month Month, VisibleFigure Figure)> series, PeriodChoice months,
        decimal? target, ChartOptions options)
    {
        var points = series.Select(s => (s.Month, s.Figure.Value)).ToList();
        return points.Count(p => p.Value is not null) < 2 ? null
            : RollingLineChart.Build($"{definition.Title}: {scopeName}, rolling {months.Length.Months}-month figures", months.Length.Months, points,
                definition.Unit, target, options);
    }

    /// <summary>
    /// A funnel around the scope's own exact rate (so a manager's workers are compared with their team's rate, and the
    /// line is labelled with the team's name: <see cref="FunnelCentre"/>). Without one, the pooled rate of the units only
    /// when <paramref name="poolWhenMissing"/>: the units are then every unit (never a councillor's shown few, whose pool
    /// is not the council). Percentages only; fewer than two units compare nothing.
    /// </summary>
    private static ChartSpec? Funnel(string title, IndicatorDefinition definition, IReadOnlyList<(string Label, string Id, int Numerator, int Denominator)> units,
        string noun, ChartOptions options, VisibleFigure scope, bool poolWhenMissing, ScopeChoice scopeChoice)
    {
        if (definition.Unit != IndicatorUnit.Percent || units.Count < 2) return null;
        var input = units.Select(u => new FunnelUnit(u.Id, u.Numerator, u.Denominator)).ToList();
        decimal centre;
        FunnelCentre centreName;
        if (scope is { Numerator: { } n, Denominator: > 0 and var d } && n <= d)
        {
            centre = (decimal)n / d;
            centreName = scopeChoice.IsCouncil ? FunnelCentre.Council : FunnelCentre.Of(scopeChoice.Name);
        }
        else if (poolWhenMissing)
        {
            centre = FunnelPlot.PooledRate(input);
            centreName = FunnelCentre.Pooled;
        }
        else return null;
        // At 0% or 100% every unit sits on the centre and the limits close to a line: nothing to compare.
        if (centre is 0m or 1m) return null;
        var labels = units.ToDictionary(u => u.Id, u => u.Label, StringComparer.Ordinal);
        var points = FunnelPlot.Plot(input, centre).Select(p => (labels[p.Id], p)).ToList();
        var size = definition.Denominator;
        return FunnelChart.Build(title, points, centre, definition.Unit, size, noun, options, centreName);
    }
}
