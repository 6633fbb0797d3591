using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>Plays out one <see cref="ChildStory"/> into <see cref="SyntheticCouncil.Facts"/>.</summary>
internal sealed partial class Journey(SyntheticCouncil.Facts f, string person, ChildStory story)
{
    private static readonly string[] Agencies = ["LA", "POLICE", "HEALTH", "EDUCATION", "HOUSING"];
    private readonly Random _rnd = new(story.Seed);
    private int _n;

    private string Id(string kind) => $"{person}-{kind}{++_n}";

    private bool Chance(int percent) => _rnd.Next(100) < percent;

    /// <summary>The last day of the journey, or null when it is still open at the extract date.</summary>
    private DateOnly? Until(DateOnly from, int minDays, int maxDays)
    {
        var end = from.AddDays(_rnd.Next(minDays, maxDays));
        return story.Open || end > f.Extract ? null : end;
    }

    public void Run()
    {
        var contact = SyntheticCouncil.Start.AddDays(story.StartDay);
        if (contact > f.Extract) return;
        f.Children.Add(new Child(person, contact.AddDays(-_rnd.Next(0, 17 * 365))));
        f.Contacts.Add(new Contact(Id("con"), person, contact, Chance(85)));
        var referred = contact.AddDays(_rnd.Next(0, 4));
        if (referred > f.Extract) return;
        var referral = Id("ref");
        var team = f.Team(_rnd.Next(1000));
        var worker = Chance(70) ? f.Worker(_rnd.Next(1000)) : null;
        if (story.Nfa)
        {
            f.Referrals.Add(new Referral(referral, person, referred, true, team, worker, referred));
            return;
        }
        var end = Until(referred, 20, 1200);
        f.Referrals.Add(new Referral(referral, person, referred, false, team, worker, end));
        Allocate(referred, end);
        Assess(referral, referred, team, worker);
        Oversee(referred, end);
        switch (story.Path)
        {
            case 1: CinPlan(referred.AddDays(_rnd.Next(20, 60)), end, team, worker); break;
            case 2: Protection(referred, end, team, worker); break;
            case 3: Care(referred.AddDays(_rnd.Next(5, 60)), end); break;
        }
    }

    private void Allocate(DateOnly from, DateOnly? end)
    {
        var day = from.AddDays(_rnd.Next(0, 5));
        for (var i = 0; i < story.Workers; i++)
        {
            var last = i == story.Workers - 1;
            DateOnly? to = last ? end : day.AddDays(_rnd.Next(30, 300));
            if (to is not null && end is not null && to > end) to = end;
            f.Involvements.Add(new Involvement(Id("inv"), person, f.Worker(_rnd.Next(1000)), Chance(80) ? null : f.Team(_rnd.Next(1000)), day, to));
            if (to is null || (end is not null && to >= end)) return;
            // Sometimes a gap with nobody allocated, sometimes an overlap.
            day = to.Value.AddDays(_rnd.Next(-3, 10));
            if (day > f.Extract) return;
        }
    }

    private void Assess(string referral, DateOnly referred, string team, string? worker)
    {
        var start = referred.AddDays(_rnd.Next(0, 5));
        if (start > f.Extract) return;
        DateOnly? authorised = start.AddDays(_rnd.Next(5, 90));
        if (authorised > f.Extract) authorised = null;
        f.Assessments.Add(new Assessment(Id("asm"), person, Chance(95) ? referral : null, start, authorised, Chance(30), team, worker));
    }

    private void Oversee(DateOnly from, DateOnly? end)
    {
        var stop = end ?? f.Extract;
        for (var d = from.AddDays(_rnd.Next(0, 40)); d <= stop; d = d.AddDays(_rnd.Next(10, 60)))
        {
            f.Oversight.Add(new Oversight(Id("mo"), person, d));
        }
    }

    private void CinPlan(DateOnly start, DateOnly? end, string team, string? worker)
    {
        if (start > f.Extract || (end is not null && start > end)) return;
        f.CinPlans.Add(new CinPlan(Id("cin"), person, start, end, null, team, worker));
        for (var d = start.AddDays(_rnd.Next(0, 20)); d <= (end ?? f.Extract); d = d.AddDays(_rnd.Next(10, 40)))
        {
            f.CinVisits.Add(new CinVisit(Id("cinv"), person, d, Chance(90), Chance(50)));
        }
    }
}
