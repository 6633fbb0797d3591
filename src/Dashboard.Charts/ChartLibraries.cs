using System.Collections.Frozen;
using System.Text;

namespace Dashboard.Charts;

/// <summary>
/// The Vega, Vega-Lite, vega-embed and vega-interpreter scripts (from npm, embedded at build time), in the order a
/// page loads them. The dashboard serves them from /assets; the PDF packs put them into the print page, so a chart
/// is drawn by the same code on screen and on paper.
/// </summary>
public static class ChartLibraries
{
    private const string Prefix = "chart-libraries/";

    /// <summary>Classic scripts, in load order: each defines a global the next one uses.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];

    /// <summary>The expression interpreter, an ES module (see <see cref="Adapt"/>), so charts need no 'unsafe-eval'.</summary>
    public const string InterpreterName = "vega-interpreter.js";

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    public static IEnumerable<string> Names => Files.Value.Keys;

    public static byte[] Content(string name) => Files.Value.TryGetValue(name, out var bytes)
        ? bytes
        : throw new ArgumentException($"No chart library is named {name}.", nameof(name));

    public static string Text(string name) => Encoding.UTF8.GetString(Content(name));

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(ChartLibraries).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[Prefix.Length..];
            files[name] = Adapt(name, buffer.ToArray());
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// vega-interpreter ships only as an ES module importing three helpers from 'vega-util', a bare specifier a
    /// browser cannot resolve without an import map (which a CSP would have to allow inline). Vega's own bundle
    /// exports those helpers, so the import is rewritten to read them from it. Fails loudly if the file changed shape.
    /// </summary>
    private static byte[] Adapt(string name, byte[] content)
    {
        if (name != InterpreterName) return content;
        const string import = "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';";
        var text = Encoding.UTF8.GetString(content);
        if (!text.Contains(import, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("vega-interpreter.js no longer starts with the import the charts rewrite; check the npm upgrade.");
        }
        return Encoding.UTF8.GetBytes(text.Replace(import, "const { ascending, isString, DisallowedObjectProperties } = globalThis.vega;", StringComparison.Ordinal));
    }
}
