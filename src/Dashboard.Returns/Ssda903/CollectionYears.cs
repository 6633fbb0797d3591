using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// SSDA903 collection years (1 April to 31 March), named by the year they end in as the DfE does ("2025" is 2024-25),
/// and found in file or folder names written "2025", "2024-25", "2024_25", "202425" or "2024-2025".
/// </summary>
internal static partial class CollectionYears
{
    /// <summary>The year a file belongs to (by the year it ends in) from its name, else its folder's; null when neither says.</summary>
    public static int? Of(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return Find(name) ?? Find(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ""));
    }

    /// <summary>"2024-25" for the year ending in 2025.</summary>
    public static string Label(int endYear) => $"{endYear - 1}-{endYear % 100:00}";

    public static DateOnly Start(int endYear) => new(endYear - 1, 4, 1);

    public static DateOnly End(int endYear) => new(endYear, 3, 31);

    /// <summary>The collection year holding <paramref name="date"/>.</summary>
    public static int Holding(DateOnly date) => date.Month >= 4 ? date.Year + 1 : date.Year;

    /// <summary>The name without its year, for recognising the file kind.</summary>
    public static string Strip(string name) => YearPattern().Replace(name, "");

    private static int? Find(string name)
    {
        var match = YearPattern().Match(name);
        if (!match.Success) return null;
        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["second"].Success) return first;
        var second = match.Groups["second"].Value;
        var end = second.Length == 4 ? int.Parse(second, CultureInfo.InvariantCulture) : first / 100 * 100 + int.Parse(second, CultureInfo.InvariantCulture);
        // "2024-25" ends in 2025; a pair that does not follow on ("2024-27") is read by its first year's end.
        return end == first + 1 ? end : first + 1;
    }

    [GeneratedRegex(@"(?<!\d)(?<first>(19|20)\d{2})(?:[-_ ]?(?<second>(19|20)\d{2}|\d{2}))?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
