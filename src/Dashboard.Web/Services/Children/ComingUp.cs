using Dashboard.Data.Children;

namespace Dashboard.Web.Services.Children;

/// <summary>
/// Splits a child's events at the extract date: what happened (history) and what is due after it (coming up). A review
/// due after the extract is stored as "due, not held" like a missed one, but it has not been missed yet: shown in the
/// history it would read as a failure that has not happened. A due date on or before the extract that was not held stays
/// in the history, because by then it was missed.
/// </summary>
public static class ComingUp
{
    private const string NotHeld = ", not held";

    public static (IReadOnlyList<ChildEvent> History, IReadOnlyList<ChildEvent> ComingUp) Split(IReadOnlyList<ChildEvent> events, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(events);
        return ([.. events.Where(e => e.Date <= asAt)], [.. events.Where(e => e.Date > asAt)]);
    }

    /// <summary>"Child protection review due" for a future "Child protection review due, not held": not held yet is no news.</summary>
    public static string Describe(ChildEvent future)
    {
        ArgumentNullException.ThrowIfNull(future);
        return future.Summary.EndsWith(NotHeld, StringComparison.Ordinal) ? future.Summary[..^NotHeld.Length] : future.Summary;
    }
}
