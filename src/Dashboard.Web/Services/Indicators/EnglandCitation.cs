using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// The England comparators' period and source, said once for a page of tiles ("England figures are for the year ending
/// 31 March 2025, from DfE, Characteristics of children in need 2024-25"), with how any derived figure was worked out.
/// </summary>
public static class EnglandCitation
{
    public static IReadOnlyList<string> Lines(IEnumerable<IndicatorDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var withEngland = definitions.Where(d => d.England is not null).ToList();
        var sources = withEngland.GroupBy(d => (d.England!.Period, d.England.Source))
            .Select(g => $"England figures are for the {g.Key.Period}, from {g.Key.Source}.");
        var derived = withEngland.Where(d => d.England!.Derived)
            .Select(d => $"{d.Title}: the England figure is approximate (\"about\"){(d.England!.Note is { } n ? ", " + n : "")}.");
        return [.. sources, .. derived];
    }
}
