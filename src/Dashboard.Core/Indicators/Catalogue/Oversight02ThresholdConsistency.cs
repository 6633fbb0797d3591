using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Core.Indicators.Catalogue;

/// <summary>
/// OVERSIGHT-02 is not a ratio of children: its units are teams and workers, each tested against the
/// council's rate on a funnel plot. Each test is one evaluation (no child; the team, and the worker for a
/// worker's test), so the generic aggregation still adds a council up from its teams.
/// </summary>
public sealed class Oversight02ThresholdConsistency : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "OVERSIGHT-02",
        Title = "Consistency of threshold decisions",
        Theme = Theme.Oversight,
        Definition = "Over the 12 months to the month's end, two decision rates are compared across teams and workers: the "
            + "share of referrals ending in no further action, and the share of authorised assessments finding no need for "
            + "support. Each team, and each worker who made at least 20 such decisions (a setting), is tested against the "
            + "council's own rate with a funnel plot. The figure is the share of those tests that fall outside the 99.8% limits. "
            + "By chance alone about 1 test in 500 would, so a council that applies thresholds alike has almost none; the "
            + "target of 5% leaves room for a team whose work genuinely differs (a specialist team, say) before the measure "
            + "turns red. The indicator page draws both funnels and names the teams outside the limits. A decision counts against the worker and team recorded on the referral or assessment (who "
            + "made it), else those allocated on its date; decisions with no team count towards the council's rate but are "
            + "not tested. Limits use the normal approximation to the binomial.",
        Numerator = "Team and worker decision rates outside the council's 99.8% funnel limits",
        Denominator = "Team and worker decision rates tested",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.Rolling12Months,
        LocalStandard = "Workers are tested once they have made 20 decisions in 12 months",
        StandardSettings = ["funnelMinimumWorkerDecisions"],
        DefaultTarget = 5m,
        Sources = [DataSource.Referrals, DataSource.Assessments],
        ExceptionRowsSayWhatHappened = true,
        ExceptionRows = "A team or worker whose rate is outside the limits: the rate, the limits and the council's rate (no child is named).",
        Caveat = "A rate outside the limits is a question to ask, not a finding: it may reflect the work a team is given.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        return Tests(data, Window(data, month, assessments: false), "Referrals ending in no further action", asAt, settings)
            .Concat(Tests(data, Window(data, month, assessments: true), "Assessments finding no need for support", asAt, settings));
    }

    /// <summary>Decisions counted by team and by worker: [NFA decisions, all decisions].</summary>
    private sealed class Tallies
    {
        public Dictionary<string, int[]> Teams { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int[]> Workers { get; } = new(StringComparer.Ordinal);
        /// <summary>The team of each worker's latest decision.</summary>
        public Dictionary<string, string> LatestTeams { get; } = new(StringComparer.Ordinal);
        public int Numerator { get; set; }
        public int Denominator { get; set; }

        public void Add(Allocated who, bool nfa)
        {
            var x = nfa ? 1 : 0;
            Numerator += x;
            Denominator++;
            if (who.TeamId != Allocation.Unknown) Bump(Teams, who.TeamId, x, 1);
            if (!who.HasWorker) return;
            Bump(Workers, who.WorkerId, x, 1);
            LatestTeams[who.WorkerId] = who.TeamId;
        }

        /// <summary>Adds a later month's tallies.</summary>
        public void Add(Tallies later)
        {
            Numerator += later.Numerator;
            Denominator += later.Denominator;
            foreach (var (team, c) in later.Teams) Bump(Teams, team, c[0], c[1]);
            foreach (var (worker, c) in later.Workers) Bump(Workers, worker, c[0], c[1]);
            foreach (var (worker, team) in later.LatestTeams) LatestTeams[worker] = team;
        }

        private static void Bump(Dictionary<string, int[]> counts, string key, int x, int n)
        {
            if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[2];
            c[0] += x;
            c[1] += n;
        }
    }

    /// <summary>The twelve months to <paramref name="month"/>, added up from each month's tallies (each worked out once).</summary>
    private static Tallies Window(CaseData data, Month month, bool assessments)
    {
        var window = new Tallies();
        for (var m = month.AddMonths(-11); m <= month; m = m.Next()) window.Add(MonthTallies(data, m, assessments));
        return window;
    }

    private static Tallies MonthTallies(CaseData data, Month month, bool assessments) =>
        data.Derived($"OVERSIGHT-02:{(assessments ? "assessments" : "referrals")}:{month}", d =>
        {
            var t = new Tallies();
            if (assessments)
            {
                foreach (var a in d.AssessmentsByAuthorisation.Between(month.First, month.Last))
                {
                    t.Add(d.Allocation.DecidedBy(a.PersonId, a.AuthorisedOn!.Value, a.TeamId, a.WorkerId), a.IsNfa == true);
                }
            }
            else
            {
                foreach (var r in d.Referrals.Between(month.First, month.Last)) t.Add(d.Allocation.DecidedBy(r.PersonId, r.Date, r.TeamId, r.WorkerId), r.IsNfa == true);
            }
            return t;
        });

    private static IEnumerable<Evaluation> Tests(CaseData data, Tallies t, string measure, DateOnly asAt, IndicatorSettings settings)
    {
        if (t.Denominator == 0) yield break;
        var centre = (decimal)t.Numerator / t.Denominator;
        var teams = FunnelPlot.Plot([.. t.Teams.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new FunnelUnit(k.Key, k.Value[0], k.Value[1]))], centre);
        foreach (var p in teams) yield return Test(p, measure, centre, asAt, p.Id, null);
        var workers = FunnelPlot.Plot([.. t.Workers.Where(k => k.Value[1] >= settings.FunnelMinimumWorkerDecisions)
            .OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new FunnelUnit(k.Key, k.Value[0], k.Value[1]))], centre);
        // A worker's test belongs to their team on the as-at date, else the team of their latest decision.
        foreach (var p in workers) yield return Test(p, measure, centre, asAt, data.Allocation.TeamOf(p.Id, asAt) ?? t.LatestTeams[p.Id], p.Id);
    }

    private static Evaluation Test(FunnelPoint p, string measure, decimal centre, DateOnly asAt, string teamId, string? workerId)
    {
        ExceptionDetail? failure = null;
        if (p.IsOutlier)
        {
            var above = p.At998 == FunnelPosition.Above;
            var (limitName, limit) = above ? ("upper", p.Upper998) : ("lower", p.Lower998);
            failure = new ExceptionDetail($"{measure}: {(above ? "higher" : "lower")} than the council, outside its 99.8% funnel limits",
                Note: $"{(workerId is null ? "team" : "worker")} {p.Id}: {Percent(p.Rate)} ({p.Numerator} of {p.Denominator}); "
                    + $"{limitName} limit {Percent(limit)}; council {Percent(centre)}");
        }
        return new Evaluation(null, null, $"{measure}|{p.Id}", asAt, teamId, workerId, p.IsOutlier, true, failure);
    }

    private static string Percent(decimal proportion) => IndicatorValue.Format(IndicatorUnit.Percent, proportion * 100);
}
