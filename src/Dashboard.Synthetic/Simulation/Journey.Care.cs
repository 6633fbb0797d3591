namespace Dashboard.Synthetic.Simulation;

/// <summary>Children in care: the period of care, its legal statuses, placements, episodes, reviews and visits.</summary>
internal sealed partial class Journey
{
    private enum CareExit { ReturnHome, SpecialGuardianship, ChildArrangements, Adoption, Remand, Adult }

    /// <summary>How a period of care will run: legal statuses in order, when and how it ends (the end may lie
    /// after the extract date: the child is then still looked after).</summary>
    private sealed record CarePlan(CareExit Exit, DateOnly ExitAt, List<(string Code, DateOnly Start)> Legal, DateOnly? AdoptionPlacement);

    private static readonly DateOnly SupportedAccommodationFrom = new(2024, 4, 1);

    private readonly record struct Place(Id Id, DateOnly Start, string Type, DateOnly? End, string? ChangeReason);

    private CarePlan DrawCarePlan(DateOnly entry, bool emergency)
    {
        var rng = Rng;
        var age = AgeAt(entry);
        var legal = new List<(string, DateOnly)>();
        var start = entry;
        if (emergency)
        {
            legal.Add((rng.Chance(0.6) ? "L1" : "L2", entry));
            start = entry.AddDays(rng.Int(1, 8));
        }
        CareExit exit;
        DateOnly exitAt;
        DateOnly? adoption = null;
        if (!emergency && age >= 14 && rng.Chance(0.05))
        {
            legal.Add(("J1", start));
            (exit, exitAt) = (CareExit.Remand, start.AddDays(rng.Int(20, 90)));
        }
        else if (!emergency && (age >= 16 || (age >= 5 && rng.Chance(0.35))))
        {
            legal.Add(("V2", start));
            if (rng.Chance(age >= 16 ? 0.4 : 0.75))
            {
                (exit, exitAt) = (CareExit.ReturnHome, start.AddDays(14 + (int)rng.Exponential(150)));
            }
            else
            {
                (exit, exitAt) = (CareExit.Adult, Birthday(18));
                var interim = start.AddDays(rng.Int(90, 200));
                legal.Add(("C1", interim));
                legal.Add(("C2", interim.AddDays(rng.Int(120, 300))));
            }
        }
        else
        {
            legal.Add(("C1", start));
            var full = start.AddDays(rng.Int(120, 300));
            var u = rng.Next();
            if (age < 5 && u < 0.4)
            {
                var order = start.AddDays(rng.Int(300, 540));
                legal.Add(("E1", order));
                adoption = Calendar.OnOrNextWorkingDay(order.AddDays(rng.Int(30, 150)));
                (exit, exitAt) = (CareExit.Adoption, adoption.Value.AddDays(rng.Int(180, 365)));
            }
            else
            {
                legal.Add(("C2", full));
                (exit, exitAt) = rng.Next() switch
                {
                    < 0.30 => (CareExit.ReturnHome, full.AddDays((int)rng.Exponential(250))),
                    < 0.52 => (CareExit.SpecialGuardianship, start.AddDays(270 + (int)rng.Exponential(250))),
                    < 0.57 => (CareExit.ChildArrangements, start.AddDays(200 + (int)rng.Exponential(200))),
                    _ => (CareExit.Adult, Birthday(18)),
                };
            }
        }
        return Finish(exit, exitAt, legal, adoption);
    }

    /// <summary>A child in care since before the window (entered 2 to 10 years before it): mostly staying
    /// until 18, some leaving on a special guardianship order or going home.</summary>
    private CarePlan DrawLegacyCarePlan(DateOnly entry)
    {
        var rng = Rng;
        var legal = new List<(string, DateOnly)> { ("C1", entry), ("C2", entry.AddDays(rng.Int(120, 300))) };
        var (exit, exitAt) = rng.Next() switch
        {
            < 0.70 => (CareExit.Adult, Birthday(18)),
            < 0.85 => (CareExit.SpecialGuardianship, Calendar.WindowStart.AddDays((int)rng.Exponential(500))),
            < 0.95 => (CareExit.ReturnHome, Calendar.WindowStart.AddDays((int)rng.Exponential(500))),
            _ => (CareExit.ChildArrangements, Calendar.WindowStart.AddDays((int)rng.Exponential(500))),
        };
        return Finish(exit, exitAt, legal, null);
    }

    private CarePlan Finish(CareExit exit, DateOnly exitAt, List<(string Code, DateOnly Start)> legal, DateOnly? adoption)
    {
        var adult = Birthday(18);
        if (exitAt >= adult) (exit, exitAt) = (CareExit.Adult, adult);
        else exitAt = Calendar.OnOrNextWorkingDay(exitAt);
        legal.RemoveAll(l => l.Start >= exitAt);
        if (adoption >= exitAt) adoption = null;
        return new CarePlan(exit, exitAt, legal, adoption);
    }

