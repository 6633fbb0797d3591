using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

/// <summary>
/// One indicator: its metadata and its rule. The rule is a pure function from case data, a month and the
/// local settings to the units it counts (usually one per child or per event); the engine aggregates them
/// to every scope, so a council's counts are the sum of its teams' by construction.
/// </summary>
public interface IIndicator
{
    IndicatorDefinition Definition { get; }

    /// <summary>
    /// The units counted for <paramref name="month"/>. Called only when the sources in
    /// <see cref="IndicatorDefinition.Sources"/> are present; the engine handles "not available".
    /// </summary>
    IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings);
}
