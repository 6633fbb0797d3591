using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Support;

/// <summary>What a query returns from an imported SQLite file, one "a|b|c" line a row (NULL as empty), so a test can
/// compare rows as plain text.</summary>
public static class SqliteRows
{
    public static string[] Of(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        return [.. rows];
    }
}
