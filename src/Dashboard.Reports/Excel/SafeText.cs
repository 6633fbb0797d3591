namespace Dashboard.Reports.Excel;

/// <summary>
/// Formula-injection defence for every text cell: a spreadsheet (or a CSV import of it) reads text starting with
/// = + - @ tab or carriage return as a formula or a command. Such text gets a leading apostrophe, which every
/// spreadsheet shows as ordinary text, and the writer stores it as a string cell, never a formula.
/// </summary>
public static class SafeText
{
    /// <summary>The character put in front of risky text.</summary>
    public const char NeutralisingPrefix = '\'';

    /// <summary>The text as it is safe to write: unchanged unless it starts with a character a spreadsheet would act on.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && IsRisky(text[0]) ? NeutralisingPrefix + text : text;
    }

    /// <summary>The text without characters XML 1.0 cannot carry (control characters other than tab, line feed and
    /// carriage return, lone surrogates), which would otherwise make the whole sheet unwritable.</summary>
    public static string StripUnwritable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsWritable(text)) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text, i++, 2);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    private static bool IsWritable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (!System.Xml.XmlConvert.IsXmlChar(text[i])) return false;
        }

        return true;
    }

    private static bool IsRisky(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
