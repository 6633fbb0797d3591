using Dashboard.Core.Codes;
using Dashboard.Core.Ssd;
using Dashboard.Etl.Text;

namespace Dashboard.Etl.Validation;

/// <summary>The verdict on one source row.</summary>
/// <param name="Loaded">True when the row is loaded: it passed every rule, or only optional fields broke one and were repaired.</param>
/// <param name="UnknownReferences">Optional references present but unresolved (set to null, loaded as unknown).</param>
/// <param name="Rejection">For a rejected row, what goes into etl_quarantine.</param>
/// <param name="Repairs">For a loaded row with repaired fields, one etl_quarantine entry per field (null when none).</param>
public readonly record struct RowVerdict(bool Loaded, int UnknownReferences, QuarantineRecord? Rejection,
    IReadOnlyList<QuarantineRecord>? Repairs = null);

/// <summary>
/// Checks rows of one source table against the contract in <see cref="SsdSchema"/>, generically from its
/// metadata: required columns, dates (format, not in the future, in order), codes, flags, numbers, JSON,
/// references to loaded parent rows, and duplicate business keys. Rules are checked in the order of
/// <see cref="QuarantineRule"/>; a row is quarantined under the first one it breaks.
/// <para>
/// Repairs: when every broken rule is on an optional field and is about that field's own value (a date that is
/// not a date or lies after the run's date, a code not in its list for the year, a flag, number or JSON that does
/// not parse), the row is loaded with those fields empty and each keeps a 'repaired' entry with the original value.
/// An end date that cannot be read is not repaired: left empty, the case, plan or placement would read as still open,
/// which nobody recorded (an end date after the run's date is repaired: it had not ended on the run's date).
/// A broken key, person, required field, date order, required reference or duplicate key rejects the row whole,
/// and then so does any repairable fault with it (the message lists them all).
/// </para>
/// </summary>
public sealed class RowValidator
{
    private readonly SsdTable _table;
    private readonly DateOnly _asOf;
    private readonly ReferenceIndex _references;
    private readonly IReadOnlySet<string> _duplicateKeys;
    private readonly int[] _keyOrdinals;
    private readonly (int Start, int End)[] _orders;
    private readonly (int Ordinal, SsdColumn Column, TextSet? Loaded)[] _refs;
    private readonly SsdColumn[] _columns;
    private readonly (int Ordinal, int DatedBy)[] _codes;
    private readonly HashSet<string> _periodEnds;
    private readonly OutcomeMemo _outcomes = new();

    /// <param name="duplicateKeys">Business keys (as <see cref="KeyOf"/> spells them) that occur more than once
    /// in the source table; every row with one is rejected.</param>
    /// <remarks>An optional reference to a table not yet loaded (only in the involvements pre-pass that shapes
    /// dim_worker before referrals are loaded) is not checked; a required one is a load-order bug.</remarks>
    public RowValidator(SsdTable table, DateOnly asOf, ReferenceIndex references, IReadOnlySet<string> duplicateKeys)
    {
        _table = table;
        _asOf = asOf;
        _references = references;
        _duplicateKeys = duplicateKeys;
        _columns = [.. table.Columns];
        _keyOrdinals = [.. table.Key.Select(Ordinal)];
        _orders = [.. table.DateOrders.Select(o => (Ordinal(o.Start), Ordinal(o.End)))];
        _periodEnds = table.DateOrders.Select(o => o.End).ToHashSet(StringComparer.Ordinal);
        _refs = [.. _columns.Select((c, i) => (i, c)).Where(x => x.c.References is not null).Select(x => (x.i, x.c, Resolve(x.c)))];
        _codes = [.. _columns.Select((c, i) => (c, i)).Where(x => x.c.Kind == SsdKind.Code)
            .Select(x => (x.i, x.c.DatedBy is { } d ? Ordinal(d) : -1))];
    }

    private TextSet? Resolve(SsdColumn column)
    {
        var reference = column.References!;
        if (_references.IsComplete(reference.Table)) return _references.Values(reference);
        if (column.IsRequired)
        {
            throw new InvalidOperationException(
                $"{_table.Name}.{column.Name} requires {reference.Table}, which has not been loaded yet: the load order is wrong.");
        }
        return null;   // an optional reference to a table loaded later (a pre-pass): not checked
    }

