using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Reports.Pdf;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dashboard.Reports;

/// <summary>
/// Reading the pack definitions in reports/packs/*.yaml. They are edited by hand between runs, so every mistake is one
/// sentence naming the file and the line, never a parser's stack trace.
/// </summary>
internal static class PackYaml
{
    /// <summary>The document's root mapping; <paramref name="expected"/> says what it should hold ("title, intro and themes").</summary>
    public static YamlMappingNode Root(string yaml, string source, string expected)
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
            throw new PackDefinitionException($"{source} must be a mapping with {expected}.");
        }
        return root;
    }

    public static bool Has(YamlMappingNode map, string key) => map.Children.ContainsKey(new YamlScalarNode(key));

    public static YamlNode? Child(YamlMappingNode map, string key, string source) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : throw Bad(source, map.Start, $"is missing '{key}'");

    public static string Text(YamlMappingNode map, string key, string source)
    {
        var text = Scalar(Child(map, key, source), key, source).Trim();
        return text.Length > 0 ? text : throw Bad(source, map.Start, $"has an empty '{key}'");
    }

    public static string Scalar(YamlNode? node, string what, string source) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Bad(source, node?.Start ?? Mark.Empty, $"needs {what} to be a single value");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int Number(YamlMappingNode map, string key, string source, int min, int max)
    {
        var node = Child(map, key, source);
        var text = Scalar(node, key, source).Trim();
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Bad(source, node!.Start, $"needs '{key}' to be a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>
    /// A list of catalogue indicator ids, each once (across every list that shares <paramref name="seen"/>).
    /// <paramref name="allowEmpty"/>: an empty list (<c>[]</c>) is allowed.
    /// </summary>
    public static IReadOnlyList<string> Indicators(YamlMappingNode map, string key, string source, HashSet<string> seen, bool allowEmpty = false)
    {
        if (Child(map, key, source) is not YamlSequenceNode list || (list.Children.Count == 0 && !allowEmpty))
        {
            throw Bad(source, map.Start, allowEmpty ? $"needs '{key}' to be a list of indicators" : $"needs '{key}' to list at least one indicator");
        }
        var ids = new List<string>();
        foreach (var item in list.Children)
        {
            var id = Scalar(item, "indicator", source).Trim();
            if (IndicatorCatalogue.Find(id) is null) throw Bad(source, item.Start, $"names an indicator that is not in the catalogue: '{id}'");
            if (!seen.Add(id)) throw Bad(source, item.Start, $"lists {id} twice");
            ids.Add(id);
        }
        return ids;
    }

    public static PackDefinitionException Bad(string source, Mark at, string problem) =>
        new($"{source}, line {at.Line}: the pack definition {problem}.");

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (colon >= 0 ? message[(colon + 3)..] : message).TrimEnd('.');
    }
}
