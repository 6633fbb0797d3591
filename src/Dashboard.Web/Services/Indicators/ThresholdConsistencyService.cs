using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// OVERSIGHT-02's funnels, rebuilt from the stored monthly counts its tests are made on: FRONT-04 (referrals ending
/// in no further action) and FRONT-05 (assessments finding no need) count each decision against the team and worker
/// who made it, as OVERSIGHT-02 does, so their team, worker and council rows added up over the 12 months to the month
/// are the rates OVERSIGHT-02 tested. The engine stores only the outliers' notes, not every unit's rate.
/// </summary>
public sealed class ThresholdConsistencyService(CachedScopeSeries queries, IndicatorFigures figures)
{
    public const string IndicatorId = "OVERSIGHT-02";

    /// <summary>Months pooled, as OVERSIGHT-02 pools them.</summary>
    public const int PooledMonths = 12;

    private static readonly (string Id, string Name, string RateName, string RateWords, string Size)[] Rates =
    [
        ("FRONT-04", "Referrals ending in no further action (NFA)", "NFA rate", "NFA rate", "Referrals over the 12 months"),
        ("FRONT-05", "Assessments finding no need for support", "\"No need\" rate", "\"no need\" rate", "Assessments authorised over the 12 months"),
    ];

    /// <summary>True for the one indicator whose page shows these funnels instead of a team table and follow-up list.</summary>
    public static bool Covers(IndicatorDefinition definition) => definition?.Id == IndicatorId;

