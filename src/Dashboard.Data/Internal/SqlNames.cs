using System.Text.RegularExpressions;

namespace Dashboard.Data.Internal;

/// <summary>
/// Table and column names that are spliced into SQL (never values). Every such name passes through
/// here first, so a name can only ever be a plain identifier: letters, digits and underscores, with an
/// optional schema prefix (temp., dbo.) or a SQL Server #temp marker.
/// </summary>
internal static partial class SqlNames
{
    [GeneratedRegex("^#{0,2}[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex TableName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();

    /// <summary>The table name unchanged, or an ArgumentException.</summary>
    public static string Table(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        return TableName().IsMatch(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a plain table name (letters, digits, underscores).", parameterName);
    }

    /// <summary>The column (or other unqualified) name unchanged, or an ArgumentException.</summary>
    public static string Plain(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        return PlainName().IsMatch(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a plain column name (letters, digits, underscores).", parameterName);
    }

    /// <summary>A validated column name in double quotes, which both SQLite and SQL Server (QUOTED_IDENTIFIER
    /// is on for every SqlClient connection) read as an identifier, so reserved words such as "rule" work.</summary>
    public static string Quoted(string column, string parameterName) => "\"" + Plain(column, parameterName) + "\"";
}
