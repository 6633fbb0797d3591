using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>Child protection and care in a generated journey.</summary>
internal sealed partial class Journey
{
    private void Protection(DateOnly referred, DateOnly? end, string team, string? worker)
    {
        var s47Start = referred.AddDays(_rnd.Next(0, 10));
        if (s47Start > f.Extract) return;
        var s47 = Id("s47");
        DateOnly? s47End = s47Start.AddDays(_rnd.Next(3, 25));
        if (s47End > f.Extract) s47End = null;
        var conference = Chance(75);
        f.S47s.Add(new S47Enquiry(s47, person, s47Start, s47End, null, !conference, conference ? true : Chance(10), team, worker));
        var strat = Id("strat");
        f.Discussions.Add(new StrategyDiscussion(strat, person, s47Start, s47, Chance(85), Chance(75), Chance(60)));
        Invite(strat, "STRAT", s47Start);
        if (!conference) return;
        var icpcDate = s47Start.AddDays(_rnd.Next(5, 30));
        if (icpcDate > f.Extract) return;
        var icpc = Id("icpc");
        var plan = Id("cpp");
        f.Icpcs.Add(new Icpc(icpc, person, icpcDate, Chance(95) ? s47 : null, plan, Chance(8), true, team, worker, icpc));
        Invite(icpc, "ICPC", icpcDate);
        var planEnd = end is null ? Until(icpcDate, 30, 900) : (DateOnly?)Min(end.Value, icpcDate.AddDays(_rnd.Next(30, 900)));
        f.CpPlans.Add(new CpPlan(plan, person, icpcDate, planEnd, icpc));
        var stop = planEnd ?? f.Extract;
        for (var d = icpcDate.AddDays(_rnd.Next(0, 15)); d <= stop; d = d.AddDays(_rnd.Next(3, 20)))
        {
            f.CpVisits.Add(new CpVisit(Id("cpv"), plan, person, d, Chance(92), Chance(60)));
        }
        var review = icpcDate.AddMonths(3).AddDays(_rnd.Next(-10, 20));
        for (; review <= stop; review = review.AddMonths(6).AddDays(_rnd.Next(-10, 25)))
        {
            if (Chance(90))
            {
                var rcpc = Id("cpr");
                f.CpReviews.Add(new CpReview(rcpc, plan, person, null, review));
                Invite(rcpc, "RCPC", review);
            }
        }
    }

    private void Care(DateOnly start, DateOnly? end)
    {
        if (start > f.Extract || (end is not null && start > end)) return;
        var cla = Id("cla");
        f.Episodes.Add(new ClaEpisode(Id("epi"), cla, person, start, end));
        var stop = end ?? f.Extract;
        var placed = start;
        for (var p = 0; p < 1 + _rnd.Next(4) && placed <= stop; p++)
        {
            DateOnly? to = placed.AddDays(_rnd.Next(20, 500));
            if (to >= stop) to = end;
            f.Placements.Add(new Placement(Id("plc"), cla, person, placed, to, Chance(30) ? "U4" : "U6"));
            if (to is null) break;
            placed = to.Value;
        }
        for (var d = start.AddDays(_rnd.Next(0, 10)); d <= stop; d = d.AddDays(_rnd.Next(10, 60)))
        {
            f.ClaVisits.Add(new ClaVisit(Id("clav"), cla, person, d, Chance(93), Chance(60)));
        }
        var review = start.AddDays(_rnd.Next(20, 35));
        for (var k = 0; review <= stop; k++)
        {
            DateOnly? due = Chance(40) ? review.AddDays(_rnd.Next(-5, 5)) : null;
            f.ClaReviews.Add(new ClaReview(Id("clar"), cla, person, due, Chance(90) ? review : null, Chance(3)));
            review = review.AddMonths(k == 0 ? 3 : 6).AddDays(_rnd.Next(-10, 20));
        }
        if (end is not null && Chance(50))
        {
            string[] inTouch = ["YES", "YES", "YES", "NO", "REFU"];
            f.CareLeavers.Add(new CareLeaver(person, "RELEVANT", inTouch[_rnd.Next(inTouch.Length)], end, "U", Chance(85) ? true : Chance(50) ? false : null,
                null, Chance(80) ? f.Extract.AddDays(-_rnd.Next(0, 300)) : null, f.Team(_rnd.Next(1000)), f.Worker(_rnd.Next(1000))));
        }
    }

    private void Invite(string meeting, string type, DateOnly on)
    {
        foreach (var agency in Agencies)
        {
            if (!Chance(80)) continue;
            var attended = Chance(75);
            f.Meetings.Add(new MeetingAttendance(Id("att"), meeting, type, on, person, agency, true, attended, attended && Chance(70)));
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
