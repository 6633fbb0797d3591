using System.Globalization;
using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Synthetic.Tests;

/// <summary>One source table read back from a generated database as text, as the ETL would see it.</summary>
public sealed class SourceTable
{
    private readonly Dictionary<string, int> _index;

    private SourceTable(SsdTable table, List<string?[]> rows)
    {
        Table = table;
        Rows = rows;
        _index = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }

    public SsdTable Table { get; }

    public IReadOnlyList<string?[]> Rows { get; }

    public int IndexOf(string column) => _index[column];

    public string? Get(string?[] row, string column) => row[_index[column]];

    public DateOnly? Date(string?[] row, string column) => Dates.Parse(row[_index[column]]);

    public static SourceTable Read(SqliteConnection connection, SsdTable table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))} FROM \"{table.Name}\" ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return new SourceTable(table, rows);
    }
}

/// <summary>Dates as SSD extracts write them: 'YYYY-MM-DD' or 'YYYY-MM-DD 00:00:00'.</summary>
public static class Dates
{
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTime.TryParseExact(t, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return DateOnly.FromDateTime(dateTime);
        }
        return null;
    }

    public static bool IsParseable(string text) => Parse(text) is not null;
}
