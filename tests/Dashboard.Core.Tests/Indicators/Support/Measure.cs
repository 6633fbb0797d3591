using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>Runs one indicator for one month and reads the answer: <c>Measure.Of("SEEN-01", data, month).Council</c>.</summary>
public sealed class Measure
{
    private Measure(MonthOutput output) => Output = output;

    public MonthOutput Output { get; }

    public static Measure Of(string indicatorId, CaseData data, Month month, IndicatorSettings? settings = null) =>
        new(IndicatorEngine.Evaluate(IndicatorCatalogue.Get(indicatorId), data, month, settings ?? IndicatorSettings.Default));

    public static Measure Of(string indicatorId, CaseData data, DateOnly inMonth, IndicatorSettings? settings = null) =>
        Of(indicatorId, data, Month.Of(inMonth), settings);

    public IndicatorResult Council => At(Scope.Council);

    public IndicatorResult Team(string teamId) => At(new Scope(ScopeLevel.Team, teamId));

    public IndicatorResult Worker(string workerId) => At(new Scope(ScopeLevel.Worker, workerId));

    public IndicatorResult Series(string series) => At(Scope.Council, series);

    public IndicatorResult At(Scope scope, string? series = null) =>
        Output.Results.SingleOrDefault(r => r.Scope == scope && r.Series == series)
        ?? throw new AssertionException($"No result for {scope} {series}.");

    public bool HasScope(Scope scope) => Output.Results.Any(r => r.Scope == scope);

    public IReadOnlyList<ExceptionRow> Exceptions => Output.Exceptions;

    /// <summary>"n/d" at council level, the shortest readable way to assert a ratio.</summary>
    public string Ratio => $"{Council.Numerator}/{Council.Denominator}";
}
