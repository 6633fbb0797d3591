using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Returns;

/// <summary>
/// Turns the values returns carry, as councils' tools write them, into the SSD contract's forms. What cannot be read is
/// given back as found (never guessed, never dropped), so the ETL quarantines the row naming the field.
/// </summary>
public static partial class ReturnValues
{
    private static readonly string[] DayFirst = ["dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy"];
    private static readonly string[] Iso = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fff"];

    /// <summary>Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: serial 60 and later are one day late.</summary>
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>
    /// A date as ISO yyyy-MM-dd from ISO text (with or without a time), UK day-first text (SSDA903's dd/mm/yyyy) or an
    /// Excel serial number (Annex A cells); null for blank; the trimmed text itself when it is none of those.
    /// </summary>
    public static string? Date(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        if (DateTime.TryParseExact(text, Iso, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var iso)
            || DateTime.TryParseExact(text, DayFirst, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out iso))
        {
            return DateOnly.FromDateTime(iso).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return ExcelEpoch.AddDays((int)Math.Floor(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return text;
    }

    /// <summary>
    /// A code without what tools attach to it: Annex A's letter prefix and label ("j) A6: Placed for adoption" gives A6),
    /// a label after a dash or colon ("N1 - Abuse or neglect" gives N1); codes are upper-cased. Null for blank.
    /// </summary>
    public static string? Code(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = LetterPrefix().Replace(raw.Trim(), "");
        var cut = text.IndexOfAny([':', '\u2013', '\u2014']);
        if (cut < 0)
        {
            var dash = text.IndexOf(" - ", StringComparison.Ordinal);
            cut = dash;
        }
        if (cut > 0) text = text[..cut];
        return text.Trim().ToUpperInvariant();
    }

    /// <summary>A flag as Y or N from Y/N, Yes/No, 1/0, true/false (any case, Annex A's "a) Yes" too); else the text as found.</summary>
    public static string? Flag(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = LetterPrefix().Replace(raw.Trim(), "").Trim();
        return text.ToUpperInvariant() switch
        {
            "Y" or "YES" or "1" or "TRUE" => "Y",
            "N" or "NO" or "0" or "FALSE" => "N",
            _ => text,
        };
    }

    /// <summary>"a) ", "j) ", "(b) " at the start of an Annex A value.</summary>
    [GeneratedRegex(@"^\(?[a-z]{1,2}\)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LetterPrefix();
}
