using System.Data.Common;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.Indicators;

namespace Dashboard.Etl.Load;

/// <summary>
/// The nightly indicator step, inside the swap transaction: take the case facts the run has just swapped in
/// (collected from the staged rows, or read back through that transaction: <see cref="Feed"/>), run the engine over every month, and replace fact_indicator and
/// fact_indicator_exception whole. Outputs are streamed one indicator at a time and written in batches, so
/// the run never holds every indicator's results at once. Exception rows are kept for the last
/// <see cref="EtlOptions.ExceptionMonths"/> months only (docs/etl.md).
/// </summary>
internal static class IndicatorStep
{
    public static readonly string[] ResultColumns =
    [
        "indicator_id", "series", "period", "as_at_date", "scope_level", "scope_id", "scope_name", "numerator", "denominator",
        "value", "not_available", "load_id",
    ];

    public static readonly string[] ExceptionColumns =
    [
        "indicator_id", "series", "period", "rule_date", "person_id", "child_key", "event_id", "team_id", "worker_id",
        "service_area_id", "what_due", "due_date", "days_overdue", "overdue_unit", "load_id",
    ];

    /// <summary>What the step wrote, and where its time went (<see cref="EtlPhaseTimes"/>).</summary>
    public sealed record Outcome(long Results, long Exceptions, TimeSpan Compute, TimeSpan Figures, TimeSpan ExceptionTime);

    /// <summary>
    /// The engine's input and what turning its output into rows needs: built before anything is stored, from the loaded
    /// rows (<see cref="Build"/>, which needs no connection, so the run builds it beside the swap) or from reading the
    /// facts back through the transaction (<see cref="ReadAsync"/>).
    /// </summary>
    internal sealed class Feed
    {
        private Feed(CaseData data, ScopeNames names, IReadOnlyDictionary<string, long> childKeys, Month? keepFrom, TimeSpan elapsed)
        {
            Data = data;
            Names = names;
            ChildKeys = childKeys;
            KeepFrom = keepFrom;
            Elapsed = elapsed;
        }

        public CaseData Data { get; }
        public ScopeNames Names { get; }
        public IReadOnlyDictionary<string, long> ChildKeys { get; }

        /// <summary>The first month whose exception rows are kept (null: every month's).</summary>
        public Month? KeepFrom { get; }

        /// <summary>How long building it took (CaseData's lookups, the scope names; reading the facts back too on that path).</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Builds the engine's lookups from facts already in memory: pure CPU, safe to run on any thread.</summary>
        public static Feed Build(CaseFacts facts, IReadOnlyDictionary<string, long> childKeys, IndicatorSettings settings, int? exceptionMonths, TimeSpan before = default)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var data = new CaseData(facts);
            var names = new ScopeNames(facts, settings.CouncilName);
            var keepFrom = exceptionMonths is { } months ? data.LastMonth.AddMonths(1 - months) : (Month?)null;
            return new Feed(data, names, childKeys, keepFrom, before + clock.Elapsed);
        }

