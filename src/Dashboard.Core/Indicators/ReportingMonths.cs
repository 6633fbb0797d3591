using System.Globalization;

namespace Dashboard.Core.Indicators;

/// <summary>What the warehouse holds for one month at council level: the latest date its figures were counted to (the
/// month's last day once it is over, the extract date while it runs) and how many cases all indicators counted in it.</summary>
public readonly record struct StoredMonth(Month Month, DateOnly AsAt, long Denominator);

/// <summary>A month asked for that is not offered; <see cref="Exception.Message"/> says what would be.</summary>
public sealed class MonthNotOfferedException : Exception
{
    public MonthNotOfferedException(string message) : base(message) { }

    public MonthNotOfferedException() { }

    public MonthNotOfferedException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// The one rule for which months a reader offers (dashboard, packs, CLI): which months there are, which are complete,
/// which one is still running, and where reliable data starts. A month is complete when its figures were counted to its
/// last day or later (the extract was made after the month ended); the month the extract falls in is "the month so far".
/// The default month is the latest complete one: a few days of a month are never compared with whole months.
/// <para>Reliable data starts at the first of <see cref="SteadyMonths"/> complete months in a row that each count at
/// least <see cref="ReliableShare"/> of the council's usual volume (the median of the last <see cref="RecentMonths"/> complete
/// months' denominators, all indicators together): the first months of a new system or extract hold a handful of cases
/// and would show "100% (2 of 2)". A council may fix the start instead (setting <c>reportingStart</c>).</para>
/// </summary>
public sealed record ReportingMonths
{
    /// <summary>A month counts as reliable when its volume is at least half the recent usual volume.</summary>
    public const decimal ReliableShare = 0.5m;

    /// <summary>How many recent complete months set the usual volume.</summary>
    public const int RecentMonths = 12;

    /// <summary>Reliable data starts at the first of this many months in a row at the usual volume.</summary>
    public const int SteadyMonths = 3;

    private ReportingMonths(IReadOnlyList<Month> available, Month? running, DateOnly? runningTo)
    {
        Available = available;
        Running = running;
        RunningTo = runningTo;
    }

    /// <summary>The months offered, oldest first: from the reliable start to the latest month held.</summary>
    public IReadOnlyList<Month> Available { get; }

    /// <summary>The month still running at the extract, if the latest month held is one; null when every month is over.</summary>
    public Month? Running { get; }

    /// <summary>The date the running month was counted to (the extract date).</summary>
    public DateOnly? RunningTo { get; }

    public Month First => Available[0];

    public Month Latest => Available[^1];

    /// <summary>The latest month that is over; null when the only month offered is still running.</summary>
    public Month? LatestComplete => Available.Where(IsComplete).Select(m => (Month?)m).LastOrDefault();

    /// <summary>What a reader shows when no month is asked for: the latest complete month, else the running one.</summary>
    public Month Default => LatestComplete ?? Latest;

    public bool IsComplete(Month month) => month != Running;

    public bool IsRunning(Month month) => month == Running;

    /// <summary>"November 2026"; for the running month "December 2026: month so far (to 4 December)", as month lists show it.</summary>
    public string Label(Month month) =>
        IsRunning(month) ? $"{Name(month)}: month so far (to {RunningTo!.Value.ToString("d MMMM", CultureInfo.InvariantCulture)})" : Name(month);

    /// <summary>The period a figure covers, for printing beside it: "November 2026", or "month so far, to 4 December 2026".</summary>
    public string Covers(Month month) =>
        IsRunning(month) ? $"month so far, to {RunningTo!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : Name(month);

    /// <summary>"March 2026".</summary>
    public static string Name(Month month) => month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The month a reader asked for ('yyyy-MM'), or <see cref="Default"/> when none was asked for. A value that is not a
    /// month, or a month before the reliable start or after the latest, throws <see cref="MonthNotOfferedException"/>
    /// naming what is offered: another month is never shown in its place.
    /// </summary>
    public Month Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default;
        var month = TryParse(text.Trim()) ?? throw new MonthNotOfferedException(
            $"a month is written year-month, such as {Default}, from {First} to {Latest}.");
        return Resolve(month);
    }

    /// <summary>The month itself when it is offered; else <see cref="MonthNotOfferedException"/> naming the months there are.</summary>
    public Month Resolve(Month month) =>
        month < First || month > Latest
            ? throw new MonthNotOfferedException($"figures are offered from {Name(First)} ({First}) to {Name(Latest)} ({Latest}).")
            : month;

