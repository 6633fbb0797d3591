namespace Dashboard.Synthetic.Simulation;

/// <summary>Child protection and child in need plans, with their visits, reviews and meetings.</summary>
internal sealed partial class Journey
{
    /// <summary>A CP plan from its initial conference: review conferences (first due in 3 months, then every
    /// 6), visits at the team's pace, core groups; it ends at a review (then a CIN plan or closure) or when
    /// the child comes into care.</summary>
    private (Step Next, DateOnly At, string CloseReason) ChildProtectionPlan(Phase holder, Id referral, DateOnly start)
    {
        var rng = Rng;
        var plan = _pendingPlan!.Value;
        var icpc = _pendingIcpc!.Value;
        _cpPlans++;
        var initial = Mix.CpCategory.Draw(rng);
        var latest = rng.Chance(0.1) ? Mix.CpCategory.Draw(rng) : initial;
        var reviewsToEnd = Mix.CpReviewsBeforeEnd.Draw(rng);
        DateOnly? careAt = rng.Chance(0.09) && AgeAt(start) < 17 ? Calendar.OnOrNextWorkingDay(start.AddDays(rng.Int(20, 420))) : null;
        var adult = Birthday(18);

        DateOnly? end = null;
        var next = Step.Open;
        var reason = "RC7";
        var due = start.AddMonths(3);
        var previous = start;
        for (var k = 1; ; k++)
        {
            var held = Practice.CpReviewOnTime(rng)
                ? Calendar.SubtractWorkingDays(due, rng.Int(0, 8))
                : Calendar.AddWorkingDays(due, rng.Int(1, 15));
            if (held <= previous) held = Calendar.AddWorkingDays(previous, 5);
            if (careAt is { } c && c <= held && c <= AsOf)
            {
                (end, next) = (c, Step.Care);
                break;
            }
            if (adult <= held && adult <= AsOf)
            {
                (end, next) = (Max(previous, adult.AddDays(-1)), Step.Close);
                break;
            }
            if (held > AsOf)
            {
                Rows.CpReview(Person, plan, due, null, null, null, null, null);
                break;
            }
            var meeting = _ids.Next(IdKind.Meeting);
            var last = k >= reviewsToEnd;
            Rows.CpReview(Person, plan, due, held, meeting, !last, rng.Chance(0.95), Mix.Participation.Draw(rng));
            Meeting("RCPC", meeting, held);
            if (last)
            {
                end = held;
                var u = rng.Next();
                next = u < 0.55 ? Step.Cin : Step.Close;
                if (u > 0.97) reason = "RC5";
                break;
            }
            previous = held;
            due = held.AddMonths(6);
        }

        var stop = end ?? AsOf;
        var visit = Calendar.AddWorkingDays(start, rng.Int(0, 5));
        while (visit <= stop)
        {
            var day = VisitDay(visit, start);
            var seen = rng.Chance(0.94);
            if (day >= HistoryFrom) Rows.CpVisit(Person, plan, day, seen, seen && AgeAt(day) >= 3 && rng.Chance(0.65), seen && rng.Chance(0.3));
            visit = Calendar.AddWorkingDays(visit, Practice.CpVisitGap(holder.Team, rng));
        }
        for (var core = Calendar.AddWorkingDays(start, rng.Int(5, 10)); core < stop; core = Calendar.AddWorkingDays(core, rng.Int(28, 38)))
        {
            Meeting("CORE", _ids.Next(IdKind.Meeting), core);
        }

        Rows.CpPlan(plan, referral, icpc, Person, start, end, initial, false, latest);
        return end is { } e ? (next, e, reason) : (Step.Open, default, reason);
    }

