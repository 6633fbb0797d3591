using Dashboard.Core.Calendar;
using Dashboard.Core.Ssd;

namespace Dashboard.Synthetic.Tests;

public sealed class VolumeTests
{
    /// <summary>Referrals dated in the requested years (cases open at the window's start bring a few earlier ones).</summary>
    private static List<string?[]> ReferralsInWindow(GeneratedCouncil council)
    {
        var referrals = council.Read(SsdSchema.Referrals);
        var from = council.AsOf.AddYears(-council.Options.Years);
        return [.. referrals.Rows.Where(r => referrals.Date(r, "cine_referral_date") > from)];
    }

    [Test]
    public void Scilly_has_about_15_referrals_a_year_two_teams_and_a_handful_of_workers()
    {
        var council = Councils.Scilly;
        var perYear = ReferralsInWindow(council).Count / 5.0;
        Assert.Multiple(() =>
        {
            Assert.That(perYear, Is.InRange(8, 25));
            Assert.That(council.Summary.RowsPerTable["ssd_department"], Is.EqualTo(2));
            Assert.That(council.Summary.RowsPerTable["ssd_professionals"], Is.InRange(4, 15), "Including those who left over the years.");
            Assert.That(council.Summary.TotalRows, Is.InRange(1_000, 10_000));
        });
    }

    [Test]
    public void Small_has_about_1500_referrals_a_year_and_3_contacts_for_each()
    {
        var council = Councils.Small;
        var referrals = ReferralsInWindow(council).Count;
        var contacts = council.Read(SsdSchema.Contacts);
        var from = council.AsOf.AddYears(-5);
        var contactsInWindow = contacts.Rows.Count(r => contacts.Date(r, "cont_contact_date") > from);
        Assert.Multiple(() =>
        {
            Assert.That(referrals / 5.0, Is.InRange(1_350, 1_700));
            Assert.That((double)contactsInWindow / referrals, Is.InRange(2.6, 3.4));
            Assert.That(council.Summary.RowsPerTable["ssd_department"], Is.EqualTo(10));
            Assert.That(council.Summary.TotalRows, Is.InRange(150_000, 400_000));
        });
    }

