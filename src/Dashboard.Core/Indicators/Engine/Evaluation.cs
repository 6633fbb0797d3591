namespace Dashboard.Core.Indicators.Engine;

/// <summary>
/// One unit an indicator counted (usually one child or one event), with who was allocated on the date the
/// rule turns on. <see cref="Failure"/> is set exactly when the unit counts against the measure: in the
/// denominator but not the numerator when higher is better; in the numerator when lower is better; never
/// for a context measure. The exception list is these failures. A value type: a run makes millions of these
/// (about 8.5 million on the large council) and each is added up and dropped at once, so as objects they were the
/// engine's largest allocation and kept the collector busy (docs/performance.md).
/// </summary>
/// <param name="Series">Null for the headline; otherwise a named breakdown such as an agency.</param>
/// <param name="PersonId">The child; null where the unit is not a child (OVERSIGHT-02 counts teams and workers).</param>
/// <param name="EventId">The business key of the event or plan behind the unit, where there is one.</param>
/// <param name="Date">The date the rule turns on: the as-at date, the event's date or the due date.</param>
/// <param name="TeamId">The team allocated on <paramref name="Date"/> (or <see cref="Allocation.Unknown"/>).</param>
/// <param name="WorkerId">The worker allocated on <paramref name="Date"/>; null where the unit is a team.</param>
public readonly record struct Evaluation(
    string? Series, string? PersonId, string? EventId, DateOnly Date, string TeamId, string? WorkerId,
    bool InNumerator, bool InDenominator, ExceptionDetail? Failure = null)
{
    public bool IsFailure => Failure is not null;

    /// <summary>A unit in the denominator, allocated as <paramref name="who"/>.</summary>
    public static Evaluation Of(
        Allocated who, string personId, string? eventId, DateOnly date, bool inNumerator, ExceptionDetail? failure = null,
        string? series = null) =>
        new(series, personId, eventId, date, who.TeamId, who.WorkerId, inNumerator, true, failure);
}

/// <summary>
/// Why a unit failed, for the exception list: what was due, when, and how late. Days are working days when
/// <see cref="InWorkingDays"/> (the start day is day zero), else calendar days.
/// </summary>
/// <param name="What">What was due or what happened, in words ("CP visit with the child seen").</param>
/// <param name="DueDate">When it was due; null where nothing was due (a re-referral, an outlier).</param>
/// <param name="DaysOverdue">How late as at the rule's date (or when finally done); null where nothing was due.</param>
/// <param name="LastDone">The last time it was done (the last visit seen, the last review), where that helps.</param>
/// <param name="Note">Anything else a manager needs ("previous referral on 2025-01-06").</param>
public sealed record ExceptionDetail(
    string What, DateOnly? DueDate = null, int? DaysOverdue = null, bool InWorkingDays = false, DateOnly? LastDone = null,
    string? Note = null);
