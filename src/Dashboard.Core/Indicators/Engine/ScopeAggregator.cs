using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Engine;

/// <summary>
/// Adds one indicator-month's evaluations up to every scope: the council, each service area, team and
/// worker. Every evaluation lands in exactly one team (and one service area), so a council's counts are
/// the sum of its teams' by construction. An evaluation with no worker (a team-level unit) counts at every
/// scope but the worker's. Counters are plain int pairs in small dictionaries: this runs millions of times.
/// </summary>
internal sealed class ScopeAggregator
{
    private readonly CaseData _data;
    private readonly Counts _headline = new();
    private readonly Dictionary<string, Counts> _series = new(StringComparer.Ordinal);

    public ScopeAggregator(CaseData data, IndicatorDefinition definition)
    {
        _data = data;
        // The council row always exists, for the headline and every named series, so an empty month reads
        // "no value" rather than vanishing.
        foreach (var series in definition.Series) _series[series] = new Counts();
    }

    private sealed class Counts
    {
        public int[] Council { get; } = new int[2];
        public Dictionary<string, int[]> Areas { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int[]> Teams { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int[]> Workers { get; } = new(StringComparer.Ordinal);
        /// <summary>Each team's own counter and its service area's, so one look-up per evaluation finds both.</summary>
        public Dictionary<string, (int[] Team, int[] Area)> OfTeam { get; } = new(StringComparer.Ordinal);
    }

    public void Add(in Evaluation e)
    {
        var counts = e.Series is null ? _headline : Series(e.Series);
        var n = e.InNumerator ? 1 : 0;
        var d = e.InDenominator ? 1 : 0;
        Bump(counts.Council, n, d);
        if (!counts.OfTeam.TryGetValue(e.TeamId, out var team))
        {
            team = (Counter(counts.Teams, e.TeamId), Counter(counts.Areas, _data.ServiceAreaOf(e.TeamId)));
            counts.OfTeam[e.TeamId] = team;
        }
        Bump(team.Team, n, d);
        Bump(team.Area, n, d);
        if (e.WorkerId is not null) Bump(Counter(counts.Workers, e.WorkerId), n, d);
    }

    public IEnumerable<IndicatorResult> Results(IndicatorDefinition definition, Month month, DateOnly asAt)
    {
        var all = new List<IndicatorResult>();
        Emit(all, definition, month, asAt, null, _headline);
        foreach (var (series, counts) in _series.OrderBy(s => s.Key, StringComparer.Ordinal)) Emit(all, definition, month, asAt, series, counts);
        return all;
    }

    private static void Emit(List<IndicatorResult> all, IndicatorDefinition definition, Month month, DateOnly asAt, string? series, Counts counts)
    {
        IndicatorResult Result(ScopeLevel level, string id, int[] c) =>
            new(definition.Id, series, month, asAt, new Scope(level, id), c[0], c[1], IndicatorValue.Of(definition.Unit, c[0], c[1]));

        all.Add(Result(ScopeLevel.Council, Scope.CouncilId, counts.Council));
        foreach (var (level, scopes) in new[] { (ScopeLevel.ServiceArea, counts.Areas), (ScopeLevel.Team, counts.Teams), (ScopeLevel.Worker, counts.Workers) })
        {
            foreach (var (id, c) in scopes.OrderBy(s => s.Key, StringComparer.Ordinal)) all.Add(Result(level, id, c));
        }
    }

    private Counts Series(string series)
    {
        if (!_series.TryGetValue(series, out var counts)) _series[series] = counts = new Counts();
        return counts;
    }

    private static int[] Counter(Dictionary<string, int[]> counters, string id)
    {
        if (!counters.TryGetValue(id, out var counter)) counters[id] = counter = new int[2];
        return counter;
    }

    private static void Bump(int[] counter, int n, int d)
    {
        counter[0] += n;
        counter[1] += d;
    }
}
