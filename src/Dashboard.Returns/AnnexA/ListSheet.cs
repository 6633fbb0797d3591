using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Returns.AnnexA;

/// <summary>
/// Finds a list's sheet by its name ("List_3", "List 3", "List 3 - Referrals", "list3") and its heading row by its
/// headings (not by position: councils add title rows, notes and extra columns), and maps each column the list
/// defines to where it is in this sheet.
/// </summary>
public static partial class ListSheet
{
    /// <summary>How many rows from the top the heading row is looked for.</summary>
    public const int HeadingSearchRows = 15;

    /// <summary>The list a sheet holds, from its name; null for any other sheet (a cover, guidance, a pivot).</summary>
    public static AnnexAList? Match(string sheetName)
    {
        var match = SheetName().Match(sheetName);
        return match.Success && int.TryParse(match.Groups[1].Value, out var n) && n is >= 1 and <= 11 ? AnnexALists.Number(n) : null;
    }

    /// <summary>"Date of referral", "DATE OF  REFERRAL", "Date_of_Referral" are one heading.</summary>
    public static string Normalise(string heading)
    {
        var text = new StringBuilder(heading.Length);
        foreach (var c in heading)
        {
            if (char.IsLetterOrDigit(c)) text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>Field to column index for the list's columns found in <paramref name="headingRow"/>; null when the row
    /// holds none of the list's required headings (it is not the heading row).</summary>
    public static Dictionary<string, int>? Columns(AnnexAList list, SheetRow headingRow)
    {
        var byHeading = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, text) in headingRow.Cells)
        {
            var key = Normalise(text);
            if (key.Length > 0) byHeading.TryAdd(key, column);
        }
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in list.Columns)
        {
            foreach (var heading in column.Aliases.Prepend(column.Heading))
            {
                if (byHeading.TryGetValue(Normalise(heading), out var index))
                {
                    found[column.Field] = index;
                    break;
                }
            }
        }
        return found.ContainsKey(AnnexALists.ChildId) ? found : null;
    }

    [GeneratedRegex(@"^\s*list[\s_\-]*(\d{1,2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SheetName();
}

/// <summary>One data row of a list, read by field (a column the sheet lacks reads as empty).</summary>
public sealed class ListRow(AnnexAList list, IReadOnlyDictionary<string, int> columns, SheetRow row)
{
    public AnnexAList List => list;

    public long Number => row.Number;

    public string? Raw(string field) => columns.TryGetValue(field, out var index) && row[index] is { } value && !string.IsNullOrWhiteSpace(value)
        ? value.Trim()
        : null;

    public string? Date(string field) => ReturnValues.Date(Raw(field));

    public string? Code(string field) => ReturnValues.Code(Raw(field));

    public string? Flag(string field) => ReturnValues.Flag(Raw(field));

    /// <summary>"List 3 Referrals, column Date of referral", for rejections.</summary>
    public string Element(string field) => $"List {list.Number} {list.Title}, column {list.Column(field).Heading}";

    /// <summary>The row's values as found, for the rejection record.</summary>
    public string Original() => string.Join(" | ", row.Cells.OrderBy(c => c.Key).Select(c => c.Value));
}
