using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class Seen04Tests
{
    private static readonly DateOnly March31 = 31.March(2025);

    private static Measure Seen04(Action<ChildBuilder> child, DateOnly? extract = null, IndicatorSettings? settings = null) =>
        Measure.Of("SEEN-04", CouncilBuilder.AsAt(extract ?? March31).WithChild("C1", child).Build(), extract ?? March31, settings);

    [Test]
    public void A_new_placement_not_yet_a_week_old_is_in_time_without_a_visit() =>
        Assert.That(Seen04(c => c.LookedAfter(26.March(2025)).Placed(26.March(2025))).Ratio, Is.EqualTo("1/1"));

    [Test]
    public void A_child_whose_care_ends_on_the_as_at_day_is_not_counted_that_day()
    {
        Assert.That(Seen04(c => c.LookedAfter(20.March(2025), to: March31).Placed(20.March(2025))).Ratio, Is.EqualTo("0/0"),
            "the DfE's 'looked after at 31 March': a period of care ceasing on the day does not count on it");
        Assert.That(Seen04(c => c.LookedAfter(20.March(2025), to: 1.April(2025)).Placed(20.March(2025))).Ratio, Is.EqualTo("0/1"));
    }

    [Test]
    public void A_placement_more_than_a_week_old_with_no_visit_is_overdue_from_day_seven()
    {
        var m = Seen04(c => c.LookedAfter(20.March(2025)).Placed(20.March(2025)));

        Assert.That(m.Ratio, Is.EqualTo("0/1"));
        Assert.That(m.Exceptions.Single().Detail.DueDate, Is.EqualTo(27.March(2025)));
        Assert.That(m.Exceptions.Single().Detail.DaysOverdue, Is.EqualTo(4));
        Assert.That(m.Exceptions.Single().Detail.InWorkingDays, Is.False);
    }

    [TestCase("2025-02-17", true, TestName = "SEEN_04_due_today_a_visit_six_weeks_before_the_as_at_date_is_in_time")]
    [TestCase("2025-02-16", false, TestName = "SEEN_04_a_visit_six_weeks_and_a_day_before_is_late")]
    public void Six_week_edge(string visit, bool inTime) =>
        Assert.That(Seen04(c => c.LookedAfter(1.January(2025)).Placed(1.January(2025))
            .ClaVisit(DateOnly.Parse(visit, System.Globalization.CultureInfo.InvariantCulture))).Ratio, Is.EqualTo(inTime ? "1/1" : "0/1"));

    [Test]
    public void A_visit_where_the_child_was_not_seen_does_not_count() =>
        Assert.That(Seen04(c => c.LookedAfter(1.January(2025)).Placed(1.January(2025)).ClaVisit(10.February(2025)).ClaVisit(20.March(2025), seen: false))
            .Ratio, Is.EqualTo("0/1"));

    [Test]
    public void A_visit_before_the_current_placement_started_does_not_count()
    {
        var m = Seen04(c => c.LookedAfter(1.January(2025)).Placed(1.January(2025), to: 10.March(2025)).ClaVisit(8.March(2025))
            .Placed(10.March(2025)));

        Assert.That(m.Exceptions.Single().Detail.DueDate, Is.EqualTo(17.March(2025)));
    }

    [Test]
    public void A_permanent_placement_after_its_first_year_is_visited_every_three_months()
    {
        var permanent = Seen04(c => c.LookedAfter(1.January(2023)).Placed(1.January(2023), type: "U4").ClaVisit(1.February(2025)));
        var notPermanent = Seen04(c => c.LookedAfter(1.January(2023)).Placed(1.January(2023), type: "U6").ClaVisit(1.February(2025)));

        Assert.That(permanent.Ratio, Is.EqualTo("1/1"));
        Assert.That(notPermanent.Ratio, Is.EqualTo("0/1"));
        Assert.That(notPermanent.Exceptions.Single().Detail.DueDate, Is.EqualTo(15.March(2025)));
    }

    [Test]
    public void Visit_weeks_are_a_setting() =>
        Assert.That(Seen04(c => c.LookedAfter(1.January(2025)).Placed(1.January(2025)).ClaVisit(10.February(2025)),
            settings: IndicatorSettings.Default with { ClaVisitWeeks = 8 }).Ratio, Is.EqualTo("1/1"));

    [Test]
    public void Christmas_a_visit_due_on_Christmas_Day_is_not_moved_for_the_holiday()
    {
        // 13 November 2024 + 6 weeks = 25 December. As at the extract date, Friday 27 December, it is 2 days late.
        var m = Seen04(c => c.LookedAfter(1.October(2024)).Placed(1.October(2024)).ClaVisit(13.November(2024)), extract: 27.December(2024));

        Assert.That(m.Council.AsAt, Is.EqualTo(27.December(2024)), "the latest month is measured as at the extract date");
        Assert.That(m.Exceptions.Single().Detail.DueDate, Is.EqualTo(25.December(2024)));
        Assert.That(m.Exceptions.Single().Detail.DaysOverdue, Is.EqualTo(2));
    }

    [Test]
    public void A_child_who_left_care_mid_month_is_not_counted() =>
        Assert.That(Seen04(c => c.LookedAfter(1.January(2025), to: 14.March(2025)).Placed(1.January(2025))).Ratio, Is.EqualTo("0/0"));
}