    public async Task<ThresholdConsistency> GetAsync(Viewer viewer, ScopeContext scope, Month month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(scope);
        var rule = figures.RuleFor(viewer);
        var from = month.AddMonths(-(PooledMonths - 1));
        var showsWorkers = viewer.SeesWorkers && rule is null;
        var teams = scope.TeamsInScope.OrderBy(t => t.TeamName, StringComparer.CurrentCulture).ToList();
        var visible = teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
        var workerTeams = showsWorkers ? await queries.WorkerTeamsAsync(cancellationToken) : new Dictionary<string, string>();
        var councilRows = await queries.ScopeAsync(ScopeChoice.CouncilLevel, ScopeChoice.CouncilLevel, from.ToString(), month.ToString(), cancellationToken);
        var options = new ChartOptions { Missing = rule is null ? "no value" : "c" };
        var period = from == month ? IndicatorFigures.MonthName(month) : $"{IndicatorFigures.MonthName(from)} to {IndicatorFigures.MonthName(month)}";

        var measures = new List<ThresholdMeasure>();
        foreach (var (id, name, rateName, rateWords, size) in Rates)
        {
            var source = IndicatorCatalogue.Find(id)!.Definition;
            var council = Sum(councilRows.Where(r => r.IndicatorId == id));
            var centre = council.D > 0 ? (decimal)council.N / council.D : (decimal?)null;
            var testable = centre is > 0m and < 1m;
            var councilHidden = rule is not null && (council.D == 0 || FigureSuppression.Apply(council.N, council.D, IndicatorUnit.Percent, rule).IsHidden);
            var councilText = centre is not { } c ? "z" : councilHidden ? "c" : ThresholdUnit.Percent(c);

            var teamSums = Sums(await queries.LevelAsync(id, ScopeChoice.TeamLevel, from.ToString(), month.ToString(), cancellationToken));
            var teamUnits = Units([.. teams.Where(t => teamSums.ContainsKey(t.TeamId)).Select(t => (t.TeamId, t.TeamName, teamSums[t.TeamId]))],
                testable ? centre : null, rule);
            IReadOnlyList<ThresholdUnit> workerUnits = [];
            if (showsWorkers)
            {
                var workerRows = await queries.LevelAsync(id, ScopeChoice.WorkerLevel, from.ToString(), month.ToString(), cancellationToken);
                var names = workerRows.GroupBy(r => r.ScopeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Period)!.ScopeName, StringComparer.Ordinal);
                var workerSums = Sums(workerRows);
                workerUnits = Units([.. workerSums.Where(w => w.Value.D >= figures.Settings.FunnelMinimumWorkerDecisions
                        && workerTeams.TryGetValue(w.Key, out var team) && visible.Contains(team))
                    .Select(w => (w.Key, names[w.Key], w.Value)).OrderBy(w => w.Item2, StringComparer.CurrentCulture)], testable ? centre : null, rule);
            }
            // The line and the limits would tell a councillor a council rate that suppression hides: then no funnel.
            var drawable = testable && !councilHidden;
            var teamChart = drawable ? Chart($"{name}: teams compared, {period}", teamUnits, centre!.Value, size, "teams", options) : null;
            var workerChart = drawable ? Chart($"{name}: workers compared, {period}", workerUnits, centre!.Value, size, "workers", options) : null;
            measures.Add(new ThresholdMeasure(name, rateName, rateWords, source, council.N, council.D, councilText, teamUnits, workerUnits, teamChart, workerChart));
        }
        var teamRows = teams.Select(t => new ThresholdTeam(t, [.. measures.Select(m => m.TeamUnits.FirstOrDefault(u => u.Id == t.TeamId))]))
            .Where(t => t.Rates.Any(r => r is not null)).ToList();
        return new ThresholdConsistency(from, month, measures, teamRows, showsWorkers, figures.Settings.FunnelMinimumWorkerDecisions);
    }

    /// <summary>
    /// Each unit's point from exact counts around the council's rate (null when nothing is tested). For a councillor
    /// the units are one table, [with the outcome, without], suppressed together as the team table is, so a hidden
    /// unit's counts cannot be worked out from the others; a unit is shown only when none of its counts is hidden.
    /// </summary>
    private static List<ThresholdUnit> Units(IReadOnlyList<(string Id, string Name, (int N, int D) Counts)> units, decimal? centre, SuppressionRule? rule)
    {
        var points = centre is { } c
            ? FunnelPlot.Plot([.. units.Select(u => new FunnelUnit(u.Id, u.Counts.N, u.Counts.D))], c).ToDictionary(p => p.Id, StringComparer.Ordinal)
            : [];
        SuppressedTable? table = null;
        if (rule is not null && units.Count > 0)
        {
            var cells = new int?[units.Count, 2];
            for (var i = 0; i < units.Count; i++)
            {
                cells[i, 0] = units[i].Counts.N;
                cells[i, 1] = units[i].Counts.D - units[i].Counts.N;
            }
            table = TableSuppression.Apply(cells, rule);
        }
        var result = new List<ThresholdUnit>(units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            var (id, name, (n, d)) = units[i];
            var point = points.GetValueOrDefault(id);
            if (table is null)
            {
                result.Add(new ThresholdUnit(id, name, point, true, VisibleFigure.Count(n), VisibleFigure.Count(d)));
                continue;
            }
            var (yes, no, total) = (table.Cell(i, 0), table.Cell(i, 1), table.RowTotal(i));
            var shown = !yes.IsHidden && !no.IsHidden && !total.IsHidden;
            result.Add(new ThresholdUnit(id, name, point, shown, yes.Text, total.Text));
        }
        return result;
    }

    /// <summary>The funnel of the units this viewer may see, around the council's exact rate; null with fewer than two to compare.</summary>
    private static ChartSpec? Chart(string title, IReadOnlyList<ThresholdUnit> units, decimal centre, string size, string noun, ChartOptions options)
    {
        var shown = units.Where(u => u.Shown && u.Point is not null).Select(u => (u.Name, u.Point!)).ToList();
        return shown.Count < 2 ? null : FunnelChart.Build(title, shown, centre, IndicatorUnit.Percent, size, noun, options);
    }

    private static (int N, int D) Sum(IEnumerable<StoredIndicator> rows)
    {
        int n = 0, d = 0;
        foreach (var r in rows.Where(r => r.NotAvailable is null))
        {
            n += r.Numerator;
            d += r.Denominator;
        }
        return (n, d);
    }

    private static Dictionary<string, (int N, int D)> Sums(IEnumerable<StoredIndicator> rows) =>
        rows.GroupBy(r => r.ScopeId, StringComparer.Ordinal).Select(g => (g.Key, Sum: Sum(g))).Where(g => g.Sum.D > 0)
            .ToDictionary(g => g.Key, g => g.Sum, StringComparer.Ordinal);
}
