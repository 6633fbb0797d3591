namespace Dashboard.Core.Indicators.Model;

/// <summary>The derived lookups of <see cref="CaseData"/> that take more than a sort.</summary>
public sealed partial class CaseData
{
    private static DatedList<PeriodOfCare> BuildPeriodsOfCare(IEnumerable<ClaEpisode> episodes)
    {
        var periods = episodes.GroupBy(e => e.ClaId, StringComparer.Ordinal).Select(g =>
        {
            var first = g.MinBy(e => e.Start)!;
            var start = g.Min(e => e.EnteredCare ?? e.Start);
            // Open while any episode is open; otherwise it ended on the last episode's ceased date.
            DateOnly? end = g.Any(e => e.Ceased is null) ? null : g.Max(e => e.Ceased);
            return new PeriodOfCare(g.Key, first.PersonId, start, end);
        });
        return new DatedList<PeriodOfCare>(periods, p => p.Start, p => p.ClaId);
    }

    private ChildSpells[] BuildOpenCases(CaseFacts facts, DatedList<PeriodOfCare> periods)
    {
        var spells = new Dictionary<string, List<Spell>>(StringComparer.Ordinal);
        void Add(string person, DateOnly start, DateOnly? end)
        {
            if (end is not null && end < start) return;
            if (!spells.TryGetValue(person, out var list)) spells[person] = list = [];
            list.Add(new Spell(start, end));
        }

        // An NFA referral never became a case, so it opens nothing.
        foreach (var r in facts.Referrals) if (r.IsNfa != true) Add(r.PersonId, r.Date, r.CloseDate);
        foreach (var p in facts.CinPlans) Add(p.PersonId, p.Start, p.End);
        foreach (var p in facts.CpPlans) Add(p.PersonId, p.Start, p.End);
        foreach (var p in periods.All) Add(p.PersonId, p.Start, p.End);
        return [.. spells.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ChildSpells(s.Key, s.Value, Allocation.InvolvementsOf(s.Key), OversightByChild.For(s.Key)))];
    }

    private static DateOnly? EarliestFrontDoorDate(CaseFacts facts)
    {
        DateOnly? earliest = null;
        foreach (var r in facts.Referrals) if (earliest is null || r.Date < earliest) earliest = r.Date;
        foreach (var c in facts.Contacts) if (earliest is null || c.Date < earliest) earliest = c.Date;
        if (earliest is not null) return earliest;
        // A source with no front door at all (SSDA903 imported alone) starts where its care or protection records do.
        foreach (var e in facts.ClaEpisodes) if (earliest is null || e.Start < earliest) earliest = e.Start;
        foreach (var p in facts.CpPlans) if (earliest is null || p.Start < earliest) earliest = p.Start;
        return earliest;
    }

    /// <summary>The latest date in the rows, used as the extract date when none was given.</summary>
    private static DateOnly LatestDate(CaseFacts facts)
    {
        var latest = DateOnly.MinValue;
        void See(DateOnly? d)
        {
            if (d is { } v && v > latest) latest = v;
        }
        foreach (var x in facts.Contacts) See(x.Date);
        foreach (var x in facts.Referrals) { See(x.Date); See(x.CloseDate); }
        foreach (var x in facts.Assessments) { See(x.Start); See(x.AuthorisedOn); }
        foreach (var x in facts.CinPlans) { See(x.Start); See(x.End); }
        foreach (var x in facts.CinVisits) See(x.Date);
        foreach (var x in facts.S47Enquiries) { See(x.Start); See(x.End); }
        foreach (var x in facts.Icpcs) See(x.Date);
        foreach (var x in facts.CpPlans) { See(x.Start); See(x.End); }
        foreach (var x in facts.CpVisits) See(x.Date);
        foreach (var x in facts.CpReviews) See(x.Held);
        foreach (var x in facts.ClaEpisodes) { See(x.Start); See(x.Ceased); }
        foreach (var x in facts.ClaVisits) See(x.Date);
        foreach (var x in facts.ClaReviews) See(x.Held);
        foreach (var x in facts.Oversight) See(x.Date);
        foreach (var x in facts.Involvements) See(x.Start);
        return latest == DateOnly.MinValue ? new DateOnly(2000, 1, 1) : latest;
    }
}
