using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Monitoring;

/// <summary>
/// The monitoring-visit pack as reports/packs/monitoring.yaml defines it. Read at run time (no rebuild to change it);
/// every mistake is one sentence naming the file and line.
/// </summary>
/// <param name="Thresholds">Percentage indicators whose team rates are compared in funnel plots.</param>
/// <param name="Partners">Indicators shown per agency.</param>
/// <param name="Exceptions">Indicators whose exception lists are summarised besides those linked to the findings.</param>
/// <param name="LongestOverdue">Rows of each exception list the PDF prints.</param>
public sealed record MonitoringPackDefinition(
    string Title, string Intro, IReadOnlyList<string> Thresholds, IReadOnlyList<string> Partners, IReadOnlyList<string> Exceptions,
    int LongestOverdue)
{
    public const string RelativePath = "packs/monitoring.yaml";

    public static MonitoringPackDefinition Load(string reportsFolder) => Parse(ReportsFolder.ReadText(reportsFolder, RelativePath),
        Path.Combine(reportsFolder, RelativePath));

    /// <summary>Reads the definition from YAML text; <paramref name="source"/> names the file in error messages.</summary>
    public static MonitoringPackDefinition Parse(string yaml, string source)
    {
        var root = PackYaml.Root(yaml, source, "title, intro, thresholds, partners, exceptions and longestOverdue");
        var title = PackYaml.Text(root, "title", source);
        var intro = PackYaml.Text(root, "intro", source);
        var thresholds = PackYaml.Indicators(root, "thresholds", source, [], allowEmpty: true);
        foreach (var id in thresholds)
        {
            if (IndicatorCatalogue.Get(id).Definition.Unit != IndicatorUnit.Percent)
            {
                throw PackYaml.Bad(source, root.Start, $"lists {id} under thresholds, but only a percentage can be drawn in a funnel plot");
            }
        }
        var partners = PackYaml.Indicators(root, "partners", source, [], allowEmpty: true);
        foreach (var id in partners)
        {
            if (IndicatorCatalogue.Get(id).Definition.Series.Count == 0)
            {
                throw PackYaml.Bad(source, root.Start, $"lists {id} under partners, but it is not shown per agency");
            }
        }
        var exceptions = PackYaml.Indicators(root, "exceptions", source, [], allowEmpty: true);
        var longest = PackYaml.Number(root, "longestOverdue", source, 0, 100);
        return new MonitoringPackDefinition(title, intro, thresholds, partners, exceptions, longest);
    }
}
