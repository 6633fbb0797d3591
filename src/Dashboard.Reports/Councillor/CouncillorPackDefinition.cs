using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Reports.Pdf;
using YamlDotNet.RepresentationModel;

namespace Dashboard.Reports.Councillor;

/// <summary>One section of the pack: an Ofsted theme, its heading, and its indicators in the order printed.</summary>
public sealed record CouncillorSection(Theme Theme, string Heading, IReadOnlyList<string> IndicatorIds);

/// <summary>
/// The councillor pack as reports/packs/councillor.yaml defines it: the title, the introduction, and the sections.
/// Read at run time (no rebuild to change it); every mistake is one sentence naming the file and line.
/// </summary>
public sealed record CouncillorPackDefinition(string Title, string Intro, IReadOnlyList<CouncillorSection> Sections)
{
    public const string RelativePath = "packs/councillor.yaml";

    public static CouncillorPackDefinition Load(string reportsFolder) => Parse(ReportsFolder.ReadText(reportsFolder, RelativePath),
        Path.Combine(reportsFolder, RelativePath));

    /// <summary>Reads the definition from YAML text; <paramref name="source"/> names the file in error messages.</summary>
    public static CouncillorPackDefinition Parse(string yaml, string source)
    {
        var root = PackYaml.Root(yaml, source, "title, intro and themes");
        var title = PackYaml.Text(root, "title", source);
        var intro = PackYaml.Text(root, "intro", source);
        if (PackYaml.Child(root, "themes", source) is not YamlSequenceNode themes || themes.Children.Count == 0)
        {
            throw PackYaml.Bad(source, root.Start, "needs a themes list with at least one theme");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sections = themes.Children.Select(n => Section(n, source, seen)).ToList();
        return new CouncillorPackDefinition(title, intro, sections);
    }

    private static CouncillorSection Section(YamlNode node, string source, HashSet<string> seen)
    {
        if (node is not YamlMappingNode map) throw PackYaml.Bad(source, node.Start, "each theme must be a mapping with theme and indicators");
        var themeNode = PackYaml.Child(map, "theme", source);
        var themeText = PackYaml.Scalar(themeNode, "theme", source);
        if (!Enum.TryParse<Theme>(themeText, ignoreCase: true, out var theme) || int.TryParse(themeText, out _))
        {
            throw PackYaml.Bad(source, themeNode!.Start, $"names an unknown theme '{themeText}' (one of {string.Join(", ", Enum.GetNames<Theme>())})");
        }
        var heading = PackYaml.Has(map, "heading") ? PackYaml.Text(map, "heading", source) : theme.Describe();
        if (!PackYaml.Has(map, "indicators") || map.Children[new YamlScalarNode("indicators")] is not YamlSequenceNode { Children.Count: > 0 })
        {
            throw PackYaml.Bad(source, map.Start, $"theme {themeText} needs an indicators list");
        }
        return new CouncillorSection(theme, heading, PackYaml.Indicators(map, "indicators", source, seen));
    }
}
