using System.Data.Common;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Data.Indicators;

/// <summary>One statutory return a load was made from, with the SSD tables it filled and how completely.</summary>
/// <param name="NotSupported">Indicators the return cannot support although it fills their tables, with why.</param>
public sealed record LoadedReturn(string Name, string Files, string Period, long Records, long Rejected, IReadOnlyList<LoadedReturnTable> Tables)
{
    public IReadOnlyDictionary<string, string> NotSupported { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the return fills <paramref name="table"/> (completely or with latest records).</summary>
    public bool Fills(string table) => Tables.Any(t => string.Equals(t.Table, table, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One SSD table a return filled: coverage "complete" or "latest only".</summary>
public sealed record LoadedReturnTable(string Table, string Coverage, string? Note);

/// <summary>
/// What a load records about the statutory returns its source was made from (etl_load_return and
/// etl_load_return_table), and what that means for the engine: a source no return filled is absent "from these
/// sources" (with which returns lacked it), and one filled only with each child's latest record can be measured for the
/// latest month only. A load from an SSD extract records no returns.
/// </summary>
public static class ReturnSources
{
    private const string ReturnsSql = "SELECT return_name, files, period, records, rejected, not_supported FROM etl_load_return WHERE load_id = @load_id ORDER BY return_name";

    private const string TablesSql = "SELECT return_name, source_table, coverage, note FROM etl_load_return_table WHERE load_id = @load_id ORDER BY return_name, source_table";

    /// <summary>The returns load <paramref name="loadId"/> was made from, in a stable order; empty for an SSD extract.</summary>
    public static async Task<IReadOnlyList<LoadedReturn>> ReadAsync(DbConnection connection, DbTransaction? transaction, long loadId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<(string Return, LoadedReturnTable Table)>();
        await using (var command = Command(connection, transaction, TablesSql, loadId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add((reader.GetString(0), new LoadedReturnTable(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))));
            }
        }
        var returns = new List<LoadedReturn>();
        await using (var command = Command(connection, transaction, ReturnsSql, loadId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(0);
                returns.Add(new LoadedReturn(name, reader.GetString(1), reader.GetString(2), Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture), [.. tables.Where(t => t.Return == name).Select(t => t.Table)])
                {
                    NotSupported = reader.IsDBNull(5) ? new Dictionary<string, string>()
                        : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? new Dictionary<string, string>(),
                });
            }
        }
        return [.. returns.OrderBy(r => Order(r.Name))];
    }

    /// <summary>
    /// The engine's availability for a load: <paramref name="present"/> as the load's table warnings give it, refined by
    /// the returns (why each missing source is missing; which sources hold only the latest record).
    /// </summary>
    public static DataAvailability Availability(IEnumerable<DataSource> present, IReadOnlyList<LoadedReturn> returns, IReadOnlyDictionary<DataSource, string> sourceTables)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(sourceTables);
        var presentSet = present.ToHashSet();
        if (returns.Count == 0) return new DataAvailability(presentSet);
        var names = JoinNames(returns.Select(r => r.Name));
        var verb = returns.Count == 1 ? "carries" : "carry";
        var absent = new Dictionary<DataSource, string>();
        var latestOnly = new Dictionary<DataSource, string>();
        foreach (var (source, table) in sourceTables)
        {
            var filling = returns.Where(r => r.Tables.Any(t => string.Equals(t.Table, table, StringComparison.OrdinalIgnoreCase))).ToList();
            if (!presentSet.Contains(source))
            {
                absent[source] = $"{names} {verb} no {SourceNames.Describe(source)}";
                continue;
            }
            var complete = filling.Where(r => r.Tables.Any(t => string.Equals(t.Table, table, StringComparison.OrdinalIgnoreCase) && t.Coverage == "complete")).ToList();
            if (filling.Count > 0 && complete.Count == 0)
            {
                var holders = JoinNames(filling.Select(r => r.Name));
                latestOnly[source] = $"{holders} {(filling.Count == 1 ? "holds" : "hold")} only each child's latest record of {SourceNames.Describe(source)}";
            }
        }
        return new DataAvailability(presentSet, absent, latestOnly).WithIndicatorsAbsent(IndicatorsNotSupported(returns, sourceTables));
    }

    /// <summary>
    /// Indicators a return says it cannot support although it fills tables they read: not available, unless another
    /// return fills every table they read and supports them.
    /// </summary>
    public static Dictionary<string, string> IndicatorsNotSupported(IReadOnlyList<LoadedReturn> returns) => IndicatorsNotSupported(returns, CaseFactsReader.SourceTables);

    private static Dictionary<string, string> IndicatorsNotSupported(IReadOnlyList<LoadedReturn> returns, IReadOnlyDictionary<DataSource, string> sourceTables)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in returns.SelectMany(r => r.NotSupported.Keys).Distinct(StringComparer.Ordinal))
        {
            var definition = Core.Indicators.Catalogue.IndicatorCatalogue.All.FirstOrDefault(i => i.Definition.Id == id)?.Definition;
            if (definition is null) continue;
            var tables = definition.Sources.Select(s => sourceTables[s]).ToList();
            var declaring = returns.Where(r => r.NotSupported.ContainsKey(id) && tables.Any(r.Fills)).ToList();
            // A return that fills every table the indicator reads and does not name it carries what the rule needs (the
            // CIN census's referrals for re-referrals, whatever Annex A lacks); otherwise the figure would be built partly
            // from rows the declaring return says are not enough, so it is not shown.
            var supporter = returns.Any(r => !r.NotSupported.ContainsKey(id) && tables.All(r.Fills));
            if (declaring.Count > 0 && !supporter)
            {
                result[id] = string.Join("; ", declaring.Select(r => r.NotSupported[id]));
            }
        }
        return result;
    }

    /// <summary>"the CIN census, SSDA903 and Annex A".</summary>
    public static string JoinNames(IEnumerable<string> names)
    {
        var list = names.OrderBy(Order).Select(n => n == "CIN census" ? "the CIN census" : n).ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    /// <summary>The order a council names them in, which is also the order they are imported in.</summary>
    private static int Order(string name) => name switch { "CIN census" => 0, "SSDA903" => 1, "Annex A" => 2, _ => 3 };

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, long loadId)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL; the only value (the load id) is a parameter
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        var p = command.CreateParameter();
        p.ParameterName = "@load_id";
        p.Value = loadId;
        command.Parameters.Add(p);
        return command;
    }
}
