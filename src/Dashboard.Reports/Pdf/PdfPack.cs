using Dashboard.Core.Indicators;
using Dashboard.Reports.Figures;

namespace Dashboard.Reports.Pdf;

/// <summary>
/// The steps every PDF pack shares once its model and print page exist: choose the month, build, render, print
/// with Debian's Chromium, and write the file all-or-nothing (<see cref="PackFile"/>), so each pack says only what
/// it holds and how its pages are framed.
/// </summary>
internal static class PdfPack
{
    public static async Task<string> WriteAsync<TModel>(
        PackContext context, string outputFolder, Func<Month, string> fileName, Func<PackContext, CancellationToken, Task<TModel>> build,
        Func<TModel, PrintAssets, Task<string>> render, Func<TModel, PageFrame> frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var month = await PackFigures.ResolveMonthAsync(context, cancellationToken);
        var path = Path.Combine(Path.GetFullPath(outputFolder), fileName(month));
        return await PackFile.WriteAsync(path, async file =>
        {
            var model = await build(context with { Month = month }, cancellationToken);
            var html = await render(model, PrintAssets.Load(ReportsFolder.Locate(context.ReportsFolder)));
            await using var printer = await PdfPrinter.StartAsync(context.ChromiumPath);
            var pdf = await printer.PrintAsync(html, frame(model), cancellationToken);
            await file.WriteAsync(pdf, cancellationToken);
            await file.FlushAsync(cancellationToken);
        });
    }
}
