using Dashboard.Core.Indicators;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Monitoring;

/// <summary>
/// The monitoring-visit evidence pack as a PDF: page 1 with the marking, contents and a line per finding of the latest
/// Ofsted letter; a page per finding with each linked measure now and at the letter, its chart and its teams; then
/// threshold funnels, partner agencies, exception lists and the data quality statement. Exact figures: the pack is
/// OFFICIAL-SENSITIVE and names children, so the marking is on every page. The model is
/// <see cref="MonitoringPackBuilder"/>'s (the Excel twin reads the same one); this only lays it out.
/// </summary>
public static class MonitoringPack
{
    public const string PackName = "Monitoring visit evidence pack";

    /// <summary>The footer line on every page: the marking, so no page can be read without it.</summary>
    public const string FooterNote = MonitoringPackModel.ProtectiveMarking + ": names children. Share only with those who need it.";

    /// <summary>"monitoring-2026-03.pdf".</summary>
    public static string FileName(Month month) => $"monitoring-{month}.pdf";

    /// <summary>"monitoring-2026-11-3-months.pdf" for rolling figures, so it never overwrites the month's pack.</summary>
    public static string FileName(Month month, Core.Indicators.Rolling.FigureLength length) =>
        length.IsRolling ? $"monitoring-{month}-{length.Months}-months.pdf" : FileName(month);

    /// <summary>
    /// Writes the pack into <paramref name="outputFolder"/> (created if need be) and returns the file's path. An
    /// unwritable folder is a <see cref="PackOutputException"/>; nothing is left behind when the pack fails.
    /// </summary>
    public static Task<string> WritePdfAsync(PackContext context, string outputFolder, CancellationToken cancellationToken = default) =>
        PdfPack.WriteAsync(context, outputFolder, m => FileName(m, context.EffectiveLength), BuildAsync, RenderHtmlAsync,
            model => new PageFrame(model.CouncilName, PackName, model.PeriodName, FooterNote), cancellationToken);

    /// <summary>The model both the PDF and the Excel twin lay out.</summary>
    public static Task<MonitoringPackModel> BuildAsync(PackContext context, CancellationToken cancellationToken = default) =>
        MonitoringPackBuilder.BuildAsync(context, cancellationToken);

    /// <summary>The print HTML (for a look in a browser, or for printing).</summary>
    public static Task<string> RenderHtmlAsync(MonitoringPackModel model, PrintAssets assets)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(assets);
        return RazorHtml.RenderAsync<MonitoringDocument>(new Dictionary<string, object?>
        {
            [nameof(MonitoringDocument.Model)] = model,
            [nameof(MonitoringDocument.Print)] = assets,
        });
    }
}
