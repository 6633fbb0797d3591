using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Reports.Excel;

namespace Dashboard.Reports.AnnexA;

/// <summary>
/// Ofsted's Annex A workbook: a front sheet, then Lists 1 to 9 as far as the warehouse allows, one sheet each,
/// with the template's headers and code labels, every list marked OFFICIAL-SENSITIVE (child-level data). Lists are
/// built one at a time and streamed to the sheet, so memory holds one list, not the workbook.
/// </summary>
public static class AnnexAWorkbook
{
    public const string Marking = "OFFICIAL-SENSITIVE";
    public const string FrontSheetName = "About this workbook";

    /// <summary>Writes the workbook to <paramref name="output"/>. The reference date defaults to the as-of date of
    /// the warehouse's last successful load.</summary>
    /// <exception cref="AnnexANoDataException">The warehouse has never loaded successfully.</exception>
    public static async Task<AnnexASummary> WriteAsync(IConnectionFactory warehouse, IndicatorSettings settings,
        DateOnly? referenceDate, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var reference = referenceDate ?? (await new LoadAuditQueries(warehouse).LastSucceededAsync(ct))?.AsOfDate
            ?? throw new AnnexANoDataException();
        var window = new AnnexAWindow(reference);

        await using var connection = await warehouse.OpenAsync(ct);
        var queries = new AnnexAQueries(connection, window, ct);
        var children = await AnnexAChildren.LoadAsync(queries, window);
        var early = new AnnexAEarlyLists(queries, children, window);
        var care = new AnnexACareLists(new AnnexACareQueries(queries), queries, children, window);
        var builders = new Func<Task<AnnexAList>>[]
        {
            early.ContactsAsync, early.EarlyHelpAsync, early.ReferralsAsync, early.AssessmentsAsync, early.Section47sAsync,
            care.ChildrenInNeedAsync, care.ChildProtectionAsync, care.ChildrenInCareAsync, care.CareLeaversAsync,
        };

        // Each list is built, streamed to its sheet and dropped before the next; the front sheet, which describes
        // them all, is written last and placed first.
        var summaries = new List<AnnexAListSummary>();
        using var workbook = WorkbookWriter.Create(output, string.Create(
            System.Globalization.CultureInfo.InvariantCulture, $"Annex A: {settings.CouncilName}, {reference:dd/MM/yyyy}"));
        foreach (var build in builders)
        {
            ct.ThrowIfCancellationRequested();
            var list = await build();
            var rows = workbook.AddSheet(new SheetDefinition(list.SheetName, list.Columns) { Marking = Marking }, list.Rows);
            summaries.Add(new AnnexAListSummary(list.Number, list.SheetName, list.Holds, rows, list.Unfilled));
        }

        var summary = new AnnexASummary(settings.CouncilName, window, summaries);
        workbook.AddFrontSheet(AnnexAFrontSheet.Build(summary), placeFirst: true);
        workbook.Complete();
        return summary;
    }
}
