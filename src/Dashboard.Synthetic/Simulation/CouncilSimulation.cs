using Dashboard.Synthetic.Output;

namespace Dashboard.Synthetic.Simulation;

/// <summary>
/// The whole council: its teams and workers, then child after child (children in care since before the
/// window, referred children from two warm-up years before the window to the extract date, and children
/// known only through contacts), then the workers with their caseloads at the extract date.
/// </summary>
internal static class CouncilSimulation
{
    /// <summary>Referrals per referred child over the years (re-referrals included).</summary>
    private const double ReferralsPerChild = 1.5;

    /// <summary>Children contacted about but never referred, per referral.</summary>
    private const double ContactOnlyChildrenPerReferral = 1.15;

    /// <summary>Children looked after per child in the population (England: 67 per 10,000).</summary>
    private const double LookedAfterRate = 0.0067;

    /// <summary>The share of that stock made up of children in care since before the warm-up years.</summary>
    private const double LegacyShare = 0.67;

    private enum Stream { Workforce = 1, Arrivals = 2, Legacy = 3, Referred = 4, ContactOnly = 5 }

    public static void Run(GeneratorOptions options, SimCalendar calendar, RowSink sink, CancellationToken ct)
    {
        var seed = options.Seed;
        var profile = PresetProfile.For(options.Preset);
        var ids = new Ids();
        var rows = new SsdRows(sink, ids);

        sink.Stage = "Teams and workers";
        var work = Workforce.Build(profile, calendar, Rng.For(seed, (int)Stream.Workforce, 0), ids);
        foreach (var team in work.Teams)
        {
            rows.Department(team.Id, team.Name, team.AreaId, PresetProfile.AreaName(team.Area));
        }
        sink.Commit();

        var arrivals = Rng.For(seed, (int)Stream.Arrivals, 0);
        var referred = Arrivals(arrivals, calendar, calendar.WarmStart, profile.AnnualReferrals / ReferralsPerChild);
        var contactOnly = Arrivals(arrivals, calendar, calendar.WindowStart, profile.AnnualReferrals * ContactOnlyChildrenPerReferral);
        var legacy = (int)Math.Round(profile.Population * LookedAfterRate * LegacyShare);
        var total = (double)(legacy + referred.Count + contactOnly.Count);
        var done = 0;

        sink.Stage = "Children";
        var journey = new Journey(calendar, work, rows, new Practice(calendar), profile);
        for (var i = 0; i < legacy; i++)
        {
            Keep(sink, journey.RunLegacyInCare(Rng.For(seed, (int)Stream.Legacy, i)));
            Progress(sink, ++done, total, ct);
        }
        for (var i = 0; i < referred.Count; i++)
        {
            Keep(sink, journey.RunReferred(Rng.For(seed, (int)Stream.Referred, i), referred[i]));
            Progress(sink, ++done, total, ct);
        }
        for (var i = 0; i < contactOnly.Count; i++)
        {
            Keep(sink, journey.RunContactOnly(Rng.For(seed, (int)Stream.ContactOnly, i), contactOnly[i]));
            Progress(sink, ++done, total, ct);
        }

        sink.Stage = "Workers";
        sink.Fraction = 0.96;
        foreach (var worker in work.Workers)
        {
            rows.Professional(worker.Id, worker.StaffId, worker.Name, worker.JobTitle, worker.Caseload,
                work.Teams[worker.LastTeam].Id, worker.Fte, worker.Agency);
        }
        sink.Commit();
        sink.Flush();
    }

    private static void Keep(RowSink sink, bool keep)
    {
        if (keep) sink.Commit();
        else sink.Discard();
    }

    private static void Progress(RowSink sink, int done, double total, CancellationToken ct)
    {
        if ((done & 255) != 0) return;
        ct.ThrowIfCancellationRequested();
        sink.Fraction = 0.02 + (0.93 * done / total);
    }

    /// <summary>Dates of first referral (or first contact) as a Poisson process up to the extract date; most
    /// fall on working days, a few at weekends (the out-of-hours service).</summary>
    private static List<DateOnly> Arrivals(Rng rng, SimCalendar calendar, DateOnly from, double perYear)
    {
        var dates = new List<DateOnly>();
        var meanGap = 365.25 / perYear;
        var span = calendar.AsOf.DayNumber - from.DayNumber;
        var t = 0.0;
        while (true)
        {
            t += rng.Exponential(meanGap);
            if (t > span) break;
            var date = from.AddDays((int)t);
            if (!calendar.IsWorkingDay(date) && rng.Chance(0.9)) date = calendar.OnOrNextWorkingDay(date);
            if (date <= calendar.AsOf) dates.Add(date);
        }
        return dates;
    }
}
