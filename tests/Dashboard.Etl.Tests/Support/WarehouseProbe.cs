using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Tests.Support;

/// <summary>Reads a SQLite warehouse back for assertions.</summary>
public sealed class WarehouseProbe(string path)
{
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    public long Count(string table, string where = "1 = 1") =>
        Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM {table} WHERE {where}"), CultureInfo.InvariantCulture);

    /// <summary>Rows as column -> value maps.</summary>
    public List<Dictionary<string, object?>> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public Dictionary<string, object?> Row(string table, string keyColumn, string key) =>
        Rows($"SELECT * FROM {table} WHERE {keyColumn} = @key", ("@key", key)).Single();

    /// <summary>Every dim_ and fact_ table, each row written out in full (load_id included), in a stable order.</summary>
    public SortedDictionary<string, List<string>> DumpStar()
    {
        using var connection = Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'dim\\_%' ESCAPE '\\' OR name LIKE 'fact\\_%' ESCAPE '\\')";
            using var reader = command.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            // The indicator tables are replaced whole by every run, so their load_id is always the latest run's:
            // their content is compared, their lineage is not.
            var skipLoadId = table.StartsWith("fact_indicator", StringComparison.Ordinal);
            while (reader.Read())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    if (skipLoadId && reader.GetName(i) == "load_id") continue;
                    values[i] = $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}";
                }
                rows.Add(string.Join("|", values));
            }
            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }
        return dump;
    }
}
