using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Engine;

namespace Dashboard.Etl.Load;

/// <summary>
/// Turns the engine's figures and exception rows into the rows the bulk writer stores (IndicatorStep's column order),
/// sharing what repeats: every row of an indicator-month has the same period text and as-at date, every row of the run
/// the same load id, and most counts are small. A shared boxed value binds exactly as a fresh one (the writer reads the
/// value), so the stored rows are the same; the step just makes about a million fewer objects on the engine's thread.
/// </summary>
internal sealed class IndicatorRows
{
    /// <summary>Counts from 0 to this (exclusive) share one boxed int each.</summary>
    private const int SharedCounts = 4_096;

    private static readonly object[] Counts = BoxCounts();
    private static readonly object NoChildKey = 0L;

    private readonly IndicatorStep.ScopeNames _names;
    private readonly IReadOnlyDictionary<string, long> _childKeys;
    private readonly object _loadId;
    private Month _month;
    private string _period = "";
    private DateOnly _asAt;
    private object? _asAtBox;

    public IndicatorRows(IndicatorStep.ScopeNames names, IReadOnlyDictionary<string, long> childKeys, long loadId)
    {
        _names = names;
        _childKeys = childKeys;
        _loadId = loadId;
    }

    public object?[] Result(IndicatorResult r) =>
    [
        r.IndicatorId, r.Series ?? "", Period(r.Month), AsAt(r.AsAt), IndicatorStep.LevelName(r.Scope.Level), r.Scope.Id, _names.Of(r.Scope),
        Count(r.Numerator), Count(r.Denominator), r.Value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null, r.NotAvailable, _loadId,
    ];

    public object?[] Exception(ExceptionRow e)
    {
        var d = e.Detail;
        var childKey = e.PersonId is not null && _childKeys.TryGetValue(e.PersonId, out var key) ? key : (object)NoChildKey;
        return
        [
            e.IndicatorId, e.Series ?? "", Period(e.Month), e.Date, e.PersonId, childKey, e.EventId, e.TeamId, e.WorkerId,
            e.ServiceAreaId, d.What, d.DueDate, d.DaysOverdue is { } days ? Count(days) : null,
            d.DaysOverdue is null ? null : d.InWorkingDays ? "working days" : "days", _loadId,
        ];
    }

    /// <summary>A count as a boxed int: shared below <see cref="SharedCounts"/>, else a new box (negative counts too).</summary>
    public static object Count(int n) => (uint)n < SharedCounts ? Counts[n] : n;

    private string Period(Month month)
    {
        if (month != _month || _period.Length == 0)
        {
            _month = month;
            _period = month.ToString();
        }
        return _period;
    }

    private object AsAt(DateOnly asAt)
    {
        if (_asAtBox is null || asAt != _asAt)
        {
            _asAt = asAt;
            _asAtBox = asAt;
        }
        return _asAtBox;
    }

    private static object[] BoxCounts()
    {
        var boxes = new object[SharedCounts];
        for (var i = 0; i < boxes.Length; i++) boxes[i] = i;
        return boxes;
    }
}
