using Dashboard.Core.Calendar;
using Dashboard.Core.Ssd;

namespace Dashboard.Synthetic.Tests;

public sealed class WorkingDayTests
{
    private static List<DateOnly> Dates(SsdTable table, string column)
    {
        var source = Councils.Small.Read(table);
        return [.. source.Rows.Select(r => source.Date(r, column)).OfType<DateOnly>()];
    }

    private static List<DateOnly> AllVisits() =>
    [
        .. Dates(SsdSchema.CpVisits, "cppv_cp_visit_date"), .. Dates(SsdSchema.CinVisits, "cinv_cin_visit_date"),
        .. Dates(SsdSchema.ClaVisits, "clav_cla_visit_date"),
    ];

    [Test]
    public void Visits_happen_on_working_days_but_for_the_occasional_weekend_or_holiday()
    {
        var visits = AllVisits();
        var share = (double)visits.Count(d => !WorkingDayCalendar.IsWorkingDay(d)) / visits.Count;
        Assert.That(share, Is.GreaterThan(0).And.LessThan(0.03));
    }

    [Test]
    public void Hardly_anyone_is_visited_on_Christmas_Day()
    {
        var visits = AllVisits();
        Assert.That(visits.Count(d => d is { Month: 12, Day: 25 }), Is.LessThan(visits.Count / 2_000));
    }

    [TestCase("ssd_initial_cp_conference", "icpc_icpc_date")]
    [TestCase("ssd_cp_reviews", "cppr_cp_review_date")]
    [TestCase("ssd_cla_reviews", "clar_cla_review_date")]
    [TestCase("ssd_cin_assessments", "cina_assessment_start_date")]
    [TestCase("ssd_cin_assessments", "cina_assessment_auth_date")]
    [TestCase("ssd_cp_plans", "cppl_cp_plan_start_date")]
    public void Conferences_reviews_and_assessments_happen_on_working_days(string table, string column)
    {
        var dates = Dates(SsdSchema.Table(table), column);
        Assert.That(dates, Is.Not.Empty);
        Assert.That(dates.Where(d => !WorkingDayCalendar.IsWorkingDay(d)), Is.Empty);
    }
}
