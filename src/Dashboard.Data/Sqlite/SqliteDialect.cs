using System.Globalization;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Sqlite;

internal sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public (string Sql, string StagingName) CreateStagingLike(string targetTable, string stagingBaseName)
    {
        var target = SqlNames.Table(targetTable, nameof(targetTable));
        var staging = SqlNames.Plain(stagingBaseName, nameof(stagingBaseName));
        return ($"DROP TABLE IF EXISTS temp.{staging}; CREATE TEMP TABLE {staging} AS SELECT * FROM {target} WHERE 0;", staging);
    }

    public string DropStaging(string stagingName) =>
        $"DROP TABLE IF EXISTS temp.{SqlNames.Plain(stagingName, nameof(stagingName))};";

    public string NullSafeEquals(string left, string right) => $"({left} IS {right})";

    public string Limit(string selectWithoutLimit, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return $"{selectWithoutLimit.TrimEnd().TrimEnd(';')} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";
    }

    public string Page(string orderedSelect, int offset, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return $"{orderedSelect.TrimEnd().TrimEnd(';')} LIMIT {rows.ToString(CultureInfo.InvariantCulture)} " +
            $"OFFSET {offset.ToString(CultureInfo.InvariantCulture)}";
    }

    public string InsertReturningKey(string table, IReadOnlyList<string> columns, string keyColumn)
    {
        var (into, values) = InsertParts.Of(table, columns);
        return $"INSERT INTO {into} VALUES {values} RETURNING {SqlNames.Quoted(keyColumn, nameof(keyColumn))};";
    }
}
