using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class SeenTests
{
    private static readonly DateOnly March31 = 31.March(2025); // a Monday

    private static Measure Seen01(Action<ChildBuilder> child, DateOnly? extract = null) =>
        Measure.Of("SEEN-01", CouncilBuilder.AsAt(extract ?? March31).WithChild("C1", child).Build(), extract ?? March31);

    [Test]
    public void SEEN_01_due_today_a_visit_10_working_days_before_the_as_at_date_is_in_time() =>
        Assert.That(Seen01(c => c.OnCpPlan(3.March(2025)).CpVisit(17.March(2025))).Ratio, Is.EqualTo("1/1"));

    [Test]
    public void SEEN_01_a_visit_11_working_days_before_is_one_working_day_overdue()
    {
        var m = Seen01(c => c.OnCpPlan(3.March(2025)).CpVisit(14.March(2025)));

        Assert.That(m.Ratio, Is.EqualTo("0/1"));
        var row = m.Exceptions.Single();
        Assert.That(row.Date, Is.EqualTo(March31));
        Assert.That(row.Detail.LastDone, Is.EqualTo(14.March(2025)));
        Assert.That(row.Detail.DueDate, Is.EqualTo(28.March(2025)));
        Assert.That(row.Detail.DaysOverdue, Is.EqualTo(1));
        Assert.That(row.Detail.InWorkingDays, Is.True);
    }

    [Test]
    public void SEEN_01_a_visit_where_the_child_was_not_seen_does_not_count()
    {
        var m = Seen01(c => c.OnCpPlan(3.March(2025)).CpVisit(10.March(2025)).CpVisit(24.March(2025), seen: false));

        Assert.That(m.Ratio, Is.EqualTo("0/1"));
        Assert.That(m.Exceptions.Single().Detail.LastDone, Is.EqualTo(10.March(2025)));
        Assert.That(m.Exceptions.Single().Detail.DaysOverdue, Is.EqualTo(5));
    }

    [Test]
    public void SEEN_01_a_plan_younger_than_the_standard_is_not_yet_counted() =>
        Assert.That(Seen01(c => c.OnCpPlan(25.March(2025))).Ratio, Is.EqualTo("0/0"));

    [Test]
    public void SEEN_01_a_plan_that_ends_mid_month_is_not_counted_as_at_the_month_end() =>
        Assert.That(Seen01(c => c.OnCpPlan(3.February(2025), to: 15.March(2025))).Ratio, Is.EqualTo("0/0"));

    [Test]
    public void SEEN_01_a_child_never_seen_since_the_plan_started_is_overdue_from_the_plan_start()
    {
        var m = Seen01(c => c.CpVisit(1.February(2025)).OnCpPlan(3.March(2025)));

        Assert.That(m.Exceptions.Single().Detail.DueDate, Is.EqualTo(17.March(2025)));
        Assert.That(m.Exceptions.Single().Detail.LastDone, Is.Null, "a visit before the plan started does not count");
    }

    [Test]
    public void SEEN_01_as_at_a_bank_holiday_counts_to_the_working_day_before()
    {
        // 31 August 2026 is the summer bank holiday: as at that day a visit on Friday 14 August is 10 working days old.
        Assert.That(Seen01(c => c.OnCpPlan(1.July(2026)).CpVisit(14.August(2026)), 31.August(2026)).Ratio, Is.EqualTo("1/1"));
    }

    [Test]
    public void SEEN_01_Christmas_a_visit_on_13_December_is_in_time_on_31_December()
    {
        // 25 and 26 December 2024 are not working days, so 13 to 31 December is 10 working days.
        Assert.That(Seen01(c => c.OnCpPlan(1.November(2024)).CpVisit(13.December(2024)), 31.December(2024)).Ratio, Is.EqualTo("1/1"));
    }

    [Test]
    public void SEEN_01_uses_the_local_standard_from_settings()
    {
        var data = CouncilBuilder.AsAt(March31).WithChild("C1", c => c.OnCpPlan(3.February(2025)).CpVisit(14.March(2025))).Build();
        var fifteenDays = IndicatorSettings.Default with { CpVisitWorkingDays = 15 };

        Assert.That(Measure.Of("SEEN-01", data, March31, fifteenDays).Ratio, Is.EqualTo("1/1"));
    }

    [Test]
    public void SEEN_02_counts_seen_visits_in_the_month_where_the_child_was_seen_alone()
    {
        var m = Seen01Data(c => c.OnCpPlan(3.March(2025))
            .CpVisit(5.March(2025), alone: true)
            .CpVisit(12.March(2025), alone: false)
            .CpVisit(19.March(2025), seen: false, alone: false));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions.Single().Date, Is.EqualTo(12.March(2025)));
        Assert.That(m.Exceptions.Single().Detail.What, Is.EqualTo("CP visit without the child seen alone"), "a failure reads as one");
    }

    private static Measure Seen01Data(Action<ChildBuilder> child) =>
        Measure.Of("SEEN-02", CouncilBuilder.AsAt(March31).WithChild("C1", child).Build(), March31);

    [TestCase("2025-03-03", true, TestName = "SEEN_03_due_today_a_CIN_visit_20_working_days_before_is_in_time")]
    [TestCase("2025-02-28", false, TestName = "SEEN_03_a_CIN_visit_21_working_days_before_is_late")]
    public void SEEN_03_edges(string visit, bool inTime)
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("C1", c => c.OnCinPlan(2.January(2025)).CinVisit(DateOnly.Parse(visit, System.Globalization.CultureInfo.InvariantCulture)))
            .Build();

        Assert.That(Measure.Of("SEEN-03", data, March31).Ratio, Is.EqualTo(inTime ? "1/1" : "0/1"));
    }

    [Test]
    public void SEEN_03_a_CIN_visit_where_the_child_was_not_seen_does_not_count()
    {
        var data = CouncilBuilder.AsAt(March31).WithChild("C1", c => c.OnCinPlan(2.January(2025)).CinVisit(20.March(2025), seen: false)).Build();

        Assert.That(Measure.Of("SEEN-03", data, March31).Ratio, Is.EqualTo("0/1"));
    }
}
