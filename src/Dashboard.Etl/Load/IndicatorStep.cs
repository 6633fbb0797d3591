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
/// (collected from the staged rows, or read back through that transaction), run the engine over every month, and replace fact_indicator and
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
    public sealed record Outcome(long Results, long Exceptions, TimeSpan Feed, TimeSpan Compute, TimeSpan Figures, TimeSpan ExceptionTime);

    /// <summary>
    /// Runs the step. The engine's input comes from <paramref name="loaded"/> (the rows this run has just validated
    /// and staged, which the swap made the warehouse's facts) or, when it is null, from reading the facts back through
    /// the transaction (<see cref="CaseFactsReader"/>): the same facts either way (IndicatorFeedEqualityTests).
    /// </summary>
    public static async Task<Outcome> RunAsync(
        DbConnection connection, DbTransaction transaction, IBulkWriter writer, long loadId, IndicatorSettings settings, int? exceptionMonths,
        LoadedFacts? loaded, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        CaseFacts facts;
        IReadOnlyDictionary<string, long> childKeys;
        if (loaded is null)
        {
            facts = await CaseFactsReader.ReadAsync(connection, transaction, loadId, ct);
            childKeys = await CaseFactsReader.ChildKeysAsync(connection, transaction, ct);
        }
        else
        {
            facts = await loaded.ToCaseFactsAsync(connection, transaction, loadId, ct);
            childKeys = loaded.ChildKeys;
        }
        var data = new CaseData(facts);
        var names = new ScopeNames(facts, settings.CouncilName);
        var keepFrom = exceptionMonths is { } months ? data.LastMonth.AddMonths(1 - months) : (Month?)null;
        var feed = clock.Elapsed;

        var figures = await TableWriter.StartAsync(connection, transaction, writer, "fact_indicator", ResultColumns, ct);
        var exceptions = await TableWriter.StartAsync(connection, transaction, writer, "fact_indicator_exception", ExceptionColumns, ct);

        // The engine computes (on both cores, one indicator's months at a time) on a worker thread while this thread
        // stores what it has already given: the engine's single-threaded stretches no longer leave a core idle.
        long computeTicks = 0;
        var batches = Pipelined.Run(Rows(Outputs(data, settings, keepFrom), names, childKeys, loadId, ticks => computeTicks = ticks), batchSize: 1);
        foreach (var (results, exceptionRows) in batches)
        {
            ct.ThrowIfCancellationRequested();
            await figures.AddAsync(results, ct);
            await exceptions.AddAsync(exceptionRows, ct);
        }
        await figures.FinishAsync(ct);
        await exceptions.FinishAsync(ct);
        return new Outcome(figures.Written, exceptions.Written, feed, TimeSpan.FromTicks(computeTicks), figures.Elapsed, exceptions.Elapsed);
    }

    /// <summary>The engine's output as stored rows, one indicator-month at a time; reports the time it took when done.</summary>
    private static IEnumerable<(List<object?[]> Results, List<object?[]> Exceptions)> Rows(
        IEnumerable<MonthOutput> outputs, ScopeNames names, IReadOnlyDictionary<string, long> childKeys, long loadId, Action<long> took)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var each = outputs.GetEnumerator();
        while (each.MoveNext())
        {
            var output = each.Current;
            var results = new List<object?[]>(output.Results.Count);
            foreach (var r in output.Results) results.Add(ResultRow(r, names, loadId));
            var exceptions = new List<object?[]>(output.Exceptions.Count);
            foreach (var e in output.Exceptions) exceptions.Add(ExceptionRow(e, childKeys, loadId));
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

    private static object?[] ResultRow(IndicatorResult r, ScopeNames names, long loadId) =>
    [
        r.IndicatorId, r.Series ?? "", r.Month.ToString(), r.AsAt, LevelName(r.Scope.Level), r.Scope.Id, names.Of(r.Scope),
        r.Numerator, r.Denominator, r.Value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null, r.NotAvailable, loadId,
    ];

    private static object?[] ExceptionRow(ExceptionRow e, IReadOnlyDictionary<string, long> childKeys, long loadId)
    {
        var d = e.Detail;
        var childKey = e.PersonId is not null && childKeys.TryGetValue(e.PersonId, out var key) ? key : 0L;
        return
        [
            e.IndicatorId, e.Series ?? "", e.Month.ToString(), e.Date, e.PersonId, childKey, e.EventId, e.TeamId, e.WorkerId,
            e.ServiceAreaId, d.What, d.DueDate, d.DaysOverdue, d.DaysOverdue is null ? null : d.InWorkingDays ? "working days" : "days", loadId,
        ];
    }

    /// <summary>Names for scope ids: teams and service areas from dim_team, workers by their latest spell.</summary>
    private sealed class ScopeNames
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
