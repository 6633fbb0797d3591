using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class FrontDoorTests
{
    private static readonly DateOnly Extract = 30.April(2025);

    [Test]
    public void FRONT_01_counts_contacts_in_the_month_whose_outcome_was_a_new_referral()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Contact(3.March(2025), newReferral: true))
            .WithChild("C2", c => c.Contact(31.March(2025), newReferral: false))
            .WithChild("C3", c => c.Contact(1.April(2025), newReferral: true))
            .Build();

        var m = Measure.Of("FRONT-01", data, 1.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Council.Value, Is.EqualTo(50m));
        Assert.That(m.Exceptions, Is.Empty, "a context measure has no failures");
    }

    [Test]
    public void FRONT_01_month_with_no_contacts_has_no_value_not_zero()
    {
        var data = CouncilBuilder.AsAt(Extract).WithChild("C1", c => c.Contact(1.April(2025))).Build();

        var m = Measure.Of("FRONT-01", data, 1.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("0/0"));
        Assert.That(m.Council.Value, Is.Null);
        Assert.That(m.Council.IsAvailable, Is.True);
    }

    [Test]
    public void FRONT_02_a_weekend_in_between_Friday_contact_decided_on_Monday_is_one_working_day()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Contact(7.March(2025)).Referred(10.March(2025)))
            .WithChild("C2", c => c.Contact(7.March(2025)).Referred(11.March(2025)))
            .Build();

        var m = Measure.Of("FRONT-02", data, 1.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        var late = m.Exceptions.Single();
        Assert.That(late.PersonId, Is.EqualTo("C2"));
        Assert.That(late.Detail.DueDate, Is.EqualTo(10.March(2025)));
        Assert.That(late.Detail.DaysOverdue, Is.EqualTo(1));
        Assert.That(late.Detail.InWorkingDays, Is.True);
    }

    [Test]
    public void FRONT_02_Easter_contact_on_Maundy_Thursday_decided_on_Tuesday_is_in_time() =>
        Assert.That(Measure.Of("FRONT-02", CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Contact(17.April(2025)).Referred(22.April(2025))).Build(), 1.April(2025)).Ratio, Is.EqualTo("1/1"));

    [Test]
    public void FRONT_02_same_day_decision_is_in_time_and_a_referral_with_no_contact_is_not_counted()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Contact(12.March(2025)).Referred(12.March(2025)))
            .WithChild("C2", c => c.Referred(12.March(2025)))
            .Build();

        Assert.That(Measure.Of("FRONT-02", data, 1.March(2025)).Ratio, Is.EqualTo("1/1"));
    }

    [Test]
    public void FRONT_02_a_contact_that_already_led_to_an_earlier_referral_is_not_reused()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Contact(3.February(2025)).Referred(3.February(2025)).Referred(12.March(2025)))
            .Build();

        Assert.That(Measure.Of("FRONT-02", data, 1.March(2025)).Ratio, Is.EqualTo("0/0"));
    }

    [Test]
    public void FRONT_03_re_referral_within_365_days_counts_and_its_previous_referral_is_named()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Referred(10.June(2024)).Referred(10.March(2025)))
            .WithChild("C2", c => c.Referred(10.March(2025)))
            .Build();

        var m = Measure.Of("FRONT-03", data, 1.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions.Single().Detail.LastDone, Is.EqualTo(10.June(2024)));
    }

    [TestCase("2023-03-02", true, TestName = "FRONT_03_leap_year_previous_referral_365_days_before_across_29_February_counts")]
    [TestCase("2023-03-01", false, TestName = "FRONT_03_leap_year_previous_referral_366_days_before_does_not_count")]
    [TestCase("2024-03-01", false, TestName = "FRONT_03_another_referral_on_the_same_day_is_not_a_re_referral")]
    public void FRONT_03_window_edges(string previous, bool reReferral)
    {
        var data = CouncilBuilder.AsAt(30.April(2024))
            .WithChild("C1", c => c.Referred(DateOnly.Parse(previous, System.Globalization.CultureInfo.InvariantCulture)).Referred(1.March(2024)))
            .Build();

        var m = Measure.Of("FRONT-03", data, 1.March(2024));

        Assert.That(m.Exceptions.Any(e => e.Date == 1.March(2024)), Is.EqualTo(reReferral));
    }

    [Test]
    public void FRONT_04_counts_referrals_recorded_as_no_further_action()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Referred(5.March(2025), nfa: true))
            .WithChild("C2", c => c.Referred(6.March(2025)))
            .WithChild("C3", c => c.Referred(7.March(2025)))
            .WithChild("C4", c => c.Referred(8.March(2025)))
            .Build();

        var m = Measure.Of("FRONT-04", data, 1.March(2025));

        Assert.That(m.Council.Value, Is.EqualTo(25m));
        Assert.That(m.Exceptions.Select(e => e.PersonId), Is.EqualTo(new[] { "C1" }));
    }

    [Test]
    public void FRONT_05_counts_assessments_authorised_in_the_month_by_their_authorisation_date()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.Referred(3.February(2025)).Assessed(3.February(2025), authorised: 3.March(2025), nfa: true))
            .WithChild("C2", c => c.Referred(3.February(2025)).Assessed(3.February(2025), authorised: 28.February(2025)))
            .WithChild("C3", c => c.Referred(3.February(2025)).Assessed(3.February(2025), authorised: 31.March(2025)))
            .WithChild("C4", c => c.Referred(3.February(2025)).Assessed(3.February(2025)))
            .Build();

        var m = Measure.Of("FRONT-05", data, 1.March(2025));

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions, Is.Empty);
    }

    [Test]
    public void Contacts_missing_from_the_extract_make_FRONT_01_not_available_rather_than_zero()
    {
        var data = CouncilBuilder.AsAt(Extract).WithChild("C1", c => c.Referred(3.March(2025))).Without(DataSource.Contacts).Build();

        var m = Measure.Of("FRONT-01", data, 1.March(2025));

        Assert.That(m.Council.IsAvailable, Is.False);
        Assert.That(m.Council.Value, Is.Null);
        Assert.That(m.Council.NotAvailable, Does.Contain("contacts"));
    }
}
