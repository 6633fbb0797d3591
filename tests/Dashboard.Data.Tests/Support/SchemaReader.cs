using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests.Support;

internal sealed record ColumnShape(string Name, bool NotNull, bool NullabilityStated)
{
    public override string ToString() => $"{Name} {(NotNull ? "NOT NULL" : "NULL")}";
}

internal sealed record TableShape(string Name, IReadOnlyList<ColumnShape> Columns);

/// <summary>
/// Reads the tables a set of scripts creates: SQLite's the authoritative way (apply them to an in-memory
/// database and ask PRAGMA table_info), T-SQL by parsing the CREATE TABLE statements (no SQL Server here).
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

    public static IReadOnlyDictionary<string, TableShape> FromTSql(IEnumerable<string> scripts)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var script in scripts)
        {
            var text = StripComments(script);
            foreach (Match match in CreateTable().Matches(text))
            {
                var name = Unquote(match.Groups["name"].Value);
                var body = BodyFrom(text, match.Index + match.Length);
                tables[name] = new TableShape(name, ColumnsOf(body));
            }
            // A later script adds a column: ALTER TABLE t ADD [COLUMN] c ...; (both dialects; SQLite says COLUMN).
            foreach (Match match in AddColumn().Matches(text))
            {
                var name = Unquote(match.Groups["table"].Value);
                if (!tables.TryGetValue(name, out var table)) throw new FormatException($"ALTER TABLE {name} before its CREATE TABLE.");
                tables[name] = table with { Columns = [.. table.Columns, .. ColumnsOf(match.Groups["column"].Value)] };
            }
        }
        return tables;
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

    private static List<ColumnShape> ColumnsOf(string body)
    {
        var columns = new List<ColumnShape>();
        var primaryKey = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in SplitTopLevel(body).Select(i => i.Trim()).Where(i => i.Length > 0))
        {
            var first = item.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
            if (first is "CONSTRAINT" or "PRIMARY" or "UNIQUE" or "FOREIGN" or "CHECK" or "INDEX")
            {
                var pk = TablePrimaryKey().Match(item);
                if (pk.Success) primaryKey.UnionWith(pk.Groups["columns"].Value.Split(',').Select(c => Unquote(c.Trim())));
                continue;
            }
            var parts = item.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            var name = Unquote(parts[0]);
            var rest = parts.Length > 1 ? parts[1] : "";
            for (var previous = ""; previous != rest;)
            {
                previous = rest;
                rest = Parenthesised().Replace(rest, " "); // CHECK (...), NVARCHAR(64): never read NULL inside them
            }
            rest = rest.ToUpperInvariant();
            var notNull = rest.Contains("NOT NULL", StringComparison.Ordinal) || rest.Contains("PRIMARY KEY", StringComparison.Ordinal) ||
                rest.Contains("IDENTITY", StringComparison.Ordinal);
            var stated = rest.Contains("NULL", StringComparison.Ordinal) || rest.Contains("PRIMARY KEY", StringComparison.Ordinal);
            columns.Add(new ColumnShape(name, notNull, stated));
        }
        return [.. columns.Select(c => primaryKey.Contains(c.Name) ? c with { NotNull = true, NullabilityStated = true } : c)];
    }

    /// <summary>The text between the opening parenthesis (already consumed) and its matching close.</summary>
    private static string BodyFrom(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0) return text[start..i];
        }
        throw new FormatException("A CREATE TABLE has no closing parenthesis.");
    }

    private static IEnumerable<string> SplitTopLevel(string body)
    {
        var depth = 0;
        var start = 0;
        var inString = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\'') inString = !inString;
            if (inString) continue;
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0)
            {
                yield return body[start..i];
                start = i + 1;
            }
        }
        yield return body[start..];
    }

    private static string StripComments(string sql) => BlockComment().Replace(LineComment().Replace(sql, ""), " ");

    private static string Unquote(string name) => name.Trim().Trim('[', ']', '"', '`');

    [GeneratedRegex(@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>[\w\[\]"".]+)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"ALTER\s+TABLE\s+(?<table>[\w\[\]"".]+)\s+ADD\s+(?:COLUMN\s+)?(?<column>[^;]+);", RegexOptions.IgnoreCase)]
    private static partial Regex AddColumn();

    [GeneratedRegex(@"CREATE\s+(?<unique>UNIQUE\s+)?INDEX\s+(?<name>\w+)\s+ON\s+(?<table>\w+)\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"PRIMARY\s+KEY\s*(?:CLUSTERED|NONCLUSTERED)?\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex TablePrimaryKey();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}
