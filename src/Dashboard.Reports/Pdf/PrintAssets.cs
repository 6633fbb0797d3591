using Microsoft.AspNetCore.Components;

namespace Dashboard.Reports.Pdf;

/// <summary>
/// What every print page carries inline: the print stylesheet from reports/print.css. A print page is loaded from a
/// string with no server behind it, so nothing can be fetched; its charts arrive as inline SVG drawn by ScottPlot.
/// </summary>
public sealed class PrintAssets
{
    private PrintAssets(string stylesheet) => Stylesheet = stylesheet;

    public string Stylesheet { get; }

    /// <summary>The style element, as markup (Razor would escape the CSS otherwise).</summary>
    public MarkupString StyleElement => new($"<style>{Stylesheet.Replace("</", "<\\/", StringComparison.Ordinal)}</style>");

    /// <summary>Reads reports/print.css from <paramref name="reportsFolder"/>.</summary>
    public static PrintAssets Load(string reportsFolder) => new(ReportsFolder.ReadText(reportsFolder, ReportsFolder.PrintStylesheet));
}
