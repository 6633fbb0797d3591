using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>
/// Walks a plan's (or period of care's) review due dates in order, pairing each with the review that answered
/// it: the first review held after the previous one. The next review falls due a fixed interval after the
/// review actually held (or after the missed due date, when none was held, so a plan left unreviewed keeps
/// falling due). Due dates after <c>until</c>, or after the plan or care ended, are not yet (or never) due.
/// Calendar intervals use DateOnly.AddMonths, which keeps the day of the month or takes the month's last
/// day (30 November + 3 months is 29 February in a leap year).
/// </summary>
internal static class ReviewSchedule
{
    /// <param name="Held">When the review answering this due date was held; null when none has been.</param>
    public readonly record struct DueReview(int Number, DateOnly Due, DateOnly? Held, string? ReviewId);

    /// <summary>CP review conferences: 3 months after the ICPC, then 6 months after each review.</summary>
    public static IEnumerable<DueReview> ForCpPlan(DateOnly icpcDate, DateOnly? planEnd, DatedList<CpReview> held, DateOnly until)
    {
        var anchor = icpcDate;
        var due = icpcDate.AddMonths(3);
        var j = 0;
        for (var number = 1; due <= until && (planEnd is null || planEnd.Value >= due); number++)
        {
            while (j < held.Count && held[j].Held!.Value <= anchor) j++;
            var review = j < held.Count ? held[j] : null;
            yield return new DueReview(number, due, review?.Held, review?.ReviewId);
            if (review is not null) j++;
            anchor = review?.Held ?? due;
            due = anchor.AddMonths(6);
        }
    }

    /// <summary>
    /// Looked-after reviews: 20 working days after care started (that day is day zero), then 3 months after the
    /// first review, then 6 months after each later one. A due date recorded on the review answering it wins
    /// over the rule.
    /// </summary>
    public static IEnumerable<DueReview> ForPeriodOfCare(DateOnly careStart, DateOnly? careEnd, IReadOnlyList<ClaReview> records, DateOnly until)
    {
        var anchor = careStart;
        var j = 0;
        for (var number = 1; ; number++)
        {
            // Skip records already answered: held on or before the anchor, or due before it and never held.
            while (j < records.Count && (records[j].Held is { } h ? h <= anchor : records[j].Due!.Value < anchor)) j++;
            var record = j < records.Count ? records[j] : null;
            var ruleDue = number switch
            {
                1 => WorkingDays.Add(careStart, 20),
                2 => anchor.AddMonths(3),
                _ => anchor.AddMonths(6),
            };
            var due = record?.Due ?? ruleDue;
            if (due > until || (careEnd is not null && careEnd.Value < due)) yield break;
            yield return new DueReview(number, due, record?.Held, record?.ReviewId);
            if (record is not null) j++;
            anchor = record?.Held ?? due;
        }
    }
}
