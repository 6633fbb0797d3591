using System.Text.RegularExpressions;
using Dashboard.Data.Tests.SqlServer.Parsing;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dashboard.Data.Tests.Support;

internal sealed record ColumnShape(string Name, bool NotNull, bool NullabilityStated)
{
    public override string ToString() => $"{Name} {(NotNull ? "NOT NULL" : "NULL")}";
}

internal sealed record TableShape(string Name, IReadOnlyList<ColumnShape> Columns);

/// <summary>
/// Reads the tables a set of scripts creates: SQLite's the authoritative way (apply them to an in-memory
/// database and ask PRAGMA table_info), T-SQL with SQL Server's own parser (ScriptDom; no SQL Server here).
/// A primary key column counts as NOT NULL on both sides (SQLite's PRAGMA reports an INTEGER PRIMARY KEY as
/// nullable although it can never hold NULL).
/// </summary>
internal static partial class SchemaReader
{
    public static IReadOnlyDictionary<string, TableShape> FromSqlite(IEnumerable<string> scripts)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var script in scripts)
        {
            using var command = connection.CreateCommand();
            command.CommandText = script;
            command.ExecuteNonQuery();
        }
        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read()) names.Add(reader.GetString(0));
        }
        var tables = new Dictionary<string, TableShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var columns = new List<ColumnShape>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, \"notnull\", pk FROM pragma_table_info(@table) ORDER BY cid";
            command.Parameters.AddWithValue("@table", name);
            using var reader = command.ExecuteReader();
            while (reader.Read()) columns.Add(new ColumnShape(reader.GetString(0), reader.GetInt64(1) == 1 || reader.GetInt64(2) > 0, true));
            tables[name] = new TableShape(name, columns);
        }
        return tables;
    }

    /// <summary>The tables T-SQL scripts create, read from SQL Server's own parser's tree (CREATE TABLE, then ALTER TABLE
    /// ... ADD in script order). A script that does not parse throws, naming the error.</summary>
    public static IReadOnlyDictionary<string, TableShape> FromTSql(IEnumerable<string> scripts)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var script in scripts)
        {
            var parsed = TSql.ParseOrThrow(script, $"script {++index}");
            foreach (var statement in parsed.Batches.SelectMany(b => b.Statements))
            {
                if (statement is CreateTableStatement create)
                {
                    var name = create.SchemaObjectName.BaseIdentifier.Value;
                    tables[name] = new TableShape(name, ColumnsOf(create.Definition));
                }
                else if (statement is AlterTableAddTableElementStatement alter)
                {
                    var name = alter.SchemaObjectName.BaseIdentifier.Value;
                    if (!tables.TryGetValue(name, out var table)) throw new FormatException($"ALTER TABLE {name} before its CREATE TABLE.");
                    tables[name] = table with { Columns = [.. table.Columns, .. ColumnsOf(alter.Definition)] };
                }
            }
        }
        return tables;
    }

    /// <summary>A column is NOT NULL when it says so, is IDENTITY, or is in the primary key (inline or table-level).</summary>
    private static List<ColumnShape> ColumnsOf(TableDefinition definition)
    {
        var primaryKey = definition.TableConstraints.OfType<UniqueConstraintDefinition>().Where(c => c.IsPrimaryKey)
            .SelectMany(c => c.Columns).Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. definition.ColumnDefinitions.Select(c =>
        {
            var nullable = c.Constraints.OfType<NullableConstraintDefinition>().FirstOrDefault();
            var key = primaryKey.Contains(c.ColumnIdentifier.Value) ||
                c.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey);
            var notNull = key || c.IdentityOptions is not null || nullable is { Nullable: false };
            return new ColumnShape(c.ColumnIdentifier.Value, notNull, key || nullable is not null);
        })];
    }

    /// <summary>Every CREATE [UNIQUE] INDEX as "UNIQUE name ON table (a, b)", normalised; same syntax in both dialects.</summary>
    public static IReadOnlySet<string> Indexes(IEnumerable<string> scripts)
    {
        var indexes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var script in scripts)
        {
            foreach (Match m in CreateIndex().Matches(StripComments(script)))
            {
                var columns = string.Join(", ", m.Groups["columns"].Value.Split(',').Select(c => Unquote(c.Trim())));
                indexes.Add($"{(m.Groups["unique"].Success ? "UNIQUE " : "")}{m.Groups["name"].Value} ON {m.Groups["table"].Value} ({columns})");
            }
        }
        return indexes;
    }

    /// <summary>Every difference between two schemas, one line each; empty when they match.</summary>
    public static IReadOnlyList<string> Differences(
        IReadOnlyDictionary<string, TableShape> sqlite, IReadOnlyDictionary<string, TableShape> sqlServer, ISet<string> ignoredTables)
    {
        var differences = new List<string>();
        foreach (var name in sqlite.Keys.Except(sqlServer.Keys, StringComparer.OrdinalIgnoreCase).Except(ignoredTables))
        {
            differences.Add($"{name}: only in the SQLite scripts");
        }
        foreach (var name in sqlServer.Keys.Except(sqlite.Keys, StringComparer.OrdinalIgnoreCase).Except(ignoredTables))
        {
            differences.Add($"{name}: only in the SQL Server scripts");
        }
        foreach (var name in sqlite.Keys.Intersect(sqlServer.Keys, StringComparer.OrdinalIgnoreCase).Except(ignoredTables).Order())
        {
            var left = sqlite[name].Columns;
            var right = sqlServer[name].Columns;
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
            {
                var l = i < left.Count ? left[i] : null;
                var r = i < right.Count ? right[i] : null;
                if (l is null || r is null || !string.Equals(l.Name, r.Name, StringComparison.OrdinalIgnoreCase) || l.NotNull != r.NotNull)
                {
                    differences.Add($"{name} column {i + 1}: SQLite has {l?.ToString() ?? "nothing"}, SQL Server has {r?.ToString() ?? "nothing"}");
                }
            }
        }
        return differences;
    }

    private static string StripComments(string sql) => BlockComment().Replace(LineComment().Replace(sql, ""), " ");

    private static string Unquote(string name) => name.Trim().Trim('[', ']', '"', '`');

    [GeneratedRegex(@"CREATE\s+(?<unique>UNIQUE\s+)?INDEX\s+(?<name>\w+)\s+ON\s+(?<table>\w+)\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();


    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}
