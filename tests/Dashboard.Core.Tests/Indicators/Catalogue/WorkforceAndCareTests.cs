using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class WorkforceAndCareTests
{
    private static readonly DateOnly March31 = 31.March(2025);

    [Test]
    public void WORKFORCE_01_three_workers_in_the_12_months_to_the_as_at_date_counts_and_one_who_left_before_does_not()
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("Three", c => c.Referred(1.January(2024))
                .AllocatedTo("W1", 1.January(2024), to: 1.April(2024)).AllocatedTo("W2", 2.April(2024), to: 31.December(2024)).AllocatedTo("W3", 1.January(2025)))
            .WithChild("Two", c => c.Referred(1.January(2024))
                .AllocatedTo("W1", 1.January(2024), to: 31.March(2024)).AllocatedTo("W2", 1.April(2024), to: 31.December(2024)).AllocatedTo("W3", 1.January(2025)))
            .Build();

        var m = Measure.Of("WORKFORCE-01", data, March31);

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions.Single().PersonId, Is.EqualTo("Three"));
        Assert.That(m.Exceptions.Single().Detail.Note, Does.StartWith("3 workers since 2024-04-01"));
        Assert.That(m.Exceptions.Single().Detail.What, Is.EqualTo("3 social workers in 12 months (fewer than 3 expected)"), "the row says what went wrong");
    }

    [Test]
    public void WORKFORCE_02_is_allocated_open_children_over_workers_holding_a_case_and_each_worker_s_own_caseload()
    {
        var data = CouncilBuilder.AsAt(March31).WithTeam("T1").WithTeam("T2").WithWorker("W1", "T1").WithWorker("W2", "T2")
            .WithChild("A", c => c.Referred(1.January(2025)).AllocatedTo("W1", 1.January(2025)))
            .WithChild("B", c => c.Referred(1.January(2025)).AllocatedTo("W1", 1.January(2025)))
            .WithChild("C", c => c.Referred(1.January(2025)).AllocatedTo("W2", 1.January(2025)))
            .WithChild("Unallocated", c => c.Referred(1.January(2025)))
            .WithChild("Closed", c => c.Referred(1.January(2025), closed: 1.March(2025)).AllocatedTo("W2", 1.January(2025), to: 1.March(2025)))
            .Build();

        var m = Measure.Of("WORKFORCE-02", data, March31);

        Assert.That(m.Ratio, Is.EqualTo("3/2"));
        Assert.That(m.Council.Value, Is.EqualTo(1.5m));
        Assert.That(m.Worker("W1").Value, Is.EqualTo(2m));
        Assert.That(m.Team("T2").Value, Is.EqualTo(1m));
        Assert.That(m.Exceptions, Is.Empty);
    }

    [Test]
    public void CARE_01_counts_placements_starting_in_the_12_months_to_the_as_at_date()
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("Three", c => c.LookedAfter(1.January(2024)).Placed(1.April(2024)).Placed(1.August(2024)).Placed(31.March(2025)))
            .WithChild("Two", c => c.LookedAfter(1.January(2024)).Placed(31.March(2024)).Placed(1.August(2024)).Placed(1.March(2025)))
            .Build();

        var m = Measure.Of("CARE-01", data, March31);

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions.Single().PersonId, Is.EqualTo("Three"));
        Assert.That(m.Exceptions.Single().Detail.What, Is.EqualTo("3 placements in 12 months (fewer than 3 expected)"));
    }

    [Test]
    public void CARE_01_does_not_count_temporary_placements_T0_to_T4_as_moves()
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("Holiday", c => c.LookedAfter(1.January(2024)).Placed(1.April(2024)).Placed(1.August(2024), type: "T2")
                .Placed(8.August(2024)).Placed(1.January(2025), type: "T4"))
            .WithChild("Moved", c => c.LookedAfter(1.January(2024)).Placed(1.April(2024)).Placed(1.August(2024), type: "K2")
                .Placed(1.January(2025), type: "U4"))
            .Build();

        var m = Measure.Of("CARE-01", data, March31);

        Assert.That(m.Ratio, Is.EqualTo("1/2"), "4 placements, 2 of them temporary, is 2 moves");
        Assert.That(m.Exceptions.Single().PersonId, Is.EqualTo("Moved"));
    }

    [TestCase("T", 0)]
    [TestCase("U", 0)]
    [TestCase("P", 1)]
    [TestCase("B", 1)]
    public void CARE_01_a_change_of_placement_with_the_same_carer_is_not_a_move(string reasonForNewEpisode, int counted)
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("A", c => c.LookedAfter(1.January(2024)).Placed(1.May(2024)).Placed(1.September(2024))
                .PlacedByEpisode(1.February(2025), reasonForNewEpisode, type: "A5"))
            .Build();

        var m = Measure.Of("CARE-01", data, March31);

        Assert.That(m.Ratio, Is.EqualTo($"{counted}/1"), $"reason for new episode {reasonForNewEpisode}");
    }

    [Test]
    public void CARE_01_a_period_of_care_ending_on_the_as_at_day_is_not_looked_after_that_day()
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("LeftOn31March", c => c.LookedAfter(1.January(2024), to: March31)
                .Placed(1.April(2024)).Placed(1.August(2024)).Placed(1.January(2025)))
            .WithChild("LeftOn1April", c => c.LookedAfter(1.January(2024), to: 1.April(2025))
                .Placed(1.April(2024)).Placed(1.August(2024)).Placed(1.January(2025)))
            .Build();

        var m = Measure.Of("CARE-01", data, March31);

        Assert.That(m.Ratio, Is.EqualTo("1/1"), "the DfE's 'looked after at 31 March': ceasing on the day is not looked after on it");
        Assert.That(m.Exceptions.Single().PersonId, Is.EqualTo("LeftOn1April"));
        Assert.That(Measure.Of("CARE-01", data, 28.February(2025)).Ratio, Is.EqualTo("2/2"), "both were looked after at the end of February");
    }

    [Test]
    public void CARE_02_and_03_care_leavers_in_touch_and_in_suitable_accommodation()
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("A", c => c.CareLeaver(inTouch: "YES", suitable: true))
            .WithChild("B", c => c.CareLeaver(inTouch: "YES", suitable: null))
            .WithChild("C", c => c.CareLeaver(inTouch: "NO", suitable: true))
            .WithChild("D", c => c.CareLeaver(inTouch: "REFU", suitable: false))
            .Build();

        Assert.That(Measure.Of("CARE-02", data, March31).Ratio, Is.EqualTo("2/4"));
        Assert.That(Measure.Of("CARE-02", data, March31).Exceptions.Select(e => e.Detail.What), Is.All.EqualTo("Care leaver not in touch"));
        var care03 = Measure.Of("CARE-03", data, March31);
        Assert.That(care03.Ratio, Is.EqualTo("1/2"), "out of the care leavers in touch");
        Assert.That(care03.Exceptions.Single().Detail.Note, Does.Contain("suitability not recorded"));
        Assert.That(care03.Exceptions.Single().Detail.What, Is.EqualTo("Care leaver not in suitable accommodation"));
    }

    [Test]
    public void CARE_02_earlier_months_are_not_available()
    {
        var data = CouncilBuilder.AsAt(March31).WithChild("A", c => c.CareLeaver()).Build();

        var m = Measure.Of("CARE-02", data, 1.January(2025));

        Assert.That(m.Council.IsAvailable, Is.False);
        Assert.That(m.HasScope(new Scope(ScopeLevel.Team, "(unknown)")), Is.False);
    }
}
