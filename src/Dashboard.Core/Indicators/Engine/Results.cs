using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Engine;

public enum ScopeLevel
{
    Council,
    ServiceArea,
    Team,
    Worker,
}

/// <summary>Where a figure applies: the council, or one service area, team or worker (by business id).</summary>
public readonly record struct Scope(ScopeLevel Level, string Id)
{
    public const string CouncilId = "council";

    public static Scope Council { get; } = new(ScopeLevel.Council, CouncilId);

    public override string ToString() => $"{Level}:{Id}";
}

/// <summary>
/// One indicator's figure for one month and scope. <see cref="Value"/> is exact and in the indicator's unit
/// (a percentage 0 to 100, a count, an average); null when the denominator is 0, or when the indicator is
/// not available (<see cref="NotAvailable"/> says why).
/// </summary>
/// <param name="Series">Null for the headline; otherwise a named breakdown (an agency, a decision type).</param>
/// <param name="AsAt">The month's as-at date: its last day, or the extract date in the latest month.</param>
public sealed record IndicatorResult(
    string IndicatorId, string? Series, Month Month, DateOnly AsAt, Scope Scope, int Numerator, int Denominator, decimal? Value,
    string? NotAvailable = null)
{
    public bool IsAvailable => NotAvailable is null;
}

/// <summary>
/// A child-level row behind a failure: who, which team and worker (allocated on the rule's date), what was
/// due and when, and how late. Never shown to councillors.
/// </summary>
/// <param name="Date">The date the rule turned on: the as-at date, the event's date, or the due date.</param>
public sealed record ExceptionRow(
    string IndicatorId, string? Series, Month Month, DateOnly Date, string? PersonId, string? EventId, string TeamId,
    string? WorkerId, string ServiceAreaId, ExceptionDetail Detail);

/// <summary>Everything one engine run computed.</summary>
public sealed class EngineRun
{
    public EngineRun(Month from, Month to, IReadOnlyList<IndicatorResult> results, IReadOnlyList<ExceptionRow> exceptions)
    {
        From = from;
        To = to;
        Results = results;
        Exceptions = exceptions;
    }

    public Month From { get; }
    public Month To { get; }

    /// <summary>Ordered by indicator (catalogue order), month, series, scope level, scope id.</summary>
    public IReadOnlyList<IndicatorResult> Results { get; }

    /// <summary>Ordered by indicator, month, and then as the indicator produced them.</summary>
    public IReadOnlyList<ExceptionRow> Exceptions { get; }

    /// <summary>One scope's monthly series for an indicator, oldest first (months with no row are absent).</summary>
    public IReadOnlyList<IndicatorResult> SeriesFor(string indicatorId, Scope scope, string? series = null) =>
        [.. Results.Where(r => r.IndicatorId == indicatorId && r.Scope == scope && r.Series == series).OrderBy(r => r.Month)];

    public IndicatorResult? Find(string indicatorId, Month month, Scope scope, string? series = null) =>
        Results.FirstOrDefault(r => r.IndicatorId == indicatorId && r.Month == month && r.Scope == scope && r.Series == series);
}

/// <summary>Which months and indicators a run covers, and which exception rows it keeps.</summary>
public sealed record EngineOptions
{
    /// <summary>First month; null: the data's first month.</summary>
    public Month? From { get; init; }

    /// <summary>Last month; null: the month of the extract date.</summary>
    public Month? To { get; init; }

    /// <summary>Only these indicators; null: the whole catalogue.</summary>
    public IReadOnlyCollection<string>? IndicatorIds { get; init; }

    /// <summary>Which months keep their exception rows (every month by default).</summary>
    public ExceptionMonths Exceptions { get; init; } = ExceptionMonths.All;

    /// <summary>Indicator-months computed at once; null: one per processor.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

public enum ExceptionMonths
{
    All,
    /// <summary>Only the last month of the run: what a manager acts on today.</summary>
    LatestOnly,
    None,
}
