using System.Reflection;
using Dapper;

namespace Dashboard.Data.Tests.Support;

/// <summary>
/// Hand-made warehouse rows for query tests: each row is an anonymous object whose property names are the columns
/// (<c>new { referral_id = "R1", child_key = 1, ... }</c>). Fact and child/team/worker rows get load_id 1 and (but the
/// indicator facts, which have none) row_hash 1 unless they say otherwise; dates are keys (<see cref="Day"/>).
/// </summary>
internal sealed class FactRows
{
    private readonly List<(string Table, object Row)> _rows = [];

    /// <summary>A date key, yyyymmdd.</summary>
    public static int Day(int year, int month, int day) => (year * 100 + month) * 100 + day;

    public FactRows Add(string table, object row)
    {
        _rows.Add((table, row));
        return this;
    }

    public async Task SaveAsync(IConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync();
        foreach (var (table, row) in _rows)
        {
            var values = row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, p => p.GetValue(row));
            if (table.StartsWith("fact_", StringComparison.Ordinal) || table is "dim_team" or "dim_worker" or "dim_child")
            {
                values.TryAdd("load_id", 1);
                if (!table.StartsWith("fact_indicator", StringComparison.Ordinal)) values.TryAdd("row_hash", 1);
            }
            var sql = $"INSERT INTO {table} ({string.Join(", ", values.Keys)}) VALUES ({string.Join(", ", values.Keys.Select(k => "@" + k))})";
            await connection.ExecuteAsync(sql, new DynamicParameters(values));
        }
    }
}
