using Dashboard.Core.Calendar;
using Dashboard.Core.Ssd;

namespace Dashboard.Synthetic.Tests;

/// <summary>The practice variation planted in the small council (see the project README) is there to be found.</summary>
public sealed class PracticeTests
{
    private static GeneratedCouncil Council => Councils.Small;

    private static Dictionary<string, string> TeamNames()
    {
        var departments = Council.Read(SsdSchema.Departments);
        return departments.Rows.ToDictionary(r => r[0]!, r => r[1]!);
    }

    /// <summary>The team holding each child's case on a date, from the involvements (type-2: team at the time).</summary>
    private static Func<string, DateOnly, string?> TeamOnDate(Func<string, bool> teamFilter)
    {
        var names = TeamNames();
        var involvements = Council.Read(SsdSchema.Involvements);
        var byPerson = involvements.Rows
            .Select(r => (Person: r[7]!, Team: names[r[3]!], Start: involvements.Date(r, "invo_involvement_start_date")!.Value,
                End: involvements.Date(r, "invo_involvement_end_date") ?? DateOnly.MaxValue))
            .Where(i => teamFilter(i.Team))
            .GroupBy(i => i.Person).ToDictionary(g => g.Key, g => g.ToList());
        return (person, date) => byPerson.TryGetValue(person, out var list)
            ? list.Where(i => i.Start <= date && date <= i.End).Select(i => i.Team).FirstOrDefault()
            : null;
    }

    [Test]
    public void Child_Protection_West_visits_children_on_plans_late()
    {
        var teamOn = TeamOnDate(t => t.StartsWith("Child Protection", StringComparison.Ordinal));
        var visits = Council.Read(SsdSchema.CpVisits);
        var gaps = new Dictionary<string, List<int>>();
        foreach (var plan in visits.Rows.GroupBy(r => r[2]!))
        {
            var dates = plan.Select(r => (Person: r[1]!, Date: visits.Date(r, "cppv_cp_visit_date")!.Value)).OrderBy(v => v.Date).ToList();
            for (var i = 1; i < dates.Count; i++)
            {
                if (teamOn(dates[i].Person, dates[i].Date) is not { } team) continue;
                if (!gaps.TryGetValue(team, out var list)) gaps[team] = list = [];
                list.Add(WorkingDayCalendar.WorkingDaysBetween(dates[i - 1].Date, dates[i].Date));
            }
        }
        static int Median(List<int> xs) => xs.Order().ElementAt(xs.Count / 2);
        var others = gaps.Where(g => g.Key != "Child Protection West").SelectMany(g => g.Value).ToList();
        TestContext.Out.WriteLine($"median gap: Child Protection West {Median(gaps["Child Protection West"])}, others {Median(others)} working days");

        Assert.That(gaps["Child Protection West"], Has.Count.GreaterThan(200));
        Assert.That(Median(gaps["Child Protection West"]), Is.GreaterThanOrEqualTo(15));
        Assert.That(Median(others), Is.LessThanOrEqualTo(10));
    }

    [Test]
    public void Front_Door_South_closes_referrals_with_no_further_action_far_more_than_the_council_outside_the_funnel()
    {
        var names = TeamNames();
        var referrals = Council.Read(SsdSchema.Referrals);
        var lastYear = referrals.Rows.Where(r => referrals.Date(r, "cine_referral_date") > Council.AsOf.AddYears(-1)).ToList();
        var council = (double)lastYear.Count(r => r[7] == "Y") / lastYear.Count;
        var south = lastYear.Where(r => names[r[10]!] == "Front Door South").ToList();
        var rest = lastYear.Where(r => names[r[10]!] != "Front Door South").ToList();
        var southRate = (double)south.Count(r => r[7] == "Y") / south.Count;
        var restRate = (double)rest.Count(r => r[7] == "Y") / rest.Count;
        var upper998 = council + (3.09 * Math.Sqrt(council * (1 - council) / south.Count));

        TestContext.Out.WriteLine($"NFA: Front Door South {southRate:P1} of {south.Count}, others {restRate:P1}, council {council:P1}, 99.8% limit {upper998:P1}");
        Assert.That(southRate, Is.GreaterThan(3 * restRate));
        Assert.That(southRate, Is.GreaterThan(upper998), "outside the 99.8% funnel limit around the council's rate");
    }

    [Test]
    public void Assessments_got_later_in_the_last_six_months()
    {
        var referrals = Council.Read(SsdSchema.Referrals);
        var referred = referrals.Rows.ToDictionary(r => r[0]!, r => referrals.Date(r, "cine_referral_date")!.Value);
        var assessments = Council.Read(SsdSchema.Assessments);
        var sixMonths = Council.AsOf.AddMonths(-6);
        var timely = assessments.Rows.Where(r => assessments.Date(r, "cina_assessment_auth_date") is not null)
            .Select(r => (Auth: assessments.Date(r, "cina_assessment_auth_date")!.Value,
                InTime: WorkingDayCalendar.WorkingDaysBetween(referred[r[2]!], assessments.Date(r, "cina_assessment_auth_date")!.Value) <= 45))
            .ToList();
        double Share(DateOnly from, DateOnly to) =>
            (double)timely.Count(a => a.Auth > from && a.Auth <= to && a.InTime) / timely.Count(a => a.Auth > from && a.Auth <= to);

        var before = Share(sixMonths.AddYears(-1), sixMonths);
        var recent = Share(sixMonths.AddMonths(1), Council.AsOf);
        Assert.That(recent, Is.LessThan(before - 0.15), $"within 45 working days: {before:P0} before, {recent:P0} in the last months");
    }

    [Test]
    public void Visits_to_children_in_care_improved_in_the_last_six_months()
    {
        var visits = Council.Read(SsdSchema.ClaVisits);
        var sixMonths = Council.AsOf.AddMonths(-6);
        var gaps = visits.Rows.GroupBy(r => r[1]!).SelectMany(g =>
        {
            var dates = g.Select(r => visits.Date(r, "clav_cla_visit_date")!.Value).Order().ToList();
            return dates.Skip(1).Select((d, i) => (Date: d, Days: d.DayNumber - dates[i].DayNumber));
        }).ToList();
        double Share(DateOnly from, DateOnly to) =>
            (double)gaps.Count(g => g.Date > from && g.Date <= to && g.Days <= 42) / gaps.Count(g => g.Date > from && g.Date <= to);

        var before = Share(sixMonths.AddYears(-1), sixMonths);
        var recent = Share(sixMonths.AddMonths(1), Council.AsOf);
        Assert.That(recent, Is.GreaterThan(before + 0.08), $"gaps within 6 weeks: {before:P0} before, {recent:P0} in the last months");
    }

    [Test]
    public void Most_open_cases_have_recent_oversight_but_not_all()
    {
        var oversight = Council.Read(SsdSchema.ManagementOversight);
        var latest = oversight.Rows.GroupBy(r => r[1]!).ToDictionary(g => g.Key, g => g.Max(r => oversight.Date(r, "mo_oversight_date")!.Value));
        var plans = Council.Read(SsdSchema.CpPlans);
        var open = plans.Rows.Where(r => plans.Get(r, "cppl_cp_plan_end_date") is null
            && plans.Date(r, "cppl_cp_plan_start_date") < Council.AsOf.AddMonths(-2)).Select(r => r[3]!).Distinct().ToList();
        var recent = (double)open.Count(p => latest.TryGetValue(p, out var d) && WorkingDayCalendar.WorkingDaysBetween(d, Council.AsOf) <= 20) / open.Count;
        Assert.That(recent, Is.InRange(0.6, 0.97));
    }
}
