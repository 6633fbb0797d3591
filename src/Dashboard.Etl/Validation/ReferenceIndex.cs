using Dashboard.Core.Ssd;
using Dashboard.Etl.Text;

namespace Dashboard.Etl.Validation;

/// <summary>
/// The values of every referenced column among the rows LOADED so far (for example the person ids of
/// ssd_person rows that passed validation), so a child row resolves only to a parent that was loaded:
/// a visit whose plan was quarantined is quarantined too. Only columns some reference points at are kept, each in a
/// <see cref="TextSet"/>: the large council keeps about a million ids here for the whole staging phase, and as strings
/// in hash sets each was copied twice by the garbage collector on its way to the old generation.
/// </summary>
public sealed class ReferenceIndex
{
    private readonly Dictionary<string, Dictionary<string, TextSet>> _byTable = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _completed = new(StringComparer.OrdinalIgnoreCase);

    public ReferenceIndex(IEnumerable<SsdTable> tables)
    {
        foreach (var column in tables.SelectMany(t => t.Columns))
        {
            if (column.References is not { } reference) continue;
            if (!_byTable.TryGetValue(reference.Table, out var columns))
            {
                columns = new Dictionary<string, TextSet>(StringComparer.OrdinalIgnoreCase);
                _byTable[reference.Table] = columns;
            }
            if (!columns.ContainsKey(reference.Column)) columns[reference.Column] = new TextSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The referenced columns of a table with their positions, for <see cref="Record"/>.</summary>
    public IReadOnlyList<(int Ordinal, TextSet Values)> Targets(SsdTable table)
    {
        if (!_byTable.TryGetValue(table.Name, out var columns)) return [];
        var targets = new List<(int, TextSet)>();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (columns.TryGetValue(table.Columns[i].Name, out var values)) targets.Add((i, values));
        }
        return targets;
    }

    /// <summary>Notes a loaded row's referenced values (the row holds parsed values in contract order).</summary>
    public static void Record(IReadOnlyList<(int Ordinal, TextSet Values)> targets, object?[] parsed)
    {
        foreach (var (ordinal, values) in targets)
        {
            if (parsed[ordinal] is string id) values.Add(id);
        }
    }

    /// <summary>Marks a table as fully loaded: references to it are checked from now on.</summary>
    public void Complete(string table) => _completed.Add(table);

    public bool IsComplete(string table) => _completed.Contains(table);

    /// <summary>The loaded values of a referenced column.</summary>
    public TextSet Values(SsdReference reference) =>
        _byTable.TryGetValue(reference.Table, out var columns) && columns.TryGetValue(reference.Column, out var values)
            ? values
            : throw new InvalidOperationException($"No reference index for {reference.Table}.{reference.Column}.");
}
