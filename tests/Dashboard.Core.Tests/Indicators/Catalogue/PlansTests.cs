using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class PlansTests
{
    private static Measure Plans(string id, DateOnly month, Action<ChildBuilder> child, DateOnly? extract = null) =>
        Measure.Of(id, CouncilBuilder.AsAt(extract ?? 30.June(2025)).WithChild("C1", child).Build(), month);

    [Test]
    public void PLANS_01_due_today_a_first_review_held_on_its_due_date_3_months_after_the_ICPC_is_on_time() =>
        Assert.That(Plans("PLANS-01", 1.March(2025), c => c.OnCpPlan(10.December(2024), icpcOn: 10.December(2024)).CpReview(10.March(2025))).Ratio,
            Is.EqualTo("1/1"));

    [Test]
    public void PLANS_01_a_review_held_a_day_late_is_late_and_counted_in_the_month_it_fell_due()
    {
        var m = Plans("PLANS-01", 1.March(2025), c => c.OnCpPlan(10.December(2024), icpcOn: 10.December(2024)).CpReview(11.March(2025)));

        Assert.That(m.Ratio, Is.EqualTo("0/1"));
        Assert.That(m.Exceptions.Single().Detail.DueDate, Is.EqualTo(10.March(2025)));
        Assert.That(m.Exceptions.Single().Detail.DaysOverdue, Is.EqualTo(1));
    }

    [Test]
    public void PLANS_01_later_reviews_fall_due_6_months_after_the_review_held()
    {
        var child = (Action<ChildBuilder>)(c => c.OnCpPlan(10.December(2024), icpcOn: 10.December(2024)).CpReview(5.March(2025)).CpReview(5.September(2025)));

        Assert.That(Plans("PLANS-01", 1.September(2025), child, extract: 30.September(2025)).Ratio, Is.EqualTo("1/1"));
        Assert.That(Plans("PLANS-01", 1.June(2025), child, extract: 30.September(2025)).Ratio, Is.EqualTo("0/0"));
    }

    [Test]
    public void PLANS_01_a_review_not_held_is_late_once_due_and_overdue_until_the_extract_date()
    {
        var m = Plans("PLANS-01", 1.March(2025), c => c.OnCpPlan(10.December(2024), icpcOn: 10.December(2024)), extract: 31.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("0/1"));
        Assert.That(m.Exceptions.Single().Detail.DaysOverdue, Is.EqualTo(21));
    }

    [Test]
    public void PLANS_01_a_review_not_yet_due_on_the_extract_date_is_not_counted() =>
        Assert.That(Plans("PLANS-01", 1.March(2025), c => c.OnCpPlan(10.December(2024), icpcOn: 10.December(2024)), extract: 9.March(2025)).Ratio,
            Is.EqualTo("0/0"));

    [Test]
    public void PLANS_01_a_plan_that_ended_before_the_review_fell_due_is_not_counted() =>
        Assert.That(Plans("PLANS-01", 1.March(2025), c => c.OnCpPlan(10.December(2024), to: 1.March(2025), icpcOn: 10.December(2024))).Ratio,
            Is.EqualTo("0/0"));

    [Test]
    public void PLANS_01_due_on_a_bank_holiday_the_date_is_not_moved_and_held_next_working_day_is_late()
    {
        // ICPC 26 February 2025: due 26 May 2025, the spring bank holiday.
        var m = Plans("PLANS-01", 1.May(2025), c => c.OnCpPlan(26.February(2025), icpcOn: 26.February(2025)).CpReview(27.May(2025)));

        Assert.That(m.Ratio, Is.EqualTo("0/1"));
        Assert.That(m.Exceptions.Single().Detail.DueDate, Is.EqualTo(26.May(2025)));
    }

    [TestCase(2023, 29, TestName = "PLANS_01_leap_year_ICPC_on_30_November_is_due_on_29_February")]
    [TestCase(2024, 28, TestName = "PLANS_01_non_leap_year_ICPC_on_30_November_is_due_on_28_February")]
    public void PLANS_01_month_end_due_dates(int icpcYear, int dueDay)
    {
        var due = new DateOnly(icpcYear + 1, 2, dueDay);
        var m = Plans("PLANS-01", due, c => c.OnCpPlan(30.November(icpcYear), icpcOn: 30.November(icpcYear)).CpReview(due), extract: due.AddDays(30));

        Assert.That(m.Ratio, Is.EqualTo("1/1"));
    }

    [TestCase("2024-12-31", true, TestName = "PLANS_02_due_today_an_ICPC_3_months_before_the_as_at_date_is_in_date")]
    [TestCase("2024-12-30", false, TestName = "PLANS_02_an_ICPC_3_months_and_a_day_before_with_no_review_is_out_of_date")]
    public void PLANS_02_first_review_edge(string icpc, bool inDate)
    {
        var on = DateOnly.Parse(icpc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Plans("PLANS-02", 1.March(2025), c => c.OnCpPlan(on, icpcOn: on), extract: 31.March(2025)).Ratio, Is.EqualTo(inDate ? "1/1" : "0/1"));
    }

    [Test]
    public void PLANS_02_after_a_review_the_plan_is_in_date_for_6_months()
    {
        var inDate = Plans("PLANS-02", 1.March(2025), c => c.OnCpPlan(1.July(2024), icpcOn: 1.July(2024)).CpReview(1.October(2024)), extract: 31.March(2025));
        var outOfDate = Plans("PLANS-02", 1.March(2025), c => c.OnCpPlan(1.July(2024), icpcOn: 1.July(2024)).CpReview(30.September(2024)), extract: 31.March(2025));

        Assert.That(inDate.Ratio, Is.EqualTo("1/1"));
        Assert.That(outOfDate.Exceptions.Single().Detail.DaysOverdue, Is.EqualTo(1));
    }

    [TestCase("2025-03-31", true, TestName = "PLANS_03_due_today_a_first_review_on_working_day_20_after_care_started_is_on_time")]
    [TestCase("2025-04-01", false, TestName = "PLANS_03_a_first_review_on_working_day_21_is_late")]
    public void PLANS_03_first_review_edge(string held, bool onTime)
    {
        // Care started Monday 3 March 2025; 20 working days later is Monday 31 March.
        var m = Plans("PLANS-03", 1.March(2025), c => c.LookedAfter(3.March(2025))
            .ClaReview(DateOnly.Parse(held, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That(m.Ratio, Is.EqualTo(onTime ? "1/1" : "0/1"));
    }

    [Test]
    public void PLANS_03_second_review_is_due_3_months_after_the_first_and_later_ones_every_6_months()
    {
        Action<ChildBuilder> child = c => c.LookedAfter(3.March(2025)).ClaReview(31.March(2025)).ClaReview(30.June(2025)).ClaReview(5.January(2026));

        Assert.That(Plans("PLANS-03", 1.June(2025), child, extract: 31.January(2026)).Ratio, Is.EqualTo("1/1"));
        var third = Plans("PLANS-03", 1.December(2025), child, extract: 31.January(2026));
        Assert.That(third.Ratio, Is.EqualTo("0/1"));
        Assert.That(third.Exceptions.Single().Detail.DueDate, Is.EqualTo(30.December(2025)));
    }

    [Test]
    public void PLANS_03_a_due_date_recorded_on_the_review_wins_over_the_rule()
    {
        Action<ChildBuilder> child = c => c.LookedAfter(3.March(2025)).ClaReview(held: 3.April(2025), due: 4.April(2025));

        Assert.That(Plans("PLANS-03", 1.March(2025), child).Ratio, Is.EqualTo("0/0"));
        Assert.That(Plans("PLANS-03", 1.April(2025), child).Ratio, Is.EqualTo("1/1"));
    }

    [Test]
    public void PLANS_03_a_cancelled_review_is_not_a_review_held() =>
        Assert.That(Plans("PLANS-03", 1.March(2025), c => c.LookedAfter(3.March(2025)).ClaReview(28.March(2025), cancelled: true)).Ratio,
            Is.EqualTo("0/1"));

    [Test]
    public void PLANS_03_a_child_who_left_care_before_the_due_date_is_not_counted() =>
        Assert.That(Plans("PLANS-03", 1.March(2025), c => c.LookedAfter(3.March(2025), to: 20.March(2025))).Ratio, Is.EqualTo("0/0"));

    [Test]
    public void PLANS_04_pathway_plan_reviewed_within_6_months_as_at_the_extract_date()
    {
        var data = CouncilBuilder.AsAt(31.March(2025))
            .WithChild("InDate", c => c.CareLeaver(pathwayReviewed: 1.October(2024)))
            .WithChild("Late", c => c.CareLeaver(pathwayReviewed: 30.September(2024)))
            .WithChild("Never", c => c.CareLeaver(pathwayReviewed: null))
            .Build();

        var m = Measure.Of("PLANS-04", data, 31.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/3"));
        Assert.That(m.Exceptions.Single(e => e.PersonId == "Never").Detail.DueDate, Is.Null);
    }

    [Test]
    public void PLANS_04_earlier_months_are_not_available_because_the_source_has_no_history()
    {
        var data = CouncilBuilder.AsAt(31.March(2025)).WithChild("C1", c => c.CareLeaver(pathwayReviewed: 1.October(2024))).Build();

        Assert.That(Measure.Of("PLANS-04", data, 1.February(2025)).Council.NotAvailable, Does.Contain("latest"));
    }
}
