using Dashboard.Core.Codes;

namespace Dashboard.Reports.AnnexA;

/// <summary>
/// Values as the template's code lists write them: a letter prefix, then the label ("a) Male", "b) No"), because
/// the Excel tools councils paste Annex A into sort and filter on those prefixes. Yes/no answers are a) Yes, b) No;
/// a code list's letters follow the order of that list in <see cref="CodeLists"/> (the DfE census / SSDA903 order),
/// so the same code always carries the same letter.
/// </summary>
public static class AnnexALabels
{
    private static readonly Dictionary<string, Dictionary<string, string>> Prefixed = CodeLists.Names
        .ToDictionary(n => n, n => Letter(CodeLists.Get(n)), StringComparer.Ordinal);

    public static string YesNo(bool value) => value ? "a) Yes" : "b) No";

    public static string? YesNo(long? flag) => flag is { } f ? YesNo(f != 0) : null;

    /// <summary>The prefixed label of a code; an unlisted code is shown as it came (never dropped); null stays null.</summary>
    public static string? Code(string list, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        return Prefixed[list].TryGetValue(code.Trim(), out var label) ? label : code.Trim();
    }

    /// <summary>The template's gender from the SSD sex code (a) Male, b) Female, c) Unknown, d) Indeterminate).</summary>
    public static string? Gender(string? sexCode) => Code(CodeLists.Sex, sexCode);

    private static Dictionary<string, string> Letter(IReadOnlyDictionary<string, string> list) =>
        list.Select((pair, i) => (pair.Key, Label: $"{(char)('a' + i)}) {pair.Value}"))
            .ToDictionary(p => p.Key, p => p.Label, StringComparer.OrdinalIgnoreCase);
}