    private int Ordinal(string column)
    {
        for (var i = 0; i < _table.Columns.Count; i++)
        {
            if (_table.Columns[i].Name == column) return i;
        }
        throw new ArgumentException($"Table {_table.Name} has no column {column}.", nameof(column));
    }

    public SsdTable Table => _table;

    /// <summary>The business key as text from raw values: trimmed ids, composite keys joined with '|';
    /// null when a key column is missing. Duplicate detection and the quarantine use this spelling.</summary>
    public string? KeyOf(object?[] raw)
    {
        if (_keyOrdinals.Length == 1) return ValueParsers.Id(raw[_keyOrdinals[0]]);
        var parts = new string?[_keyOrdinals.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = ValueParsers.Id(raw[_keyOrdinals[i]]);
            if (parts[i] is null) return null;
        }
        return string.Join('|', parts);
    }

    /// <summary>
    /// Validates one row. <paramref name="raw"/> holds the source values in contract column order;
    /// <paramref name="parsed"/> receives the typed values (string ids and text, DateOnly, bool, canonical
    /// code, long, double, <see cref="JsonOutcome"/>; null where missing or an optional reference did not resolve).
    /// </summary>
    public RowVerdict Validate(object?[] raw, object?[] parsed)
    {
        List<RuleBreak>? breaks = null;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var value = raw[i];
            parsed[i] = null;
            if (ValueParsers.IsMissing(value))
            {
                if (column.IsRequired) Add(ref breaks, QuarantineRule.Required, column, value, "is missing and is required", i, false);
                continue;
            }
            switch (column.Kind)
            {
                case SsdKind.Id:
                    parsed[i] = ValueParsers.Id(value);
                    break;
                case SsdKind.Text:
                    parsed[i] = ValueParsers.Text(value);
                    break;
                case SsdKind.Date:
                    if (!ValueParsers.TryDate(value, out var date))
                    {
                        Add(ref breaks, QuarantineRule.DateUnparseable, column, value,
                            "is not a date (expected yyyy-MM-dd, optionally with a time)", i, Repairable(column) && !_periodEnds.Contains(column.Name));
                    }
                    else if (date > _asOf && !column.AllowsFuture)
                    {
                        Add(ref breaks, QuarantineRule.DateFuture, column, value, $"is after the run's date {_asOf:yyyy-MM-dd}", i, Repairable(column));
                    }
                    else
                    {
                        parsed[i] = date;
                    }
                    break;
                case SsdKind.Flag:
                    if (ValueParsers.TryFlag(value, out var flag)) parsed[i] = ValueParsers.Box(flag);
                    else Add(ref breaks, QuarantineRule.FlagUnparseable, column, value, "is not a yes/no flag (Y/N, Yes/No, 1/0, true/false)", i, Repairable(column));
                    break;
                case SsdKind.Code:
                    break;   // checked below, once the date that places the row in a collection year is parsed
                case SsdKind.WholeNumber:
                    if (ValueParsers.TryWholeNumber(value, out var whole)) parsed[i] = whole;
                    else Add(ref breaks, QuarantineRule.NumberUnparseable, column, value, "is not a whole number", i, Repairable(column));
                    break;
                case SsdKind.Number:
                    if (ValueParsers.TryNumber(value, out var number)) parsed[i] = number;
                    else Add(ref breaks, QuarantineRule.NumberUnparseable, column, value, "is not a number", i, Repairable(column));
                    break;
                case SsdKind.Json:
                    if (_outcomes.TryJson(value, out var outcome)) parsed[i] = outcome;
                    else Add(ref breaks, QuarantineRule.JsonUnparseable, column, value, "is not a JSON object", i, Repairable(column));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown column kind {column.Kind}.");
            }
        }

        foreach (var (ordinal, datedBy) in _codes)
        {
            var value = raw[ordinal];
            if (ValueParsers.IsMissing(value)) continue;
            var column = _columns[ordinal];
            var year = datedBy >= 0 && parsed[datedBy] is DateOnly on ? CollectionYear.Of(on) : (CollectionYear?)null;
            var check = ValueParsers.Id(value) is { } text ? CodeLists.Check(column.CodeList!, text, year) : default;
            if (check.Accepted) parsed[ordinal] = check.Code;
            else Add(ref breaks, QuarantineRule.CodeUnknown, column, value, CodeProblem(column, check, year, datedBy), ordinal, Repairable(column));
        }

