using System.Text;
using Dashboard.Charts;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Reports.Pdf;

/// <summary>
/// What every print page carries inline: the print stylesheet from reports/print.css and the chart scripts (the same
/// Vega libraries the dashboard serves). A print page is loaded from a string with no server behind it, so nothing
/// can be fetched; and no CSP applies, so inline scripts are fine here.
/// </summary>
public sealed class PrintAssets
{
    private static readonly Lazy<string> ScriptBlock = new(BuildScripts);

    private PrintAssets(string stylesheet) => Stylesheet = stylesheet;

    public string Stylesheet { get; }

    /// <summary>The style element, as markup (Razor would escape the CSS otherwise).</summary>
    public MarkupString StyleElement => new($"<style>{Stylesheet.Replace("</", "<\\/", StringComparison.Ordinal)}</style>");

    /// <summary>The chart libraries and the drawing code, as script elements.</summary>
    public static MarkupString Scripts => new(ScriptBlock.Value);

    /// <summary>Reads reports/print.css from <paramref name="reportsFolder"/>.</summary>
    public static PrintAssets Load(string reportsFolder) => new(ReportsFolder.ReadText(reportsFolder, ReportsFolder.PrintStylesheet));

    private static string BuildScripts()
    {
        var html = new StringBuilder();
        foreach (var name in ChartLibraries.ScriptNames) html.Append("<script>").Append(Guard(ChartLibraries.Text(name))).Append("</script>\n");
        // The interpreter is an ES module; the drawing code shares its module scope, so it needs no import.
        html.Append("<script type=\"module\">").Append(Guard(ChartLibraries.Text(ChartLibraries.InterpreterName)))
            .Append('\n').Append(DrawCharts).Append("</script>\n");
        return html.ToString();
    }

    /// <summary>"&lt;/script" inside a script would end the element early; "&lt;\/" means the same to JavaScript.</summary>
    internal static string Guard(string script) => script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// As the dashboard's charts.js: each figure.chart holds its spec as JSON; vega-embed draws it as SVG through the
    /// expression interpreter. The printer waits for data-charts-ready, and refuses a page where any chart failed.
    /// </summary>
    private const string DrawCharts = """
        const draw = (figure) => {
          const spec = JSON.parse(figure.querySelector('script[type="application/json"].chart-spec').textContent);
          const target = figure.querySelector('.chart-canvas');
          return vegaEmbed(target, spec, { renderer: 'svg', actions: false, ast: true, expr: expression, defaultStyle: false, tooltip: false })
            .then(() => {
              const svg = target.querySelector('svg');
              if (svg) { svg.setAttribute('aria-hidden', 'true'); svg.setAttribute('focusable', 'false'); }
              figure.classList.add('chart-drawn');
            })
            .catch((error) => { figure.classList.add('chart-failed'); figure.setAttribute('data-error', String(error)); });
        };
        Promise.all(Array.from(document.querySelectorAll('figure.chart')).map(draw))
          .then(() => document.documentElement.setAttribute('data-charts-ready', 'true'));
        """;
}
