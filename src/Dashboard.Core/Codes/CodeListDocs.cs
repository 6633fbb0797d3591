using System.Text;
using Dashboard.Core.Ssd;

namespace Dashboard.Core.Codes;

/// <summary>
/// Renders docs/code-lists.md from the code list files, so the page a council reads is the lists the ETL uses.
/// Regenerate with UPDATE_DOCS=1 dotnet test tests/Dashboard.Core.Tests --filter Generated.
/// </summary>
public static class CodeListDocs
{
    public const string Path = "docs/code-lists.md";

    public static string Render()
    {
        var md = new StringBuilder();
        md.AppendLine("# Code lists");
        md.AppendLine();
        md.AppendLine("<!-- Generated from src/Dashboard.Core/Codes/lists/*.csv by CodeListDocs. Do not edit: change the CSV files and");
        md.AppendLine("     regenerate with UPDATE_DOCS=1 dotnet test tests/Dashboard.Core.Tests --filter Generated. -->");
        md.AppendLine();
        md.AppendLine("The codes the ETL accepts, list by list, with the collection years (1 April to 31 March) each code is valid in.");
        md.AppendLine("The lists are data files in `src/Dashboard.Core/Codes/lists` (`code,label,first_year,last_year`; an empty year");
        md.AppendLine("means no bound within the years covered, 2015-16 to 2025-26) and `lists.csv` names the DfE source each follows.");
        md.AppendLine();
        md.AppendLine("A coded value is checked against its list as it stood in the collection year of the row's date (the column named");
        md.AppendLine("under each list): a retired code passes for an old year and is quarantined for a later one, with a message naming");
        md.AppendLine("the list, the years the code was valid in and the year of the row. A value that is no code of the list in any year");
        md.AppendLine("is quarantined naming the list. Codes compare trimmed and case-insensitively and are stored as listed here.");
        md.AppendLine();
        foreach (var name in CodeLists.Names)
        {
            var info = CodeLists.Info(name);
            md.AppendLine($"## {info.Title} (`{name}`)");
            md.AppendLine();
            md.AppendLine($"Source: {info.Source}. {info.Notes}");
            md.AppendLine();
            var columns = SsdSchema.All.SelectMany(t => t.Columns.Where(c => c.CodeList == name).Select(c => (t, c))).ToList();
            md.AppendLine(columns.Count == 0
                ? "Checked in: no SSD column (reference for the returns' importers)."
                : "Checked in: " + string.Join("; ", columns.Select(x => $"`{x.t.Name}.{x.c.Name}`"
                    + (x.c.DatedBy is { } d ? $" (year of `{d}`)" : " (any year)"))) + ".");
            md.AppendLine();
            md.AppendLine("| Code | Label | Valid |");
            md.AppendLine("|---|---|---|");
            foreach (var e in CodeLists.Entries(name)) md.AppendLine($"| `{e.Code}` | {e.Label.Replace("|", "\\|")} | {e.Years} |");
            md.AppendLine();
        }
        return md.ToString();
    }
}
