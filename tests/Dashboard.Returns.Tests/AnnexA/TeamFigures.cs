using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.AnnexA;

/// <summary>
/// Team-level figures keyed by the team's name: Annex A names teams (it carries no team ids), so the returns path's
/// team ids are the names while the SSD path's are the case system's ids; the name is what both share.
/// </summary>
internal static class TeamFigures
{
    /// <summary>Every team figure of <paramref name="ids"/> from <paramref name="fromPeriod"/> that differs between the warehouses.</summary>
    public static IReadOnlyList<string> Differences(string ssdWarehouse, string returnsWarehouse, IEnumerable<string> ids, string fromPeriod)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var ssd = Read(ssdWarehouse, wanted, fromPeriod);
        var returns = Read(returnsWarehouse, wanted, fromPeriod);
        return [.. ssd.Keys.Union(returns.Keys).Order(StringComparer.Ordinal)
            .Where(k => ssd.GetValueOrDefault(k) != returns.GetValueOrDefault(k))
            .Select(k => $"{k}: SSD {ssd.GetValueOrDefault(k) ?? "(none)"}, returns {returns.GetValueOrDefault(k) ?? "(none)"}")];
    }

    private static Dictionary<string, string> Read(string warehouse, HashSet<string> ids, string fromPeriod)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = warehouse, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.indicator_id, f.series, f.period, COALESCE(t.team_name, f.scope_id), f.numerator, f.denominator, f.not_available
            FROM fact_indicator f LEFT JOIN dim_team t ON t.team_id = f.scope_id
            WHERE f.scope_level = 'team' AND f.period >= $from
            """;
        command.Parameters.AddWithValue("$from", fromPeriod);
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!ids.Contains(reader.GetString(0))) continue;
            var key = string.Join('|', reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            figures[key] = reader.IsDBNull(6)
                ? string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(4)}/{reader.GetInt64(5)}")
                : "not available: " + reader.GetString(6);
        }
        return figures;
    }
}
