using System.Globalization;
using Dashboard.Data.Internal;

namespace Dashboard.Data.SqlServer;

/// <summary>Turns a value given to the bulk writer into what a SQL Server column of a given CLR type takes.</summary>
internal static class BulkValue
{
    private static readonly object One = 1;
    private static readonly object Zero = 0;

    public static object Convert(object? value, Type target)
    {
        if (value is null or DBNull) return DBNull.Value;
        if (value.GetType() == target) return value;
        if (target == typeof(string)) return ToText(value);
        if (target == typeof(DateTime)) return ToDateTime(value);
        if (target == typeof(DateTimeOffset)) return IsoText.ToTimestamp(value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : value, "value");
        if (value is bool flag)
        {
            return target == typeof(bool) ? flag : System.Convert.ChangeType(flag ? One : Zero, target, CultureInfo.InvariantCulture);
        }
        return value is IConvertible && (target.IsPrimitive || target == typeof(decimal))
            ? System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture)
            : value;
    }

    private static string ToText(object value) => value switch
    {
        DateOnly d => IsoText.Date(d),
        DateTimeOffset dto => IsoText.Timestamp(dto),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static DateTime ToDateTime(object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset dto => dto.UtcDateTime,
        string s => IsoText.ToTimestamp(s, "value").UtcDateTime,
        _ => System.Convert.ToDateTime(value, CultureInfo.InvariantCulture),
    };
}
