using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Engine;

public class AllocationTests
{
    private static CouncilBuilder TwoTeams() =>
        CouncilBuilder.AsAt(31.March(2025)).WithTeam("T1", area: "North").WithTeam("T2", area: "South").WithWorker("W1", "T1").WithWorker("W2", "T2");

    [Test]
    public void A_child_who_moves_team_mid_month_counts_where_allocated_on_each_rule_s_date()
    {
        var data = TwoTeams()
            .WithChild("C1", c => c.AllocatedTo("W1", 1.January(2025), to: 14.March(2025)).AllocatedTo("W2", 15.March(2025))
                .OnCpPlan(1.January(2025)).CpVisit(10.March(2025), alone: false).CpVisit(20.March(2025), alone: true))
            .Build();

        var visits = Measure.Of("SEEN-02", data, 31.March(2025));
        var asAt = Measure.Of("SEEN-01", data, 31.March(2025));

        Assert.That(visits.Team("T1").Denominator, Is.EqualTo(1), "the visit on 10 March, while with W1");
        Assert.That(visits.Team("T2").Denominator, Is.EqualTo(1), "the visit on 20 March, after the move");
        Assert.That(visits.Exceptions.Single().WorkerId, Is.EqualTo("W1"));
        Assert.That(asAt.HasScope(new Scope(ScopeLevel.Team, "T1")), Is.False, "as at 31 March the child is in T2 only");
        Assert.That(asAt.Team("T2").Denominator, Is.EqualTo(1));
        Assert.That(asAt.At(new Scope(ScopeLevel.ServiceArea, "South")).Denominator, Is.EqualTo(1));
    }

    [Test]
    public void The_team_is_the_worker_s_team_on_the_date_so_a_worker_who_moves_takes_the_case_with_them()
    {
        var data = CouncilBuilder.AsAt(31.March(2025)).WithTeam("T1").WithTeam("T2")
            .WithWorker("W1", "T1", from: 1.January(2020), to: 14.March(2025)).WithWorker("W1", "T2", from: 15.March(2025))
            .WithChild("C1", c => c.AllocatedTo("W1", 1.January(2025), team: "T1"))
            .Build();

        Assert.That(data.Allocation.At("C1", 10.March(2025)), Is.EqualTo(new Allocated("T1", "W1")));
        Assert.That(data.Allocation.At("C1", 20.March(2025)), Is.EqualTo(new Allocated("T2", "W1")));
    }

    [Test]
    public void A_referral_decision_counts_against_the_front_door_that_made_it_not_the_team_the_case_went_to_that_day()
    {
        // The front door (W1, T1) decides the referral on 3 March; the case is allocated to an assessment
        // worker (W2, T2) the same day, which is the allocation "on the date".
        var data = TwoTeams()
            .WithChild("C1", c => c.Referred(3.March(2025), nfa: true, team: "T1", worker: "W1").AllocatedTo("W2", 3.March(2025)))
            .Build();

        Assert.That(data.Allocation.At("C1", 3.March(2025)), Is.EqualTo(new Allocated("T2", "W2")));
        Assert.That(data.Allocation.DecidedBy("C1", 3.March(2025), "T1", "W1"), Is.EqualTo(new Allocated("T1", "W1")));
        var nfa = Measure.Of("FRONT-04", data, 31.March(2025));
        Assert.That(nfa.Team("T1").Numerator, Is.EqualTo(1));
        Assert.That(nfa.HasScope(new Scope(ScopeLevel.Team, "T2")), Is.False);
    }

    [Test]
    public void A_decision_with_no_recorded_decider_falls_back_to_the_allocation_on_its_date()
    {
        var data = TwoTeams().WithChild("C1", c => c.AllocatedTo("W2", 1.March(2025))).Build();

        Assert.That(data.Allocation.DecidedBy("C1", 3.March(2025), null, null), Is.EqualTo(new Allocated("T2", "W2")));
        Assert.That(data.Allocation.DecidedBy("C1", 3.March(2025), "T1", null), Is.EqualTo(new Allocated("T1", Allocation.Unknown)));
    }

    [Test]
    public void When_allocations_overlap_the_later_start_wins()
    {
        var data = TwoTeams().WithChild("C1", c => c.AllocatedTo("W1", 1.January(2025)).AllocatedTo("W2", 1.March(2025))).Build();

        Assert.That(data.Allocation.At("C1", 28.February(2025)).WorkerId, Is.EqualTo("W1"));
        Assert.That(data.Allocation.At("C1", 1.March(2025)).WorkerId, Is.EqualTo("W2"));
    }

    [Test]
    public void An_allocation_covers_its_last_day()
    {
        var data = TwoTeams().WithChild("C1", c => c.AllocatedTo("W1", 1.January(2025), to: 31.January(2025))).Build();

        Assert.That(data.Allocation.At("C1", 31.January(2025)).WorkerId, Is.EqualTo("W1"));
        Assert.That(data.Allocation.At("C1", 1.February(2025)), Is.EqualTo(Allocated.Nobody));
    }

    [Test]
    public void With_no_allocation_the_event_s_own_worker_and_team_are_used_then_unknown()
    {
        var data = TwoTeams().WithChild("C1", c => c.Referred(3.March(2025))).Build();

        Assert.That(data.Allocation.At("C1", 3.March(2025), "T1", "W2"), Is.EqualTo(new Allocated("T2", "W2")), "the worker's own team wins");
        Assert.That(data.Allocation.At("C1", 3.March(2025), "T1", null), Is.EqualTo(new Allocated("T1", Allocation.Unknown)));
        Assert.That(data.Allocation.At("C1", 3.March(2025)), Is.EqualTo(Allocated.Nobody));
        Assert.That(data.ServiceAreaOf(Allocation.Unknown), Is.EqualTo(Allocation.Unknown));
    }
}
