using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Suppression;
using Dashboard.Data.App;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Councillor;

/// <summary>
/// The councillors' monthly PDF (issue 5, pack 1): a one-page plain-English summary, then a page per Ofsted theme
/// with a trend chart per indicator. Council-level aggregates only, every count from 1 to the threshold hidden
/// before any part of the document sees it. Laid out by reports/packs/councillor.yaml and reports/print.css.
/// </summary>
public static class CouncillorPack
{
    public const string PackName = "Councillors' monthly report";

    /// <summary>Chart size in CSS pixels: the column beside the figures on A4 (about 460 px), tall enough to read the
    /// months, the limits and the legend at full size.</summary>
    private static readonly ChartOptions Charts = new() { Missing = "c", Width = 460, Height = 230 };

    /// <summary>"councillor-2026-03.pdf".</summary>
    public static string FileName(Month month) => $"councillor-{month}.pdf";

    /// <summary>"councillor-2026-11-3-months.pdf" for rolling figures, so it never overwrites the month's pack.</summary>
    public static string FileName(Month month, Core.Indicators.Rolling.FigureLength length) =>
        length.IsRolling ? $"councillor-{month}-{length.Months}-months.pdf" : FileName(month);

    /// <summary>
    /// Writes the pack into <paramref name="outputFolder"/> (created if need be) and returns the file's path. An
    /// unwritable folder is a <see cref="PackOutputException"/>; nothing is left behind when the pack fails.
    /// </summary>
    public static Task<string> WritePdfAsync(PackContext context, string outputFolder, CancellationToken cancellationToken = default) =>
        PdfPack.WriteAsync(context, outputFolder, m => FileName(m, context.EffectiveLength), BuildAsync, RenderHtmlAsync, Frame, cancellationToken);

    /// <summary>The page header and footer: the suppression key on every page when counts are hidden.</summary>
    private static PageFrame Frame(CouncillorPackModel model) => new(model.CouncilName, PackName, model.PeriodName,
        model.Rule is null ? null : $"c: a count from 1 to {model.Rule.Threshold}, or one hidden to protect it (key on page 1)");

    /// <summary>Reads the definition and the stored figures (suppressed) and lays out what the document will print.</summary>
    public static async Task<CouncillorPackModel> BuildAsync(PackContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = CouncillorPackDefinition.Load(ReportsFolder.Locate(context.ReportsFolder));
        // Councillor figures are always suppressed: a council that turned suppression off (threshold 0) did so for
        // internal outputs, and this document is published.
        var rule = SuppressionRule.FromSetting(context.Settings.SuppressionThreshold) ?? SuppressionRule.Default;
        var ids = definition.Sections.SelectMany(s => s.IndicatorIds).ToList();
        var figures = await PackFigures.CouncilAsync(context, rule, ids, cancellationToken);
        var findings = await new FindingStore(context.Warehouse, context.Time).ListAsync(cancellationToken);
        var pages = definition.Sections.Select(s => new ThemePage(s, [.. s.IndicatorIds.Select(id => Panel(figures.Find(id)!, context.Settings.CouncilName))])).ToList();
        ChartPredrawing.DrawAll(pages.SelectMany(p => p.Panels).Select(p => p.Chart));
        return new CouncillorPackModel(definition, context.Settings.CouncilName, figures, MonthSummary.Of(figures.Indicators, findings), pages, rule,
            DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime));
    }

    /// <summary>The print HTML (for a look in a browser, or for printing).</summary>
    public static Task<string> RenderHtmlAsync(CouncillorPackModel model, PrintAssets assets) =>
        RazorHtml.RenderAsync<CouncillorDocument>(new Dictionary<string, object?>
        {
            [nameof(CouncillorDocument.Model)] = model,
            [nameof(CouncillorDocument.Print)] = assets,
        });

    private static IndicatorPanel Panel(IndicatorTrend trend, string councilName)
    {
        var d = trend.Definition;
        var chart = trend.Rolling ? RollingTrendChart.Build(trend, councilName, Charts)
            : trend.Spc.Points.Count == 0 ? null : SpcChart.Build(d.Title, trend.Spc, d.Unit, d.Polarity, trend.Target, trend.England, Charts, through: trend.Month);
        return new IndicatorPanel(trend, chart);
    }
}
