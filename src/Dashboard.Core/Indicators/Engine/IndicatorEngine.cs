using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Engine;

/// <summary>
/// Runs indicators over case data: for every month and indicator, the figures for every scope and the
/// exception rows behind every failure. Pure: the same data and settings give the same run. Indicator-months
/// are independent, so they run in parallel and are put back in a fixed order.
/// </summary>
public sealed class IndicatorEngine
{
    private readonly IReadOnlyList<IIndicator> _indicators;

    public IndicatorEngine(IReadOnlyList<IIndicator>? indicators = null) => _indicators = indicators ?? IndicatorCatalogue.All;

    /// <summary>Every indicator and month in the options, collected in one run (catalogue order, then month).</summary>
    public EngineRun Run(CaseData data, IndicatorSettings settings, EngineOptions? options = null)
    {
        var (from, to, _, _) = Plan(data, settings, options);
        var outputs = Stream(data, settings, options).ToList();
        return new EngineRun(from, to, [.. outputs.SelectMany(o => o.Results)], [.. outputs.SelectMany(o => o.Exceptions)]);
    }

    /// <summary>
    /// The same outputs as <see cref="Run"/>, one indicator-month at a time, in the same order: a caller that
    /// stores each as it comes (the ETL) holds one indicator's months in memory, not the whole run. Each
    /// indicator's months are computed in parallel.
    /// </summary>
    public IEnumerable<MonthOutput> Stream(CaseData data, IndicatorSettings settings, EngineOptions? options = null)
    {
        var (_, to, indicators, months) = Plan(data, settings, options);
        options ??= new EngineOptions();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        var exceptions = options.Exceptions;
        return Outputs();

        IEnumerable<MonthOutput> Outputs()
        {
            foreach (var indicator in indicators)
            {
                var outputs = new MonthOutput[months.Length];
                Parallel.For(0, months.Length, parallel, i =>
                {
                    var keep = exceptions == ExceptionMonths.All || (exceptions == ExceptionMonths.LatestOnly && months[i] == to);
                    outputs[i] = Evaluate(indicator, data, months[i], settings, keep);
                });
                foreach (var output in outputs) yield return output;
            }
        }
    }

    private (Month From, Month To, IReadOnlyList<IIndicator> Indicators, Month[] Months) Plan(CaseData data, IndicatorSettings settings, EngineOptions? options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        options ??= new EngineOptions();
        var from = options.From ?? data.FirstMonth;
        var to = options.To ?? data.LastMonth;
        var ids = options.IndicatorIds;
        var unknown = ids?.Where(id => _indicators.All(i => i.Definition.Id != id)).ToList();
        if (unknown is { Count: > 0 })
        {
            throw new ArgumentException($"No indicator has the id {string.Join(", ", unknown)}.", nameof(options));
        }
        IReadOnlyList<IIndicator> indicators = ids is null ? _indicators : [.. _indicators.Where(i => ids.Contains(i.Definition.Id))];
        return (from, to, indicators, [.. Month.Range(from, to)]);
    }

    /// <summary>One indicator for one month: every scope's figure and (optionally) the exception rows.</summary>
    public static MonthOutput Evaluate(IIndicator indicator, CaseData data, Month month, IndicatorSettings settings, bool withExceptions = true)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(data);
        var definition = indicator.Definition;
        var asAt = data.AsAt(month);
        var missing = NotAvailableReason(definition, data, month);
        if (missing is not null)
        {
            return new MonthOutput(definition.Id, month, [new IndicatorResult(definition.Id, null, month, asAt, Scope.Council, 0, 0, null, missing)], []);
        }
        var aggregator = new ScopeAggregator(data, definition);
        var exceptions = new List<ExceptionRow>();
        foreach (var e in indicator.Evaluate(data, month, settings))
        {
            aggregator.Add(e);
            if (withExceptions && e.Failure is not null)
            {
                exceptions.Add(new ExceptionRow(definition.Id, e.Series, month, e.Date, e.PersonId, e.EventId, e.TeamId, e.WorkerId,
                    data.ServiceAreaOf(e.TeamId), e.Failure));
            }
        }
        return new MonthOutput(definition.Id, month, [.. aggregator.Results(definition, month, asAt)], exceptions);
    }

    /// <summary>Why an indicator cannot be measured for a month, or null when it can.</summary>
    public static string? NotAvailableReason(IndicatorDefinition definition, CaseData data, Month month)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(data);
        var availability = data.Availability;
        var absent = definition.Sources.Where(s => !availability.Has(s)).ToList();
        if (absent.Count > 0)
        {
            // Sources made from statutory returns say why a source is missing; an SSD extract simply lacks the table.
            var because = absent.Select(availability.AbsentBecause).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return absent.All(s => availability.AbsentBecause(s) is not null)
                ? $"Not available from these sources: {string.Join("; ", because)}."
                : $"Not available: the extract has no {string.Join(" or ", absent.Select(SourceNames.Describe))}.";
        }
        if (availability.IndicatorAbsentBecause(definition.Id) is { } notSupported)
        {
            return $"Not available from these sources: {notSupported}.";
        }
        if (definition.LatestMonthOnly && month != data.LastMonth)
        {
            return "Not available: the source holds only each person's latest status, so only the latest month can be measured.";
        }
        if (month != data.LastMonth && definition.Sources.Select(availability.LatestOnlyBecause).OfType<string>().FirstOrDefault() is { } latestOnly)
        {
            return $"Not available for this month: {latestOnly}, so only the latest month can be measured.";
        }
        return null;
    }
}

/// <summary>One indicator-month's figures and exception rows.</summary>
public sealed record MonthOutput(string IndicatorId, Month Month, IReadOnlyList<IndicatorResult> Results, IReadOnlyList<ExceptionRow> Exceptions);
