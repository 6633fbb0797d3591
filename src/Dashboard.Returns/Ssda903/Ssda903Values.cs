using System.Globalization;

namespace Dashboard.Returns.Ssda903;

/// <summary>The SSDA903's own value forms, turned into the SSD contract's.</summary>
internal static class Ssda903Values
{
    /// <summary>SEX as the DfE codes gender (1 male, 2 female; 0 not known and 9 not specified, as in the CIN census)
    /// in the SSD's letters M, F, U, I (docs/code-lists.md); letters already in that form are kept; else as found.</summary>
    public static string? Sex(string? raw) => ReturnValues.Code(raw) switch
    {
        "1" => "M",
        "2" => "F",
        "0" => "U",
        "9" => "I",
        var other => other,
    };

    /// <summary>SEX back for the writer: M 1, F 2, U 0, I 9.</summary>
    public static string? SexCode(string? ssd) => ssd switch
    {
        "M" => "1",
        "F" => "2",
        "U" => "0",
        "I" => "9",
        _ => ssd,
    };

    /// <summary>
    /// OC3's ACCOM joins the type of accommodation and its suitability in one code ("D1": semi-independent,
    /// suitable; "D2": not suitable); "0" is "not known: not in touch, died or returned home", with no suitability.
    /// Gives the SSD's accommodation and Y/N suitability; a code of another shape is kept as found with no suitability.
    /// </summary>
    public static (string? Accommodation, string? Suitable) Accommodation(string? raw)
    {
        var code = ReturnValues.Code(raw);
        if (code is { Length: 2 } && char.IsAsciiLetterUpper(code[0]) && code[1] is '1' or '2')
        {
            return (code[..1], code[1] == '1' ? "Y" : "N");
        }
        return (code, null);
    }

    /// <summary>ACCOM back for the writer: the type with 1 (suitable) or 2 (not suitable); "0" stays "0".</summary>
    public static string? AccommodationCode(string? accommodation, string? suitable) =>
        accommodation is null or "0" ? accommodation : accommodation + (suitable == "Y" ? "1" : suitable == "N" ? "2" : "");

    /// <summary>dd/mm/yyyy, the SSDA903's date form, for an ISO date; other text is written as it is.</summary>
    public static string? DayFirst(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : iso;

    public static bool IsIsoDate(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
