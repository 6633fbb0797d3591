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

    private static bool IsRisky(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