    /// <summary>Writes the period of care; returns how the case goes on (closed at the end of care or open).</summary>
    private (Step Next, DateOnly At, string CloseReason) Care(Phase holder, Id referral, DateOnly entry, CarePlan plan)
    {
        var rng = Rng;
        var periodOfCare = _ids.Next(IdKind.PeriodOfCare);
        var closed = plan.ExitAt <= AsOf;
        DateOnly? left = closed ? plan.ExitAt : null;
        var stop = left ?? AsOf;
        var need = rng.Chance(0.65) ? "N1" : Mix.Need.Draw(rng);

        var places = Placements(periodOfCare, entry, plan, closed, legacy: HistoryFrom > entry);
        var reviews = Reviews(holder.Team, periodOfCare, entry, stop, closed);
        Visits(holder.Team, periodOfCare, places, stop);

        var legal = plan.Legal.Where(l => l.Start <= stop).ToList();
        for (var i = 0; i < legal.Count; i++)
        {
            DateOnly? end = i + 1 < legal.Count ? legal[i + 1].Start : left;
            Rows.LegalStatus(Person, legal[i].Code, legal[i].Start, end);
        }

        var points = legal.Select(l => l.Start).Concat(places.Select(p => p.Start)).Where(d => d <= stop).Distinct().Order().ToList();
        var exitCode = ExitCode(plan.Exit);
        for (var i = 0; i < points.Count; i++)
        {
            var t = points[i];
            var legalChange = legal.Exists(l => l.Start == t);
            var placeChange = places.Exists(p => p.Start == t);
            // SSDA903 reasons for a new episode: B and P move the child to a new carer; after a placement that ended
            // with PLACE (a change in the status of the placement only) the carer stays, which is U and T.
            var before = places.FindLastIndex(p => p.Start < t);
            var sameCarer = placeChange && before >= 0 && places[before].ChangeReason == "PLACE";
            var reason = i == 0 ? "S" : !placeChange ? "L" : legalChange ? (sameCarer ? "U" : "B") : sameCarer ? "T" : "P";
            DateOnly? ceased = i + 1 < points.Count ? points[i + 1] : left;
            var ceasedReason = i + 1 < points.Count ? "X1" : closed ? exitCode : null;
            var placement = places.Last(p => p.Start <= t).Id;
            var until = ceased ?? AsOf;
            DateOnly? iro = null;
            foreach (var r in reviews)
            {
                if (r >= t && r <= until) iro = r;
            }
            Rows.ClaEpisode(Person, t, reason, need, ceased, ceasedReason, periodOfCare, referral, placement, entry, iro);
        }

        CareLeaverStage(holder, entry, left);
        if (!closed) return (Step.Open, default, "RC7");
        var closeReason = plan.Exit switch
        {
            CareExit.Adoption => "RC1",
            CareExit.SpecialGuardianship => "RC4",
            CareExit.ChildArrangements => "RC3",
            CareExit.Adult => rng.Chance(0.1) ? "RC6" : "RC7",
            _ => "RC7",
        };
        return (Step.Close, plan.ExitAt, closeReason);
    }

    private string ExitCode(CareExit exit) => exit switch
    {
        CareExit.ReturnHome => Rng.Chance(0.7) ? "E4A" : "E13",
        CareExit.SpecialGuardianship => Rng.Pick(["E45", "E46", "E47", "E48"]),
        CareExit.ChildArrangements => "E41",
        CareExit.Adoption => Rng.Chance(0.6) ? "E11" : "E12",
        CareExit.Remand => "E14",
        _ => Rng.Next() switch { < 0.25 => "E17", < 0.6 => "E5", _ => "E8" },
    };

    /// <summary>Placements from entry: a settled child moves about every year and a half, one in five
    /// (recent entrants only) every few months; adoption ends in an adoptive placement.</summary>
    private List<Place> Placements(Id periodOfCare, DateOnly entry, CarePlan plan, bool closed, bool legacy)
    {
        var rng = Rng;
        var places = new List<Place>();
        var start = entry;
        while (true)
        {
            var type = plan.AdoptionPlacement is { } ap && start >= ap ? "A5" : PlacementType(plan.Exit, AgeAt(start), start);
            var stay = _unstablePlacements && !legacy ? 20 + rng.Exponential(90) : 60 + rng.Exponential(600);
            var change = Calendar.OnOrNextWorkingDay(start.AddDays((int)stay));
            if (plan.AdoptionPlacement is { } adoption && adoption > start && change > adoption) change = adoption;
            var id = _ids.Next(IdKind.Placement);
            if (change >= plan.ExitAt || change > AsOf)
            {
                places.Add(new Place(id, start, type, closed ? plan.ExitAt : null, null));
                break;
            }
            places.Add(new Place(id, start, type, change, Mix.PlacementChange.Draw(rng)));
            start = change;
        }
        foreach (var p in places)
        {
            var (provider, urn, distance) = p.Type switch
            {
                "K2" or "R1" or "S1" or "R5" or "H5" or "K3" => (rng.Chance(0.7) ? "PR4" : "PR1", $"SC{rng.Int(100000, 999999)}", 5 + rng.Exponential(30)),
                "P1" => ("PR0", "XXXXXXX", rng.Next() * 5),
                "A5" => (rng.Chance(0.7) ? "PR1" : "PR5", "XXXXXXX", 2 + rng.Exponential(25)),
                _ => (rng.Chance(0.6) ? "PR1" : "PR4", "XXXXXXX", 0.5 + rng.Exponential(12)),
            };
            var postcode = rng.Pick(Mix.Postcodes);
            Rows.Placement(p.Id, periodOfCare, Person, p.Start, p.Type, urn, Math.Round(distance, 1), provider, postcode, p.End, p.ChangeReason);
        }
        return places;
    }

