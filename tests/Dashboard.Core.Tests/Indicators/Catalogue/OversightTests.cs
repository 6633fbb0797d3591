using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class OversightTests
{
    private static readonly DateOnly March31 = 31.March(2025);

    [TestCase("2025-03-03", true, TestName = "OVERSIGHT_01_due_today_oversight_20_working_days_before_is_in_time")]
    [TestCase("2025-02-28", false, TestName = "OVERSIGHT_01_oversight_21_working_days_before_is_late")]
    public void OVERSIGHT_01_edges(string oversight, bool inTime)
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("C1", c => c.Referred(1.February(2025)).Oversight(DateOnly.Parse(oversight, System.Globalization.CultureInfo.InvariantCulture)))
            .Build();

        Assert.That(Measure.Of("OVERSIGHT-01", data, March31).Ratio, Is.EqualTo(inTime ? "1/1" : "0/1"));
    }

    [Test]
    public void OVERSIGHT_01_counts_open_cases_only_and_starts_a_new_case_s_clock_when_it_opened()
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("New", c => c.Referred(20.March(2025)))
            .WithChild("Closed", c => c.Referred(1.January(2025), closed: 15.March(2025)))
            .WithChild("Nfa", c => c.Referred(1.January(2025), nfa: true))
            .WithChild("OldOversight", c => c.Oversight(1.March(2024)).Referred(3.February(2025)))
            .Build();

        var m = Measure.Of("OVERSIGHT-01", data, March31);

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        var row = m.Exceptions.Single();
        Assert.That(row.PersonId, Is.EqualTo("OldOversight"));
        Assert.That(row.Detail.DueDate, Is.EqualTo(3.March(2025)), "20 working days from the case opening, not from last year's oversight");
        Assert.That(row.Detail.Note, Does.Contain("since the case opened"));
    }

    [Test]
    public void OVERSIGHT_01_open_cases_include_plans_and_care_without_an_open_referral()
    {
        var data = CouncilBuilder.AsAt(March31)
            .WithChild("Cp", c => c.OnCpPlan(1.January(2025)).Oversight(25.March(2025)))
            .WithChild("Cla", c => c.LookedAfter(1.January(2025)))
            .Build();

        Assert.That(Measure.Of("OVERSIGHT-01", data, March31).Ratio, Is.EqualTo("1/2"));
    }

    [Test]
    public void OVERSIGHT_01_is_not_available_without_oversight_records_rather_than_zero()
    {
        var data = CouncilBuilder.AsAt(March31).WithChild("C1", c => c.Referred(1.February(2025))).Without(DataSource.Oversight).Build();

        var m = Measure.Of("OVERSIGHT-01", data, March31);

        Assert.That(m.Council.Value, Is.Null);
        Assert.That(m.Council.NotAvailable, Does.Contain("oversight"));
    }

    /// <summary>
    /// Three teams of 100 referrals, one worker each: NFA rates 10%, 40% and 10%; the council's rate is 20%.
    /// At n = 100 the 99.8% limits are 20% +/- 3.090232 x 4% = 7.64% to 32.36%: only team B (and its worker) is out.
    /// </summary>
    [Test]
    public void OVERSIGHT_02_counts_teams_and_workers_outside_the_council_s_99_8_percent_funnel()
    {
        var builder = CouncilBuilder.AsAt(March31).WithTeam("A").WithTeam("B").WithTeam("C")
            .WithWorker("WA", "A").WithWorker("WB", "B").WithWorker("WC", "C");
        foreach (var (team, nfas) in new[] { ("A", 10), ("B", 40), ("C", 10) })
        {
            for (var i = 0; i < 100; i++)
            {
                var nfa = i < nfas;
                builder.WithChild($"{team}{i}", c => c.Referred(3.March(2025), nfa: nfa, worker: "W" + team));
            }
        }

        var m = Measure.Of("OVERSIGHT-02", builder.Build(), March31);

        Assert.That(m.Ratio, Is.EqualTo("2/6"), "3 teams and 3 workers tested; team B and worker WB outside");
        Assert.That(m.Team("B").Numerator, Is.EqualTo(2));
        Assert.That(m.Team("A").Numerator, Is.Zero);
        Assert.That(m.Exceptions.All(e => e.PersonId is null), Is.True, "no child is named");
        Assert.That(m.Exceptions.Select(e => e.Detail.Note), Has.Some.Contains("upper limit 32.4%"));
        Assert.That(m.Exceptions.Select(e => e.Detail.What).Distinct(),
            Is.EqualTo(new[] { "Referrals ending in no further action: higher than the council, outside its 99.8% funnel limits" }),
            "a row says what happened (team B decides NFA more often), not the rate it should have had");
    }

    [Test]
    public void Lists_that_say_what_went_wrong_are_headed_What_happened_and_the_others_What_was_due()
    {
        var happened = IndicatorCatalogue.All.Where(i => i.Definition.ExceptionWordsHeading == "What happened").Select(i => i.Definition.Id);

        Assert.That(happened, Is.EquivalentTo(new[] { "PARTNERS-01", "PARTNERS-02", "PARTNERS-03", "OVERSIGHT-02" }));
        Assert.That(IndicatorCatalogue.Find("SEEN-01")!.Definition.ExceptionWordsHeading, Is.EqualTo("What was due"));
    }

    /// <summary>
    /// The figure is a share of the tests made, rated against 5% (lower is better), not a raw count against 0:
    /// the three teams above put 2 of 6 tests outside (33.3%, red); three teams deciding alike put none outside (green).
    /// </summary>
    [TestCase(40, "2/6", 33.3, Rag.Red)]
    [TestCase(12, "0/6", 0.0, Rag.Green)]
    public void OVERSIGHT_02_is_the_share_of_tests_outside_the_limits_rated_against_its_target(int teamBNfas, string ratio, double percent, Rag rag)
    {
        var builder = CouncilBuilder.AsAt(March31).WithTeam("A").WithTeam("B").WithTeam("C")
            .WithWorker("WA", "A").WithWorker("WB", "B").WithWorker("WC", "C");
        foreach (var (team, nfas) in new[] { ("A", 10), ("B", teamBNfas), ("C", 10) })
        {
            for (var i = 0; i < 100; i++) builder.WithChild($"{team}{i}", c => c.Referred(3.March(2025), nfa: i < nfas, worker: "W" + team));
        }
        var definition = IndicatorCatalogue.Find("OVERSIGHT-02")!.Definition;

        var m = Measure.Of("OVERSIGHT-02", builder.Build(), March31);

        Assert.That(definition.Unit, Is.EqualTo(IndicatorUnit.Percent));
        Assert.That(definition.DefaultTarget, Is.EqualTo(5m), "documented in the definition: room for a team whose work differs");
        Assert.That(definition.Definition, Does.Contain("target of 5%"));
        Assert.That(m.Ratio, Is.EqualTo(ratio));
        Assert.That(m.Council.Value, Is.EqualTo((decimal)percent).Within(0.05m));
        Assert.That(RagRating.Of(m.Council.Value, definition.DefaultTarget, definition.Polarity), Is.EqualTo(rag));
    }

    [Test]
    public void OVERSIGHT_02_does_not_test_a_worker_with_fewer_decisions_than_the_setting()
    {
        var builder = CouncilBuilder.AsAt(March31).WithTeam("A").WithWorker("W1", "A");
        for (var i = 0; i < 19; i++) builder.WithChild($"C{i}", c => c.Referred(3.March(2025), worker: "W1"));

        var data = builder.Build();
        Assert.That(Measure.Of("OVERSIGHT-02", data, March31).Ratio, Is.EqualTo("0/1"), "the team alone");
        Assert.That(Measure.Of("OVERSIGHT-02", data, March31, IndicatorSettings.Default with { FunnelMinimumWorkerDecisions = 19 }).Ratio,
            Is.EqualTo("0/2"));
        Assert.That(Measure.Of("OVERSIGHT-02", data, March31).HasScope(new Scope(ScopeLevel.Worker, "W1")), Is.False);
    }
}