    [Test]
    public void Small_follows_the_national_rates()
    {
        var council = Councils.Small;
        var from = council.AsOf.AddYears(-5);
        var referrals = council.Read(SsdSchema.Referrals);
        var window = ReferralsInWindow(council);
        var byChild = referrals.Rows.GroupBy(r => r[1]!).ToDictionary(g => g.Key, g => g.Select(r => referrals.Date(r, "cine_referral_date")!.Value).ToList());
        var reReferred = window.Count(r =>
        {
            var date = referrals.Date(r, "cine_referral_date")!.Value;
            return byChild[r[1]!].Any(d => d < date && d >= date.AddDays(-365));
        });

        var assessments = council.Read(SsdSchema.Assessments);
        var authorised = assessments.Rows.Where(r => assessments.Date(r, "cina_assessment_auth_date") > from).ToList();
        var s47 = council.Read(SsdSchema.S47Enquiries);
        var enquiries = s47.Rows.Count(r => s47.Date(r, "s47e_s47_start_date") > from);
        var icpc = council.Read(SsdSchema.InitialConferences);
        var conferences = icpc.Rows.Count(r => icpc.Date(r, "icpc_icpc_date") > from && icpc.Get(r, "icpc_icpc_transfer_in") == "0");
        var plans = council.Read(SsdSchema.CpPlans);
        var ended = plans.Rows.Select(r => (Start: plans.Date(r, "cppl_cp_plan_start_date")!.Value, End: plans.Date(r, "cppl_cp_plan_end_date")))
            .Where(p => p.End > from).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((double)reReferred / window.Count, Is.InRange(0.17, 0.27), "re-referrals within 12 months (England 22.6%)");
            Assert.That((double)authorised.Count(r => assessments.Get(r, "cina_assessment_outcome_nfa") == "Y") / authorised.Count,
                Is.InRange(0.25, 0.37), "assessments finding no need (England 30.8%)");
            Assert.That((double)enquiries / window.Count, Is.InRange(0.28, 0.42), "s47 enquiries per referral (England about 36%)");
            Assert.That((double)conferences / enquiries, Is.InRange(0.22, 0.40), "ICPCs per s47 (England about 31%)");
            Assert.That((double)ended.Count(p => p.End!.Value.DayNumber - p.Start.DayNumber >= 730) / ended.Count,
                Is.InRange(0.01, 0.10), "CP plans ending after 2 years or more (England 4.4%)");
        });
    }

    [Test]
    public void Children_in_care_are_about_67_per_10000_throughout()
    {
        var council = Councils.Small;
        const double children = 1_500 / 0.0527;
        var episodes = council.Read(SsdSchema.ClaEpisodes);
        var spans = episodes.Rows.Select(r => (Id: r[7]!, Start: episodes.Date(r, "clae_cla_episode_start_date")!.Value,
            End: episodes.Date(r, "clae_cla_episode_ceased_date"))).ToList();
        Assert.Multiple(() =>
        {
            for (var at = council.AsOf.AddYears(-5).AddDays(1); at <= council.AsOf; at = at.AddMonths(6))
            {
                var date = at;
                var inCare = spans.Where(s => s.Start <= date && (s.End is null || s.End > date)).Select(s => s.Id).Distinct().Count();
                Assert.That(inCare / children * 10_000, Is.InRange(50, 85), $"looked after on {date:yyyy-MM-dd}");
            }
        });
    }

    [Test]
    public void Some_children_have_three_or_more_placements_in_a_year_and_some_three_or_more_workers()
    {
        var council = Councils.Small;
        var yearAgo = council.AsOf.AddYears(-1);
        var placements = council.Read(SsdSchema.Placements);
        var moves = placements.Rows.Where(r => placements.Date(r, "clap_cla_placement_start_date") > yearAgo).GroupBy(r => r[2]).Count(g => g.Count() >= 3);
        var involvements = council.Read(SsdSchema.Involvements);
        var workers = involvements.Rows.Where(r => (involvements.Date(r, "invo_involvement_end_date") ?? council.AsOf) > yearAgo)
            .GroupBy(r => r[7]).Count(g => g.Select(r => r[1]).Distinct().Count() >= 3);
        var movedTeam = involvements.Rows.GroupBy(r => r[1]).Count(g => g.Select(r => r[3]).Distinct().Count() > 1);
        Assert.Multiple(() =>
        {
            Assert.That(moves, Is.GreaterThan(3));
            Assert.That(workers, Is.GreaterThan(20));
            Assert.That(movedTeam, Is.GreaterThan(0), "a few workers move team and their involvements say so");
            Assert.That(involvements.Rows.Count(r => r[6] == "Worker moved team"), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Assessments_take_about_33_working_days_and_most_are_within_45()
    {
        var council = Councils.Small;
        var referrals = council.Read(SsdSchema.Referrals);
        var referred = referrals.Rows.ToDictionary(r => r[0]!, r => referrals.Date(r, "cine_referral_date")!.Value);
        var assessments = council.Read(SsdSchema.Assessments);
        var yearBefore = council.AsOf.AddMonths(-18);
        var days = assessments.Rows
            .Select(r => (Auth: assessments.Date(r, "cina_assessment_auth_date"), Referral: referred[r[2]!]))
            .Where(a => a.Auth > yearBefore && a.Auth <= council.AsOf.AddMonths(-6))
            .Select(a => WorkingDayCalendar.WorkingDaysBetween(a.Referral, a.Auth!.Value)).Order().ToList();
        TestContext.Out.WriteLine($"median {days[days.Count / 2]} working days, {(double)days.Count(d => d <= 45) / days.Count:P1} within 45");
        Assert.Multiple(() =>
        {
            Assert.That(days[days.Count / 2], Is.InRange(28, 38), "median (England 33)");
            Assert.That((double)days.Count(d => d <= 45) / days.Count, Is.InRange(0.8, 0.92), "within 45 (England about 85.7%)");
        });
    }
}
