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
            // Chromium takes a second or more to start (several on a busy machine): it starts while the figures are read
            // and the charts drawn, on the other core, rather than after.
            var starting = PdfPrinter.StartAsync(context.ChromiumPath);
            TModel model;
            string html;
            try
            {
                model = await build(context with { Month = month }, cancellationToken);
                html = await render(model, PrintAssets.Load(ReportsFolder.Locate(context.ReportsFolder)));
            }
            catch
            {
                await StopAsync(starting);
                throw;
            }
            await using var printer = await starting;
            var pdf = await printer.PrintAsync(html, frame(model), cancellationToken);
            await file.WriteAsync(pdf, cancellationToken);
            await file.FlushAsync(cancellationToken);
        });
    }

    /// <summary>Closes a browser started for a pack that failed before printing; the build's error is the one reported,
    /// so a Chromium that could not start is not reported over it.</summary>
    private static async Task StopAsync(Task<PdfPrinter> starting)
    {
        try
        {
            await using var printer = await starting;
        }
        catch (ChromiumUnavailableException)
        {
        }
    }
}