        /// <summary>Reads the facts the swap has just made the warehouse's back through <paramref name="transaction"/>, then builds.</summary>
        public static async Task<Feed> ReadAsync(
            DbConnection connection, DbTransaction transaction, long loadId, IndicatorSettings settings, int? exceptionMonths, CancellationToken ct)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var facts = await CaseFactsReader.ReadAsync(connection, transaction, loadId, ct);
            var childKeys = await CaseFactsReader.ChildKeysAsync(connection, transaction, ct);
            return Build(facts, childKeys, settings, exceptionMonths, clock.Elapsed);
        }
    }

    /// <summary>
    /// Runs the step over <paramref name="feed"/>: the engine computes every indicator-month while this thread replaces
    /// fact_indicator and fact_indicator_exception with what it gives, inside <paramref name="transaction"/>. The feed comes
    /// from the rows this run has just validated and staged (which the swap made the warehouse's facts) or from reading
    /// the facts back: the same facts either way (IndicatorFeedEqualityTests).
    /// </summary>
    public static async Task<Outcome> RunAsync(
        DbConnection connection, DbTransaction transaction, IBulkWriter writer, long loadId, IndicatorSettings settings, Feed feed, CancellationToken ct)
    {
        var figures = await TableWriter.StartAsync(connection, transaction, writer, "fact_indicator", ResultColumns, ct);
        var exceptions = await TableWriter.StartAsync(connection, transaction, writer, "fact_indicator_exception", ExceptionColumns, ct);

        // The engine computes (on both cores, one indicator's months at a time) on a worker thread while this thread
        // stores what it has already given: the engine's single-threaded stretches no longer leave a core idle.
        long computeTicks = 0;
        var batches = Pipelined.Run(Rows(Outputs(feed.Data, settings, feed.KeepFrom), feed.Names, feed.ChildKeys, loadId, ticks => computeTicks = ticks), batchSize: 1);
        foreach (var (results, exceptionRows) in batches)
        {
            ct.ThrowIfCancellationRequested();
            await figures.AddAsync(results, ct);
            await exceptions.AddAsync(exceptionRows, ct);
        }
        await figures.FinishAsync(ct);
        await exceptions.FinishAsync(ct);
        return new Outcome(figures.Written, exceptions.Written, TimeSpan.FromTicks(computeTicks), figures.Elapsed, exceptions.Elapsed);
    }

    /// <summary>The engine's output as stored rows, one indicator-month at a time; reports the time it took when done.</summary>
    private static IEnumerable<(List<object?[]> Results, List<object?[]> Exceptions)> Rows(
        IEnumerable<MonthOutput> outputs, ScopeNames names, IReadOnlyDictionary<string, long> childKeys, long loadId, Action<long> took)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = new IndicatorRows(names, childKeys, loadId);
        using var each = outputs.GetEnumerator();
        while (each.MoveNext())
        {
            var output = each.Current;
            var results = new List<object?[]>(output.Results.Count);
            foreach (var r in output.Results) results.Add(rows.Result(r));
            var exceptions = new List<object?[]>(output.Exceptions.Count);
            foreach (var e in output.Exceptions) exceptions.Add(rows.Exception(e));
            clock.Stop();
            yield return (results, exceptions);
            clock.Start();
        }
        took(clock.Elapsed.Ticks);
    }

    /// <summary>
    /// Every indicator-month: the months before <paramref name="keepFrom"/> without their exception rows (never built),
    /// then the kept months with them. Months are independent, so the figures are those of one run over every month.
    /// </summary>
    private static IEnumerable<MonthOutput> Outputs(CaseData data, IndicatorSettings settings, Month? keepFrom)
    {
        var engine = new IndicatorEngine();
        if (keepFrom is not { } from || from <= data.FirstMonth) return engine.Stream(data, settings);
        if (from > data.LastMonth) return engine.Stream(data, settings, new EngineOptions { Exceptions = ExceptionMonths.None });
        return engine.Stream(data, settings, new EngineOptions { To = from.Previous(), Exceptions = ExceptionMonths.None })
            .Concat(engine.Stream(data, settings, new EngineOptions { From = from }));
    }

    /// <summary>The stored form of a scope level.</summary>
    public static string LevelName(ScopeLevel level) => level switch
    {
        ScopeLevel.Council => "council",
        ScopeLevel.ServiceArea => "service_area",
        ScopeLevel.Team => "team",
        ScopeLevel.Worker => "worker",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Names for scope ids: teams and service areas from dim_team, workers by their latest spell.</summary>
    internal sealed class ScopeNames
    {
        private readonly Dictionary<string, string> _teams = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _areas = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _workers = new(StringComparer.Ordinal);
        private readonly string _council;

        public ScopeNames(CaseFacts facts, string council)
        {
            _council = council;
            foreach (var t in facts.Teams)
            {
                _teams[t.TeamId] = t.Name;
                if (t.ServiceAreaId is { Length: > 0 } area) _areas[area] = t.ServiceAreaName ?? area;
            }
            foreach (var s in facts.WorkerSpells.OrderBy(s => s.ValidFrom)) _workers[s.ProfessionalId] = s.Name;
        }

        public string Of(Scope scope) => scope.Level switch
        {
            ScopeLevel.Council => _council,
            ScopeLevel.ServiceArea => _areas.GetValueOrDefault(scope.Id) ?? Unknown(scope.Id, "Unknown service area"),
            ScopeLevel.Team => _teams.GetValueOrDefault(scope.Id) ?? Unknown(scope.Id, "Unknown team"),
            ScopeLevel.Worker => _workers.GetValueOrDefault(scope.Id) ?? Unknown(scope.Id, "Unknown worker"),
            _ => scope.Id,
        };

        private static string Unknown(string id, string words) => id == Allocation.Unknown ? words : id;
    }
}