    /// <summary>A CIN plan of a few months to two years, visited about every 20 working days.</summary>
    private (Step Next, DateOnly At, string CloseReason) ChildInNeedPlan(Phase holder, Id referral, DateOnly start)
    {
        var rng = Rng;
        var adult = Birthday(18);
        var endOn = Calendar.OnOrNextWorkingDay(start.AddDays(45 + (int)Math.Min(700, rng.Exponential(130))));
        if (endOn >= adult) endOn = Max(start, adult.AddDays(-1));
        DateOnly? end = endOn <= AsOf ? endOn : null;
        var stop = end ?? AsOf;
        for (var visit = Calendar.AddWorkingDays(start, rng.Int(1, 10)); visit <= stop; visit = Calendar.AddWorkingDays(visit, Practice.CinVisitGap(rng)))
        {
            var day = VisitDay(visit, start);
            var seen = rng.Chance(0.92);
            if (day >= HistoryFrom) Rows.CinVisit(Person, day, seen, seen && AgeAt(day) >= 3 && rng.Chance(0.55), seen && rng.Chance(0.2));
        }
        Rows.CinPlan(referral, Person, start, end, holder.Team.Id, holder.WorkerAt(start).Id);
        if (end is not { } e) return (Step.Open, default, "RC7");
        if (rng.Chance(0.04) && AgeAt(e) < 16) return (Step.Care, e, "RC7");
        var reason = rng.Next() switch { < 0.9 => "RC7", < 0.95 => "RC3", _ => "RC4" };
        return (Step.Close, e, reason);
    }

    /// <summary>One meeting's attendance rows: which agencies were invited, came and sent a report.</summary>
    private void Meeting(string type, Id meeting, DateOnly date)
    {
        if (date < HistoryFrom || date > AsOf) return;
        var school = SchoolAge(date);
        switch (type)
        {
            case "STRAT":
                Attend(meeting, type, date, "LA", 1, 1, 0);
                Attend(meeting, type, date, "POLICE", 1, 0.85, 0.1);
                Attend(meeting, type, date, "HEALTH", 0.95, 0.7, 0.15);
                if (school) Attend(meeting, type, date, "EDUCATION", 0.9, 0.6, 0.1);
                break;
            case "ICPC":
                Attend(meeting, type, date, "LA", 1, 1, 1);
                Attend(meeting, type, date, "POLICE", 1, 0.78, 0.65);
                Attend(meeting, type, date, "HEALTH", 1, 0.85, 0.75);
                if (school) Attend(meeting, type, date, "EDUCATION", 1, 0.82, 0.8);
                if (Rng.Chance(0.3)) Attend(meeting, type, date, "HOUSING", 1, 0.6, 0.4);
                if (Rng.Chance(0.15)) Attend(meeting, type, date, "PROBATION", 1, 0.5, 0.5);
                break;
            case "RCPC":
                Attend(meeting, type, date, "LA", 1, 1, 1);
                Attend(meeting, type, date, "POLICE", 0.8, 0.55, 0.5);
                Attend(meeting, type, date, "HEALTH", 1, 0.8, 0.7);
                if (school) Attend(meeting, type, date, "EDUCATION", 1, 0.8, 0.75);
                break;
            case "CORE":
                Attend(meeting, type, date, "LA", 1, 1, 0);
                Attend(meeting, type, date, "HEALTH", 1, 0.75, 0);
                if (school) Attend(meeting, type, date, "EDUCATION", 1, 0.8, 0);
                if (Rng.Chance(0.4)) Attend(meeting, type, date, "OTHER", 1, 0.7, 0);
                break;
            default:
                Attend(meeting, type, date, "LA", 1, 1, 1);
                Attend(meeting, type, date, "HEALTH", 0.7, 0.5, 0.6);
                if (school) Attend(meeting, type, date, "EDUCATION", 0.9, 0.7, 0.8);
                if (Rng.Chance(0.3)) Attend(meeting, type, date, "OTHER", 1, 0.6, 0.5);
                break;
        }
    }

    private void Attend(Id meeting, string type, DateOnly date, string agency, double invite, double attend, double report)
    {
        var invited = Rng.Chance(invite);
        Rows.Attendance(meeting, type, date, Person, agency, invited, invited && Rng.Chance(attend), invited && Rng.Chance(report));
    }
}
