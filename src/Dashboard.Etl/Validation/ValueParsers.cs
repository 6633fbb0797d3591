using System.Globalization;

namespace Dashboard.Etl.Validation;

/// <summary>
/// Turns raw source values (what a DbDataReader returns: string, long, double, bool, DateTime...) into
/// the typed values the warehouse stores. Every parser returns false instead of throwing, so a bad value
/// costs no exception. The accepted formats are listed in docs/etl.md.
/// </summary>
public static class ValueParsers
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>A boxed bool without allocating.</summary>
    public static object Box(bool value) => value ? BoxedTrue : BoxedFalse;

    /// <summary>True when the value is missing: null, DBNull, or text that is empty or only spaces.</summary>
    public static bool IsMissing(object? raw) =>
        raw is null or DBNull || (raw is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>An identifier as trimmed text (ids are nvarchar in SSD; a number or GUID is written out).</summary>
    public static string? Id(object? raw) => raw switch
    {
        null or DBNull => null,
        string s => EmptyToNull(s.Trim(' ')),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        IFormattable f => EmptyToNull(f.ToString(null, CultureInfo.InvariantCulture).Trim(' ')),
        _ => EmptyToNull(raw.ToString()?.Trim(' ')),
    };

    /// <summary>Free text, unchanged except that empty or blank text is null.</summary>
    public static string? Text(object? raw) => raw switch
    {
        null or DBNull => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s,
        _ => Id(raw),
    };

    private static string? EmptyToNull(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>
    /// A date: ISO text 'yyyy-MM-dd', 'yyyy-MM-dd HH:mm:ss' or 'yyyy-MM-ddTHH:mm:ss' with an optional
    /// fraction of 1 to 7 digits; or a DateTime, DateTimeOffset or DateOnly from SQL Server. A time of day
    /// is dropped: the warehouse works in days. Anything else fails.
    /// </summary>
    public static bool TryDate(object? raw, out DateOnly date)
    {
        switch (raw)
        {
            case string s:
                return TryIsoDate(s.AsSpan().Trim(' '), out date);
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case DateTimeOffset dto:
                date = DateOnly.FromDateTime(dto.DateTime);
                return true;
            case DateOnly d:
                date = d;
                return true;
            default:
                date = default;
                return false;
        }
    }

    /// <summary>Parses the ISO forms without allocating; see <see cref="TryDate"/>.</summary>
    public static bool TryIsoDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-') return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }
        if (s.Length > 10 && !IsValidTime(s[10..])) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    // " HH:mm:ss" or "THH:mm:ss", then optionally "." and 1..7 digits.
    private static bool IsValidTime(ReadOnlySpan<char> t)
    {
        if (t.Length < 9 || (t[0] != ' ' && t[0] != 'T') || t[3] != ':' || t[6] != ':') return false;
        if (!TryDigits(t.Slice(1, 2), out var hour) || !TryDigits(t.Slice(4, 2), out var minute) || !TryDigits(t.Slice(7, 2), out var second))
        {
            return false;
        }
        if (hour > 23 || minute > 59 || second > 59) return false;
        if (t.Length == 9) return true;
        var fraction = t[9..];
        return fraction.Length is >= 2 and <= 8 && fraction[0] == '.' && TryDigits(fraction[1..], out _);
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            value = (value * 10) + (c - '0');
        }
        return s.Length > 0;
    }

    /// <summary>A yes/no flag: 'Y'/'N', 'Yes'/'No', '1'/'0', 'true'/'false' in any case; a SQL Server bit
    /// or an integer 1/0.</summary>
    public static bool TryFlag(object? raw, out bool flag)
    {
        switch (raw)
        {
            case bool b:
                flag = b;
                return true;
            case string s:
                return TryFlagText(s.AsSpan().Trim(' '), out flag);
            case long or int or short or byte or sbyte or decimal:
                var n = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                flag = n == 1;
                return n is 0 or 1;
            case double d:
                flag = d == 1;
                return d is 0 or 1;
            default:
                flag = false;
                return false;
        }
    }

    internal static bool TryFlagText(ReadOnlySpan<char> s, out bool flag)
    {
        flag = false;
        if (s.Equals("Y", StringComparison.OrdinalIgnoreCase) || s.Equals("Yes", StringComparison.OrdinalIgnoreCase)
            || s.Equals("1", StringComparison.Ordinal) || s.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            flag = true;
            return true;
        }
        return s.Equals("N", StringComparison.OrdinalIgnoreCase) || s.Equals("No", StringComparison.OrdinalIgnoreCase)
            || s.Equals("0", StringComparison.Ordinal) || s.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A whole number: an integer value, an integral decimal or double, or text such as '12' or '12.0'.</summary>
    public static bool TryWholeNumber(object? raw, out long value)
    {
        switch (raw)
        {
            case long l:
                value = l;
                return true;
            case int or short or byte or sbyte:
                value = Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                return true;
            case decimal m when m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue:
                value = (long)m;
                return true;
            case double d when double.IsFinite(d) && d == Math.Truncate(d) && Math.Abs(d) < 9e15:
                value = (long)d;
                return true;
            case float f when float.IsFinite(f) && f == MathF.Truncate(f) && Math.Abs(f) < 9e15:
                value = (long)f;
                return true;
            case string s:
                var span = s.AsSpan().Trim(' ');
                if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
                if (decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dm)
                    && dm == decimal.Truncate(dm) && dm >= long.MinValue && dm <= long.MaxValue)
                {
                    value = (long)dm;
                    return true;
                }
                return false;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>A decimal number: any finite numeric value, or invariant text such as '0.5' or '-3e2'.</summary>
    public static bool TryNumber(object? raw, out double value)
    {
        switch (raw)
        {
            case double d:
                value = d;
                return double.IsFinite(d);
            case long or int or short or byte or sbyte or float or decimal:
                value = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                return double.IsFinite(value);
            case string s:
                return double.TryParse(s.AsSpan().Trim(' '), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                    && double.IsFinite(value);
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>
    /// An outcome JSON column: it must be a JSON object. Its top-level members whose values read as flags
    /// (a flag string, true/false, 1/0) are kept so facts can read them (NEW_REFERRAL_FLAG...).
    /// </summary>
    public static bool TryJson(object? raw, out JsonOutcome? outcome)
    {
        outcome = null;
        return raw is string text && JsonOutcome.TryParse(text, out outcome);
    }
}
