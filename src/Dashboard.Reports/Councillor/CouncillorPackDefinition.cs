using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Reports.Pdf;
using YamlDotNet.Core;
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
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Bad(source, e.Start, $"is not valid YAML ({Reason(e)})");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PackDefinitionException($"{source} must be a mapping with title, intro and themes.");
        }
        var title = Text(root, "title", source);
        var intro = Text(root, "intro", source);
        if (Child(root, "themes", source) is not YamlSequenceNode themes || themes.Children.Count == 0)
        {
            throw Bad(source, root.Start, "needs a themes list with at least one theme");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sections = themes.Children.Select(n => Section(n, source, seen)).ToList();
        return new CouncillorPackDefinition(title, intro, sections);
    }

    private static CouncillorSection Section(YamlNode node, string source, HashSet<string> seen)
    {
        if (node is not YamlMappingNode map) throw Bad(source, node.Start, "each theme must be a mapping with theme and indicators");
        var themeNode = Child(map, "theme", source);
        var themeText = Scalar(themeNode, "theme", source);
        if (!Enum.TryParse<Theme>(themeText, ignoreCase: true, out var theme) || int.TryParse(themeText, out _))
        {
            throw Bad(source, themeNode!.Start, $"names an unknown theme '{themeText}' (one of {string.Join(", ", Enum.GetNames<Theme>())})");
        }
        var heading = map.Children.ContainsKey(new YamlScalarNode("heading")) ? Text(map, "heading", source) : theme.Describe();
        if (Child(map, "indicators", source) is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw Bad(source, map.Start, $"theme {themeText} needs an indicators list");
        }
        var ids = new List<string>();
        foreach (var item in list.Children)
        {
            var id = Scalar(item, "indicator", source);
            if (IndicatorCatalogue.Find(id) is null) throw Bad(source, item.Start, $"names an indicator that is not in the catalogue: '{id}'");
            if (!seen.Add(id)) throw Bad(source, item.Start, $"lists {id} twice");
            ids.Add(id);
        }
        return new CouncillorSection(theme, heading, ids);
    }

    private static YamlNode? Child(YamlMappingNode map, string key, string source) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : throw Bad(source, map.Start, $"is missing '{key}'");

    private static string Text(YamlMappingNode map, string key, string source)
    {
        var text = Scalar(Child(map, key, source), key, source).Trim();
        return text.Length > 0 ? text : throw Bad(source, map.Start, $"has an empty '{key}'");
    }

    private static string Scalar(YamlNode? node, string what, string source) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Bad(source, node?.Start ?? Mark.Empty, $"needs {what} to be a single value");

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (colon >= 0 ? message[(colon + 3)..] : message).TrimEnd('.');
    }

    private static PackDefinitionException Bad(string source, Mark at, string problem) =>
        new($"{source}, line {at.Line}: the pack definition {problem}.");
}
