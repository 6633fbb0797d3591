using Dashboard.Core.Codes;
using Dashboard.Core.Ssd;
using Dashboard.Synthetic.Simulation;

namespace Dashboard.Synthetic.Output;

/// <summary>The data errors planted, each of which makes exactly one row fail the source contract.</summary>
internal enum FaultKind
{
    MissingRequiredDate,
    UnparseableDate,
    FutureDate,
    UnknownReference,
    UnknownCode,
    EndBeforeStart,
    DuplicateKey,
}

/// <summary>
/// Plants realistic errors in about <c>rate</c> of the rows of leaf tables: tables no other table references,
/// so one planted fault is one rejected row and nothing cascades (persons, teams, workers, referrals, s47s,
/// conferences, CP plans and CLA episodes stay clean). Each faulty row gets one fault; a duplicate key is an
/// extra copy of a row and counts that extra row. It draws from its own seeded stream, so the clean content
/// of the other rows is the same whatever the rate.
/// </summary>
internal sealed class FaultPlanter
{
    private static readonly string[] BadDates = ["31/02/2024", "not known", "2024-13-45", "00/00/0000", "TBC", "31/09/2023"];
    private static readonly string[] BadCodes = ["ZZ", "XYZ", "UNK", "99", "N/A"];

    private static readonly Dictionary<string, IdKind> ReferencedKinds = new(StringComparer.Ordinal)
    {
        ["ssd_person"] = IdKind.Person, ["ssd_department"] = IdKind.Team, ["ssd_professionals"] = IdKind.Worker,
        ["ssd_cin_episodes"] = IdKind.Referral, ["ssd_s47_enquiry"] = IdKind.S47, ["ssd_initial_cp_conference"] = IdKind.Icpc,
        ["ssd_cp_plans"] = IdKind.CpPlan, ["ssd_cla_episodes"] = IdKind.PeriodOfCare,
    };

    private readonly double _rate;
    private readonly Rng _rng;
    private readonly DateOnly _asOf;
    private readonly TablePlan?[] _plans;
    private long _unknownIds;

    public FaultPlanter(double rate, int seed, DateOnly asOf)
    {
        _rate = rate;
        _rng = Rng.For(seed, stream: 7, index: 0);
        _asOf = asOf;
        var referenced = SsdSchema.All.SelectMany(t => t.Columns).Where(c => c.References is not null)
            .Select(c => c.References!.Table).ToHashSet(StringComparer.Ordinal);
        _plans = [.. SsdSchema.All.Select(t => referenced.Contains(t.Name) ? null : new TablePlan(t))];
        Planted = new long[_plans.Length];
    }

    /// <summary>Faulty rows planted per table, by index in <see cref="SsdSchema.All"/>.</summary>
    public long[] Planted { get; }

    /// <summary>Plants faults in rows [<paramref name="from"/>, <paramref name="to"/>) of the buffer; duplicates
    /// are appended after them.</summary>
    public void Pass(RowBuffer buffer, int from, int to)
    {
        if (_rate <= 0) return;
        for (var row = from; row < to; row++)
        {
            var table = buffer.TableOf(row);
            var plan = _plans[table];
            if (plan is null || !_rng.Chance(_rate)) continue;
            Spoil(buffer, row, plan);
            Planted[table]++;
        }
    }

    private void Spoil(RowBuffer buffer, int row, TablePlan plan)
    {
        var cells = buffer.Row(row);
        switch (plan.Kinds[_rng.Int(0, plan.Kinds.Length - 1)])
        {
            case FaultKind.MissingRequiredDate:
                cells[_rng.Pick(plan.RequiredDates)] = Cell.Null;
                break;
            case FaultKind.UnparseableDate:
                cells[_rng.Pick(plan.Dates)] = Cell.OfText(_rng.Pick(BadDates));
                break;
            case FaultKind.FutureDate:
                cells[_rng.Pick(plan.PastDates)] = Cell.OfDate(_asOf.AddDays(_rng.Int(1, 90)));
                break;
            case FaultKind.UnknownReference:
                var (column, kind) = _rng.Pick(plan.References);
                cells[column] = Cell.OfId(new Id(kind, Ids.UnknownBase + ++_unknownIds));
                break;
            case FaultKind.UnknownCode:
                var (codeColumn, list) = _rng.Pick(plan.Codes);
                cells[codeColumn] = Cell.OfText(_rng.Pick(BadCodes.Where(c => !CodeLists.Contains(list, c)).ToArray()));
                break;
            case FaultKind.EndBeforeStart:
                var (start, end) = _rng.Pick(plan.Orders);
                if (cells[start].Kind == CellKind.Date)
                {
                    cells[end] = Cell.OfDate(cells[start].AsDate.AddDays(-_rng.Int(1, 60)));
                }
                else
                {
                    buffer.CopyRow(row);
                }
                break;
            default:
                buffer.CopyRow(row);
                break;
        }
    }

    private sealed class TablePlan
    {
        public TablePlan(SsdTable table)
        {
            var index = table.Columns.Select((c, i) => (c, i)).ToArray();
            RequiredDates = [.. index.Where(x => x.c.Kind == SsdKind.Date && x.c.IsRequired).Select(x => x.i)];
            Dates = [.. index.Where(x => x.c.Kind == SsdKind.Date).Select(x => x.i)];
            PastDates = [.. index.Where(x => x.c.Kind == SsdKind.Date && !x.c.AllowsFuture).Select(x => x.i)];
            References = [.. index.Where(x => x.c.References is not null).Select(x => (x.i, ReferencedKinds[x.c.References!.Table]))];
            Codes = [.. index.Where(x => x.c.Kind == SsdKind.Code).Select(x => (x.i, x.c.CodeList!))];
            Orders = [.. table.DateOrders.Select(o => (table.Columns.ToList().FindIndex(c => c.Name == o.Start),
                table.Columns.ToList().FindIndex(c => c.Name == o.End)))];

            var kinds = new List<FaultKind>();
            if (RequiredDates.Length > 0) kinds.Add(FaultKind.MissingRequiredDate);
            if (Dates.Length > 0) kinds.Add(FaultKind.UnparseableDate);
            if (PastDates.Length > 0) kinds.Add(FaultKind.FutureDate);
            if (References.Length > 0) kinds.Add(FaultKind.UnknownReference);
            if (Codes.Length > 0) kinds.Add(FaultKind.UnknownCode);
            if (Orders.Length > 0) kinds.Add(FaultKind.EndBeforeStart);
            kinds.Add(FaultKind.DuplicateKey);
            Kinds = [.. kinds];
        }

        public FaultKind[] Kinds { get; }
        public int[] RequiredDates { get; }
        public int[] Dates { get; }
        public int[] PastDates { get; }
        public (int Column, IdKind Kind)[] References { get; }
        public (int Column, string List)[] Codes { get; }
        public (int Start, int End)[] Orders { get; }
    }
}
