using Dashboard.Core.Ssd;
using Dashboard.Etl.Load;
using Dashboard.Etl.Validation;

namespace Dashboard.Etl.Facts;

/// <summary>One source table mapped to its fact: each target column and how it is computed from a validated row.</summary>
public sealed class FactMap
{
    private readonly Func<object?[], object?>[] _values;

    public FactMap(SsdTable source, string target, IReadOnlyList<(string Column, Func<object?[], object?> Value)> columns)
    {
        Source = source;
        Target = new TargetTable(target, [columns[0].Column], [.. columns.Select(c => c.Column)]);
        _values = [.. columns.Select(c => c.Value)];
    }

    public SsdTable Source { get; }

    /// <summary>The fact; its business key is its first column (the source's id).</summary>
    public TargetTable Target { get; }

    /// <summary>
    /// The staged row for a validated source row (typed values in contract order), its content columns only: load_id
    /// and row_hash are left for <see cref="TargetTable.Finish"/>, which the load calls on its writing thread (the row no
    /// longer needs the source row, so the hashing can move off the validating thread, the staging phase's bottleneck).
    /// </summary>
    public object?[] MapContent(object?[] parsed)
    {
        var row = Target.NewRow();
        for (var i = 0; i < _values.Length; i++) row[i] = _values[i](parsed);
        return row;
    }
}

/// <summary>Builds the column functions of one table's fact map, resolving column positions once.</summary>
public sealed class FactColumns(SsdTable table, LoadContext context)
{
    private static readonly object Zero = 0L;
    private static readonly object One = 1L;

    private int Ordinal(string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Name == column) return i;
        }
        throw new ArgumentException($"Table {table.Name} has no column {column}.", nameof(column));
    }

    /// <summary>An id, text or canonical code, as is.</summary>
    public Func<object?[], object?> Value(string column)
    {
        var i = Ordinal(column);
        return p => p[i];
    }

    /// <summary>A date as a date key yyyymmdd, or null.</summary>
    public Func<object?[], object?> DateKey(string column)
    {
        var i = Ordinal(column);
        return p => p[i] is DateOnly d ? (object)ToDateKey(d) : null;
    }

    public static long ToDateKey(DateOnly d) => (d.Year * 10000L) + (d.Month * 100L) + d.Day;

    /// <summary>A flag as 1/0, or null when the source did not say.</summary>
    public Func<object?[], object?> Flag(string column)
    {
        var i = Ordinal(column);
        return p => p[i] is bool b ? (b ? One : Zero) : null;
    }

    /// <summary>A member of an outcome JSON object read as a flag (1/0), or null.</summary>
    public Func<object?[], object?> JsonFlag(string column, string member)
    {
        var i = Ordinal(column);
        return p => p[i] is JsonOutcome o && o.Flag(member) is { } b ? (b ? One : Zero) : null;
    }

    /// <summary>The outcome JSON as the source wrote it.</summary>
    public Func<object?[], object?> JsonText(string column)
    {
        var i = Ordinal(column);
        return p => (p[i] as JsonOutcome)?.Text;
    }

    /// <summary>The child_key of a person (0 if unknown).</summary>
    public Func<object?[], object?> Child(string column)
    {
        var i = Ordinal(column);
        return p => p[i] is string id && context.ChildKeys.TryGetValue(id, out var key) ? key : Zero;
    }

    /// <summary>The child_key of a period of care's child, by cla_id (0 if unknown).</summary>
    public Func<object?[], object?> ClaChild(string column)
    {
        var i = Ordinal(column);
        return p => p[i] is string id && context.ClaChildren.TryGetValue(id, out var care) ? care.ChildKey : Zero;
    }

    /// <summary>The team_key of a team (0 if absent or unresolved).</summary>
    public Func<object?[], object?> Team(string column)
    {
        var i = Ordinal(column);
        return p => p[i] is string id && context.TeamKeys.TryGetValue(id, out var key) ? key : Zero;
    }

    /// <summary>The worker_key of the worker's spell at the event date (the current spell when no date column is given).</summary>
    public Func<object?[], object?> Worker(string column, string? eventDate)
    {
        var i = Ordinal(column);
        var d = eventDate is null ? -1 : Ordinal(eventDate);
        return p => p[i] is string id && context.Workers.At(id, d >= 0 ? p[d] as DateOnly? : null) is { } spell
            ? spell.WorkerKey
            : Zero;
    }

    /// <summary>The agency_key of an agency code (0 if unknown).</summary>
    public Func<object?[], object?> Agency(string column)
    {
        var i = Ordinal(column);
        return p => p[i] is string code && context.AgencyKeys.TryGetValue(code, out var key) ? key : Zero;
    }
}