    /// <summary>The SSDA903 placement type; semi-independent living is H5 until 2023-24 and registered supported
    /// accommodation (K3) from 2024-25, as the code lists in Core/Codes/lists say.</summary>
    private string PlacementType(CareExit exit, int age, DateOnly start)
    {
        if (exit == CareExit.Remand) return Rng.Chance(0.3) ? "R5" : "K2";
        var u = Rng.Next();
        if (age >= 16) return u switch { < 0.25 => "U6", < 0.40 => "U4", < 0.55 => "K2", < 0.9 => start >= SupportedAccommodationFrom ? "K3" : "H5", _ => "P2" };
        if (age >= 12) return u switch { < 0.40 => "U6", < 0.60 => "U4", < 0.68 => "U3", < 0.90 => "K2", < 0.93 => "S1", < 0.95 => "R1", _ => "Z1" };
        if (age == 0 && u < 0.05) return "R3";
        return u switch { < 0.50 => "U6", < 0.70 => "U4", < 0.85 => "U3", < 0.95 => "U1", < 0.98 => "P1", _ => "K2" };
    }

    /// <summary>Reviews: the first due 20 working days after entry, the second 3 months after the first, then
    /// every 6 months; the due date is recorded. Returns the dates held.</summary>
    private List<DateOnly> Reviews(Team team, Id periodOfCare, DateOnly entry, DateOnly stop, bool closed)
    {
        var rng = Rng;
        var held = new List<DateOnly>();
        var due = Calendar.AddWorkingDays(entry, 20);
        var previous = entry;
        while (true)
        {
            if (closed && due >= stop) break;
            var onTime = _practice.ClaReviewOnTime(team, due, rng);
            var date = onTime ? Calendar.SubtractWorkingDays(due, rng.Int(0, 5)) : Calendar.AddWorkingDays(due, rng.Int(1, 20));
            if (date <= previous) date = Calendar.AddWorkingDays(previous, 1);
            if (date > AsOf)
            {
                if (!closed && due >= HistoryFrom) Rows.ClaReview(periodOfCare, due, null, false, null);
                break;
            }
            if (closed && date >= stop) break;
            if (due >= HistoryFrom)
            {
                if (rng.Chance(0.03)) Rows.ClaReview(periodOfCare, due, null, true, null);
                var meeting = _ids.Next(IdKind.Meeting);
                Rows.ClaReview(periodOfCare, due, date, false, Mix.Participation.Draw(rng));
                Meeting("CLAR", meeting, date);
            }
            held.Add(date);
            due = held.Count == 1 ? date.AddMonths(3) : date.AddMonths(6);
            previous = date;
        }
        return held;
    }

    /// <summary>Regulation 28 visits: within a week of each placement starting, then about every six weeks
    /// (up to three months once a permanent placement has lasted a year).</summary>
    private void Visits(Team team, Id periodOfCare, List<Place> places, DateOnly stop)
    {
        var rng = Rng;
        foreach (var p in places)
        {
            var until = p.End is { } end && end < stop ? end.AddDays(-1) : stop;
            var permanent = p.Type is "U1" or "U4" or "A5";
            var visit = Calendar.AddWorkingDays(p.Start, _practice.ClaFirstVisit(team, p.Start, rng));
            while (visit <= until)
            {
                if (visit >= HistoryFrom)
                {
                    var day = VisitDay(visit, p.Start);
                    var seen = rng.Chance(0.97);
                    Rows.ClaVisit(periodOfCare, Person, day, seen, seen && AgeAt(day) >= 4 && rng.Chance(0.6));
                }
                var gap = permanent && visit.DayNumber - p.Start.DayNumber > 365 ? rng.Int(40, 85) : _practice.ClaVisitGapDays(team, visit, rng);
                visit = Calendar.OnOrNextWorkingDay(visit.AddDays(gap));
            }
        }
    }
}
