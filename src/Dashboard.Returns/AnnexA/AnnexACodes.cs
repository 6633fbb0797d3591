using Dashboard.Core.Codes;

namespace Dashboard.Returns.AnnexA;

/// <summary>
/// Annex A codes as councils fill them: "j) A6: Placed for adoption" (the template's form), "A6", or the label alone
/// ("a) Male" for sex M). A code the list knows in any year passes unchanged (so a retired code reaches the ETL, which
/// accepts it in the years it was valid); a label the list knows gives its code; anything else is kept as found.
/// </summary>
public static partial class AnnexACodes
{
    public static string? Read(string codeList, string? raw)
    {
        var code = ReturnValues.Code(raw);
        if (code is null || CodeLists.Contains(codeList, code)) return code;
        var label = Label(raw!);
        foreach (var (listCode, listLabel) in CodeLists.Get(codeList))
        {
            if (string.Equals(listLabel, label, StringComparison.OrdinalIgnoreCase)) return listCode;
        }
        return code;
    }

    /// <summary>"a) CODE: label", the letter counting the code's place in the list, as the template's drop-downs show.</summary>
    public static string? Write(string codeList, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var entries = CodeLists.Entries(codeList);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Code == code) return $"{Letter(i)}) {code}: {entries[i].Label}";
        }
        return code;
    }

    /// <summary>The words after the letter prefix and any code: "a) Male" and "a) M: Male" give "Male".</summary>
    private static string Label(string raw)
    {
        var text = LetterPrefix().Replace(raw.Trim(), "");
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? text[(colon + 1)..] : text).Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\(?[a-z]{1,2}\)\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LetterPrefix();

    /// <summary>a..z, then aa, ab, ...</summary>
    public static string Letter(int index) =>
        index < 26 ? ((char)('a' + index)).ToString() : Letter(index / 26 - 1) + (char)('a' + index % 26);
}
