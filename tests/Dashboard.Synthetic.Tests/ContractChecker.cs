using System.Text.Json;
using Dashboard.Core.Codes;
using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Synthetic.Tests;

/// <summary>What the checker found in one table.</summary>
public sealed class TableCheck(string table)
{
    public string Table { get; } = table;
    public long Rows { get; set; }

    /// <summary>Rows breaking at least one rule (a duplicate key counts its second and later rows).</summary>
    public long FaultyRows { get; set; }

    public SortedDictionary<string, long> ByRule { get; } = new(StringComparer.Ordinal);
    public List<string> Samples { get; } = [];

    public override string ToString() =>
        $"{Table}: {FaultyRows} of {Rows} rows faulty ({string.Join(", ", ByRule.Select(r => $"{r.Key} {r.Value}"))}); e.g. {string.Join(" | ", Samples)}";
}

/// <summary>
/// A small, independent reading of the source contract (<see cref="SsdSchema"/>): required columns filled,
/// codes in their <see cref="CodeLists"/> list, references resolving, dates parseable, dates in order, no date
/// after the extract date unless the column allows it, flags and JSON well formed, no duplicate business keys.
/// </summary>
public static class ContractChecker
{
    private static readonly HashSet<string> Flags = new(["Y", "N", "YES", "NO", "1", "0", "TRUE", "FALSE"], StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<string, TableCheck> Check(Func<SsdTable, SourceTable> read, DateOnly asOf)
    {
        var keys = new Dictionary<(string Table, string Column), HashSet<string>>();
        foreach (var reference in SsdSchema.All.SelectMany(t => t.Columns).Select(c => c.References).OfType<SsdReference>().Distinct())
        {
            var parent = read(SsdSchema.Table(reference.Table));
            var i = parent.IndexOf(reference.Column);
            keys[(reference.Table, reference.Column)] = parent.Rows.Select(r => r[i]?.Trim()).OfType<string>().Where(v => v.Length > 0)
                .ToHashSet(StringComparer.Ordinal);
        }
        return SsdSchema.All.ToDictionary(t => t.Name, t => CheckTable(read(t), keys, asOf), StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, TableCheck> Check(string path, DateOnly asOf)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var cache = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
        return Check(t => cache.TryGetValue(t.Name, out var s) ? s : cache[t.Name] = SourceTable.Read(connection, t), asOf);
    }

    private static TableCheck CheckTable(SourceTable source, Dictionary<(string, string), HashSet<string>> keys, DateOnly asOf)
    {
        var table = source.Table;
        var check = new TableCheck(table.Name) { Rows = source.Rows.Count };
        var keyColumns = table.Key.Select(source.IndexOf).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var row in source.Rows)
        {
            problems.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                CheckValue(table.Columns[i], row[i]?.Trim(), keys, asOf, problems);
                if (table.Columns[i] is { Kind: SsdKind.Code, DatedBy: { } datedBy } column && row[i]?.Trim() is { Length: > 0 } code
                    && Dates.Parse(row[source.IndexOf(datedBy)]) is { } on && CodeLists.Check(column.CodeList!, code, CollectionYear.Of(on)).OutOfYear)
                {
                    problems.Add($"code: {column.Name} {code} is not valid in {CollectionYear.Of(on)}");
                }
            }
            foreach (var order in table.DateOrders)
            {
                if (Dates.Parse(row[source.IndexOf(order.Start)]) is { } start && Dates.Parse(row[source.IndexOf(order.End)]) is { } end && end < start)
                {
                    problems.Add($"order: {order.End} before {order.Start}");
                }
            }
            if (!seen.Add(string.Join('\u001f', keyColumns.Select(k => row[k]?.Trim()))))
            {
                problems.Add("duplicate: the key is repeated");
            }
            if (problems.Count == 0) continue;
            check.FaultyRows++;
            foreach (var p in problems)
            {
                var rule = p[..p.IndexOf(':', StringComparison.Ordinal)];
                check.ByRule[rule] = check.ByRule.GetValueOrDefault(rule) + 1;
            }
            if (check.Samples.Count < 5) check.Samples.Add($"[{string.Join(", ", row)}] {string.Join("; ", problems)}");
        }
        return check;
    }

    private static void CheckValue(SsdColumn column, string? value, Dictionary<(string, string), HashSet<string>> keys, DateOnly asOf, List<string> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (column.IsRequired) problems.Add($"required: {column.Name} is empty");
            return;
        }
        if (column.References is { } reference && !keys[(reference.Table, reference.Column)].Contains(value))
        {
            problems.Add($"reference: {column.Name} {value} is not in {reference.Table}");
        }
        switch (column.Kind)
        {
            case SsdKind.Code when !CodeLists.Contains(column.CodeList!, value):
                problems.Add($"code: {column.Name} {value} is not in {column.CodeList}");
                break;
            case SsdKind.Date:
                if (Dates.Parse(value) is not { } date) problems.Add($"date: {column.Name} '{value}' is not a date");
                else if (date > asOf && !column.AllowsFuture) problems.Add($"future: {column.Name} {value} is after {asOf:yyyy-MM-dd}");
                break;
            case SsdKind.Flag when !Flags.Contains(value):
                problems.Add($"flag: {column.Name} '{value}' is not a flag");
                break;
            case SsdKind.Json when !IsFlagJson(value):
                problems.Add($"json: {column.Name} is not a JSON object of flags");
                break;
        }
    }

    private static bool IsFlagJson(string value)
    {
        try
        {
            using var json = JsonDocument.Parse(value);
            return json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is "Y" or "N" or "");
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