    /// <summary>The first month whose <paramref name="length"/> window lies wholly inside the months offered.</summary>
    public Month FirstWhole(Rolling.FigureLength length) => First.AddMonths(length.Months - 1);

    /// <summary>The months a figure of <paramref name="length"/> may end in: every month offered for a single month; for rolling
    /// figures the complete months from <see cref="FirstWhole"/> (a window never ends in the month so far).</summary>
    public IReadOnlyList<Month> AvailableFor(Rolling.FigureLength length) =>
        length.IsRolling ? [.. Available.Where(m => m >= FirstWhole(length) && IsComplete(m))] : Available;

    /// <summary>
    /// <paramref name="month"/> when a figure of <paramref name="length"/> may end in it; else <see cref="MonthNotOfferedException"/>
    /// saying why in one sentence (the month is still running, or too early for a whole window) and what to choose instead.
    /// </summary>
    public Month ResolveFor(Month month, Rolling.FigureLength length)
    {
        Resolve(month);
        var offered = AvailableFor(length);
        if (offered.Contains(month)) return month;
        var n = length.Months;
        if (offered.Count == 0)
        {
            throw new MonthNotOfferedException($"there are not yet {n} complete months of figures from {Name(First)}: choose 1 month.");
        }
        var why = IsRunning(month)
            ? $"a {n}-month figure ends at a complete month, and {Name(month)} is still running"
            : $"{n}-month figures start at {Name(FirstWhole(length))} ({FirstWhole(length)}), the first month with {n} months of figures";
        throw new MonthNotOfferedException($"{why}: choose a month from {offered[0]} to {offered[^1]}, or 1 month.");
    }

    /// <summary>What a reader shows at <paramref name="length"/> when no month is asked for: <see cref="Default"/>, or for rolling
    /// figures the latest month a window may end in (<see cref="MonthNotOfferedException"/> when there is none yet).</summary>
    public Month DefaultFor(Rolling.FigureLength length)
    {
        if (!length.IsRolling) return Default;
        var offered = AvailableFor(length);
        return offered.Count > 0 ? offered[^1] : ResolveFor(Default, length);
    }

    /// <summary>
    /// The months to offer from what is stored, or null when nothing is (before the first load). Months with nothing
    /// counted are left out, as are months before <paramref name="fixedStart"/> (the council's setting) or, without it,
    /// before the reliable start the data shows.
    /// </summary>
    public static ReportingMonths? From(IEnumerable<StoredMonth> stored, Month? fixedStart = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var months = stored.Where(s => s.Denominator > 0).OrderBy(s => s.Month).ToList();
        if (months.Count == 0) return null;
        var last = months[^1];
        var running = last.AsAt < last.Month.Last ? last.Month : (Month?)null;
        var start = fixedStart is { } f ? (f > last.Month ? last.Month : f) : ReliableStart(months, running);
        var available = months.Where(s => s.Month >= start).Select(s => s.Month).ToList();
        return new ReportingMonths(available, running, running is null ? null : last.AsAt);
    }

    /// <summary>The first of <see cref="SteadyMonths"/> complete months in a row that each count at least half the usual
    /// recent volume; a later dip (a data problem for one month) does not hide the years before it.</summary>
    internal static Month ReliableStart(IReadOnlyList<StoredMonth> months, Month? running)
    {
        var complete = months.Where(s => s.Month != running).ToList();
        if (complete.Count == 0) return months[0].Month;
        var recent = complete.TakeLast(RecentMonths).Select(s => s.Denominator).Order().ToList();
        var usual = recent.Count % 2 == 1 ? recent[recent.Count / 2] : (recent[(recent.Count / 2) - 1] + recent[recent.Count / 2]) / 2m;
        var threshold = usual * ReliableShare;
        var run = 0;
        for (var i = 0; i < complete.Count; i++)
        {
            run = complete[i].Denominator >= threshold ? run + 1 : 0;
            if (run == Math.Min(SteadyMonths, complete.Count)) return complete[i - run + 1].Month;
        }
        return months[0].Month;
    }

    private static Month? TryParse(string text)
    {
        if (text.Length != 7) return null;
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 1900 and <= 2100
            ? Month.Of(d)
            : null;
    }
}
