using System.Globalization;
using Dashboard.Reports.Excel;

namespace Dashboard.Reports.AnnexA;

/// <summary>The workbook's front sheet: council, reference date, lookback, each list's row count, and every column
/// that could not be filled with the reason.</summary>
internal static class AnnexAFrontSheet
{
    public static FrontSheet Build(AnnexASummary summary)
    {
        var window = summary.Window;
        var paragraphs = new List<string>
        {
            $"Council: {summary.CouncilName}",
            string.Create(CultureInfo.InvariantCulture, $"Reference date: {window.ReferenceDate:dd/MM/yyyy}"),
            string.Create(CultureInfo.InvariantCulture,
                $"Lookback: {window.From:dd/MM/yyyy} to {window.ReferenceDate:dd/MM/yyyy} ({AnnexAWindow.LookbackMonths} months, both dates included); counts \"in the last 12 months\" run from {window.YearFrom:dd/MM/yyyy}."),
            "Headers follow Ofsted's Annex A template (2019 update); coded values carry the template's letter prefixes (a) Yes, b) No; code lists in DfE census order).",
            "Allocated Team and Allocated Worker are the allocation open on the reference date; a blank means no allocation was open then.",
            string.Create(CultureInfo.InvariantCulture,
                $"List 8 has {AnnexAHeaders.List8.Count} of the template's 33 columns: those whose exact wording this product holds; the others are not produced."),
            "Lists 10 (adoption) and 11 (adopters) are not produced: the warehouse holds no adoption data.",
            $"Every list sheet holds child-level data and is marked {AnnexAWorkbook.Marking}: handle and share it accordingly.",
        };
        var rows = new List<(string, string)>();
        foreach (var list in summary.Lists)
        {
            rows.Add((list.SheetName, string.Create(CultureInfo.InvariantCulture, $"{list.Rows:N0} rows. {list.Holds}")));
            foreach (var column in list.Unfilled) rows.Add(($"  {list.SheetName}: not filled", $"{column.Header}. {column.Reason}"));
        }

        return new FrontSheet(AnnexAWorkbook.FrontSheetName, "Annex A: child-level lists for inspection", paragraphs,
            ("List", "What it holds, and columns that could not be filled"), rows) { Marking = AnnexAWorkbook.Marking };
    }
}
