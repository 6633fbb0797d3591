using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Data.Internal;

namespace Dashboard.Data.SqlServer;

internal sealed partial class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    /// <summary>SELECT INTO copies IDENTITY, which would make SqlBulkCopy overwrite staged keys; the UNION ALL of
    /// two empty selects is the documented way to get the columns without it.</summary>
    public (string Sql, string StagingName) CreateStagingLike(string targetTable, string stagingBaseName)
    {
        var target = SqlNames.Table(targetTable, nameof(targetTable));
        var staging = "#" + SqlNames.Plain(stagingBaseName, nameof(stagingBaseName));
        return ($"DROP TABLE IF EXISTS {staging}; SELECT * INTO {staging} FROM {target} WHERE 1 = 0 " +
            $"UNION ALL SELECT * FROM {target} WHERE 1 = 0;", staging);
    }

    public string DropStaging(string stagingName) =>
        $"DROP TABLE IF EXISTS {SqlNames.Table(stagingName, nameof(stagingName))};";

    public string NullSafeEquals(string left, string right) =>
        $"({left} = {right} OR ({left} IS NULL AND {right} IS NULL))";

    public string Limit(string selectWithoutLimit, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var match = SelectHead().Match(selectWithoutLimit);
        if (!match.Success)
        {
            throw new ArgumentException("Only a statement that starts with SELECT (or SELECT DISTINCT) can be limited.", nameof(selectWithoutLimit));
        }
        var top = $" TOP ({rows.ToString(CultureInfo.InvariantCulture)})";
        return selectWithoutLimit.Insert(match.Length, top);
    }

    public string Page(string orderedSelect, int offset, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var sql = orderedSelect.TrimEnd().TrimEnd(';');
        if (sql.LastIndexOf("ORDER BY", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw new ArgumentException("Only a statement that ends with ORDER BY can be paged.", nameof(orderedSelect));
        }
        return $"{sql} OFFSET {offset.ToString(CultureInfo.InvariantCulture)} ROWS FETCH NEXT {rows.ToString(CultureInfo.InvariantCulture)} ROWS ONLY";
    }

    public string InsertReturningKey(string table, IReadOnlyList<string> columns, string keyColumn)
    {
        var (into, values) = InsertParts.Of(table, columns);
        return $"INSERT INTO {into} OUTPUT INSERTED.{SqlNames.Quoted(keyColumn, nameof(keyColumn))} VALUES {values};";
    }

    [GeneratedRegex(@"^\s*SELECT(\s+DISTINCT)?(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex SelectHead();
}
