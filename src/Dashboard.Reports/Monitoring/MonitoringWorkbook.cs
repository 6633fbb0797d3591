using Dashboard.Core.Indicators;
using Dashboard.Reports.Excel;
using Dashboard.Reports.Figures;

namespace Dashboard.Reports.Monitoring;

/// <summary>
/// The Excel twin of the monitoring-visit evidence pack: the tables behind the PDF and the full exception lists,
/// one sheet per section, with a definitions sheet. Laid out from the same <see cref="MonitoringPackModel"/> as the
/// PDF, so the two cannot disagree. Every sheet carries the marking OFFICIAL-SENSITIVE in its first row (the
/// Exceptions sheet names children). Values keep their kind: a percentage is a real percentage cell (82.5% is
/// stored as 0.825 with a 0.0% format, as <see cref="ColumnKind.Percent"/> writes it), counts are whole numbers,
/// averages numbers, dates real dates; every text cell is neutralised by the writer (<see cref="SafeText"/>).
/// </summary>
public static class MonitoringWorkbook
{
    /// <summary>"monitoring-2026-03.xlsx".</summary>
    public static string FileName(Month month) => $"monitoring-{month}.xlsx";

    /// <summary>"monitoring-2026-11-3-months.xlsx" for rolling figures, so it never overwrites the month's workbook.</summary>
    public static string FileName(Month month, Core.Indicators.Rolling.FigureLength length) =>
        length.IsRolling ? $"monitoring-{month}-{length.Months}-months.xlsx" : FileName(month);

    /// <summary>
    /// Writes the workbook into <paramref name="outputFolder"/> (created if need be) and returns the file's full path.
    /// An unwritable folder is a <see cref="Pdf.PackOutputException"/>; nothing is left behind when the pack fails.
    /// </summary>
    public static async Task<string> WriteAsync(PackContext context, string outputFolder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var month = await PackFigures.ResolveMonthAsync(context, ct);
        var model = await MonitoringPackBuilder.BuildAsync(context with { Month = month }, ct);
        var path = Path.Combine(Path.GetFullPath(outputFolder), FileName(month, context.EffectiveLength));
        return await PackFile.WriteAsync(path, file => WriteAsync(model, file, ct));
    }

    /// <summary>Writes the workbook for <paramref name="model"/> to <paramref name="output"/> (the caller owns the stream).</summary>
    public static Task WriteAsync(MonitoringPackModel model, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = WorkbookWriter.Create(output, model.DocumentTitle);
        workbook.AddFrontSheet(MonitoringAboutSheet.Build(model));
        foreach (var (sheet, rows) in MonitoringSheets.All(model))
        {
            ct.ThrowIfCancellationRequested();
            workbook.AddSheet(sheet, rows);
        }
        workbook.Complete();
        return Task.CompletedTask;
    }
}