        foreach (var (start, end) in _orders)
        {
            if (parsed[start] is DateOnly from && parsed[end] is DateOnly to && to < from)
            {
                Add(ref breaks, QuarantineRule.DateOrder, _columns[end], raw[end],
                    $"is before {_columns[start].Name} {from:yyyy-MM-dd}", end, false);
            }
        }

        var unknown = 0;
        foreach (var (ordinal, column, loaded) in _refs)
        {
            if (loaded is null || parsed[ordinal] is not string id || loaded.Contains(id)) continue;
            if (column.IsRequired)
            {
                Add(ref breaks, QuarantineRule.ReferenceUnresolved, column, raw[ordinal],
                    $"does not match a loaded row of {column.References!.Table} (absent there, or quarantined itself)", ordinal, false);
            }
            else
            {
                parsed[ordinal] = null;
                unknown++;
            }
        }

        if (_duplicateKeys.Count > 0 && KeyOf(raw) is { } key && _duplicateKeys.Contains(key))
        {
            var keyColumn = _columns[_keyOrdinals[0]];
            Add(ref breaks, QuarantineRule.DuplicateKey, keyColumn, key,
                $"is a key that occurs more than once in {_table.Name}, so every copy is rejected", _keyOrdinals[0], false);
        }

        if (breaks is null) return new RowVerdict(true, unknown, null);
        if (!breaks.TrueForAll(b => b.Repairable)) return new RowVerdict(false, 0, Reject(raw, breaks));
        foreach (var b in breaks) parsed[b.Ordinal] = null;
        return new RowVerdict(true, unknown, null, Repair(raw, breaks));
    }

    /// <summary>
    /// An optional field that is not part of the key and not a reference (an unresolved optional reference is
    /// already loaded as unknown) may be emptied: the row still says who, what and when.
    /// </summary>
    private bool Repairable(SsdColumn column) =>
        !column.IsRequired && column.References is null && !_table.Key.Contains(column.Name, StringComparer.Ordinal);

    /// <summary>Names the list and, for a code of another year, the years it was valid in and the date that placed the row.</summary>
    private string CodeProblem(SsdColumn column, CodeCheck check, CollectionYear? year, int datedBy)
    {
        var list = CodeLists.Info(column.CodeList!).Title.ToLowerInvariant();
        if (!check.OutOfYear) return $"is not a code in the {list} list ({column.CodeList})";
        return $"is a code in the {list} list ({column.CodeList}) for {check.Entry!.Years} only, not in {year} "
            + $"(the year of {_columns[datedBy].Name})";
    }

    private static void Add(ref List<RuleBreak>? breaks, QuarantineRule rule, SsdColumn column, object? value, string problem,
        int ordinal, bool repairable)
    {
        breaks ??= new List<RuleBreak>(2);
        breaks.Add(new RuleBreak(rule, column.Name, RowJson.Display(value), problem, ordinal, repairable));
    }

    private List<QuarantineRecord> Repair(object?[] raw, List<RuleBreak> breaks)
    {
        var key = KeyOf(raw);
        var row = RowJson.Write(_table, raw);
        return breaks.ConvertAll(b => new QuarantineRecord(_table.Name, key, b.Field, b.Value, b.Rule,
            $"{_table.Name} row {key} was loaded with {b.Field} empty: '{Shorten(b.Value ?? "")}' {b.Problem}.",
            row, QuarantineOutcome.Repaired));
    }

    private QuarantineRecord Reject(object?[] raw, List<RuleBreak> breaks)
    {
        var first = breaks[0];
        foreach (var b in breaks)
        {
            if (b.Rule < first.Rule) first = b;
        }
        var key = KeyOf(raw);
        var others = breaks.Where(b => !ReferenceEquals(b, first)).Select(b => $"{b.Field} {b.Rule.Name()}").ToList();
        var shown = first.Value is null ? "" : $" '{Shorten(first.Value)}'";
        var also = others.Count == 0 ? "" : $" (also broken: {string.Join(", ", others)})";
        var message = $"{_table.Name} row {key ?? "(no key)"} was rejected: {first.Field}{shown} {first.Problem}{also}.";
        return new QuarantineRecord(_table.Name, key, first.Field, first.Value, first.Rule, message, RowJson.Write(_table, raw));
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
}
