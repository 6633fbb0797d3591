using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class RiskTests
{
    [Test]
    public void RISK_01_authorised_on_working_day_45_is_in_time_and_on_day_46_is_late()
    {
        // Referral Monday 3 March 2025; Easter (18 and 21 April) and early May (5 May) fall in between.
        // Day 45 is Thursday 8 May, day 46 Friday 9 May.
        var data = CouncilBuilder.AsAt(31.May(2025))
            .WithChild("C45", c => c.Referred(3.March(2025)).Assessed(4.March(2025), authorised: 8.May(2025)))
            .WithChild("C46", c => c.Referred(3.March(2025)).Assessed(4.March(2025), authorised: 9.May(2025)))
            .Build();

        var m = Measure.Of("RISK-01", data, 1.May(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        var late = m.Exceptions.Single();
        Assert.That(late.PersonId, Is.EqualTo("C46"));
        Assert.That(late.Detail.DueDate, Is.EqualTo(8.May(2025)));
        Assert.That(late.Detail.DaysOverdue, Is.EqualTo(1));
        Assert.That(late.Detail.InWorkingDays, Is.True);
    }

    [Test]
    public void RISK_01_clock_starts_at_the_assessment_start_when_its_referral_is_not_held()
    {
        var data = CouncilBuilder.AsAt(31.May(2025))
            .WithChild("C1", c => c.Referred(3.January(2025)).Assessed(3.March(2025), authorised: 8.May(2025), ofNoReferral: true))
            .Build();

        Assert.That(Measure.Of("RISK-01", data, 1.May(2025)).Ratio, Is.EqualTo("1/1"));
    }

    [Test]
    public void RISK_02_open_assessment_on_working_day_45_is_not_yet_overdue_and_day_46_is()
    {
        // As at Monday 31 March 2025: a referral on Monday 27 January is 45 working days old, Friday 24 January 46.
        var data = CouncilBuilder.AsAt(30.April(2025))
            .WithChild("C45", c => c.Referred(27.January(2025)).Assessed(28.January(2025)))
            .WithChild("C46", c => c.Referred(24.January(2025)).Assessed(27.January(2025)))
            .WithChild("Done", c => c.Referred(24.January(2025)).Assessed(27.January(2025), authorised: 31.March(2025)))
            .WithChild("Later", c => c.Referred(24.January(2025)).Assessed(27.January(2025), authorised: 1.April(2025)))
            .Build();

        var m = Measure.Of("RISK-02", data, 1.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("2/3"), "open as at 31 March: C45, C46 and Later; overdue: C46 and Later");
        Assert.That(m.Council.Value, Is.EqualTo(2m), "a count");
        Assert.That(m.Exceptions.Select(e => e.PersonId), Is.EquivalentTo(new[] { "C46", "Later" }));
        Assert.That(m.Exceptions.All(e => e.Detail.DaysOverdue == 1), Is.True);
    }

    [Test]
    public void RISK_03_counts_enquiries_ending_in_the_month_with_a_conference_held_or_booked()
    {
        var data = CouncilBuilder.AsAt(30.April(2025))
            .WithChild("Held", c => c.Section47(3.March(2025), ended: 14.March(2025)).InitialConference(20.March(2025)))
            .WithChild("Booked", c => c.Section47(3.March(2025), ended: 14.March(2025), conferenceBooked: true))
            .WithChild("Neither", c => c.Section47(3.March(2025), ended: 14.March(2025), conferenceBooked: false))
            .WithChild("Open", c => c.Section47(3.March(2025)))
            .Build();

        Assert.That(Measure.Of("RISK-03", data, 1.March(2025)).Ratio, Is.EqualTo("2/3"));
    }

    [Test]
    public void RISK_04_Christmas_and_New_Year_a_conference_on_working_day_15_is_in_time_and_day_16_is_late()
    {
        // Enquiry starts Monday 16 December 2024; 25, 26 December and 1 January are holidays: day 15 is 9 January 2025.
        var data = CouncilBuilder.AsAt(31.January(2025))
            .WithChild("C15", c => c.Section47(16.December(2024)).InitialConference(9.January(2025)))
            .WithChild("C16", c => c.Section47(16.December(2024)).InitialConference(10.January(2025)))
            .Build();

        var m = Measure.Of("RISK-04", data, 1.January(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions.Single().Detail.DueDate, Is.EqualTo(9.January(2025)));
    }

    [Test]
    public void RISK_04_a_transfer_in_conference_is_excluded_from_timeliness()
    {
        var data = CouncilBuilder.AsAt(31.January(2025))
            .WithChild("Moved", c => c.Section47(1.October(2024)).InitialConference(9.January(2025), transferIn: true))
            .WithChild("Ours", c => c.Section47(2.January(2025)).InitialConference(9.January(2025)))
            .WithChild("NoEnquiry", c => c.InitialConference(9.January(2025), noEnquiry: true))
            .Build();

        var m = Measure.Of("RISK-04", data, 1.January(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/1"));
    }

    [Test]
    public void RISK_05_a_plan_for_a_child_who_had_a_plan_before_is_a_repeat()
    {
        var data = CouncilBuilder.AsAt(31.March(2025))
            .WithChild("Again", c => c.OnCpPlan(1.June(2021), to: 1.June(2022)).OnCpPlan(10.March(2025)))
            .WithChild("First", c => c.OnCpPlan(10.March(2025)))
            .Build();

        var m = Measure.Of("RISK-05", data, 1.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions.Single().PersonId, Is.EqualTo("Again"));
    }

    [TestCase("2022-02-28", true, TestName = "RISK_06_leap_year_plan_from_29_February_reaches_two_years_on_28_February")]
    [TestCase("2022-02-27", false, TestName = "RISK_06_leap_year_plan_from_29_February_ending_27_February_is_under_two_years")]
    public void RISK_06_two_year_edge(string end, bool longPlan)
    {
        var ended = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);
        var data = CouncilBuilder.AsAt(28.February(2022)).WithChild("C1", c => c.OnCpPlan(29.February(2020), to: ended)).Build();

        var m = Measure.Of("RISK-06", data, 1.February(2022));

        Assert.That(m.Ratio, Is.EqualTo(longPlan ? "1/1" : "0/1"));
    }
}
