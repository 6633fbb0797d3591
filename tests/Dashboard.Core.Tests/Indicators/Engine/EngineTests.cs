using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Engine;

public class EngineTests
{
    private static Dashboard.Core.Indicators.Model.CaseData SmallCouncil() =>
        CouncilBuilder.AsAt(15.March(2025)).WithTeam("T1", area: "North").WithWorker("W1", "T1")
            .WithChild("C1", c => c.Contact(6.January(2025)).Referred(7.January(2025)).AllocatedTo("W1", 7.January(2025))
                .OnCpPlan(3.February(2025), icpcOn: 3.February(2025)).CpVisit(10.February(2025)).CpVisit(10.March(2025)))
            .WithChild("C2", c => c.Contact(5.February(2025)).Referred(12.February(2025), nfa: true))
            .Build();

    [Test]
    public void A_run_covers_every_month_from_the_first_front_door_event_to_the_extract_date()
    {
        var run = new IndicatorEngine().Run(SmallCouncil(), IndicatorSettings.Default);

        Assert.That(run.From, Is.EqualTo(new Month(2025, 1)));
        Assert.That(run.To, Is.EqualTo(new Month(2025, 3)));
        foreach (var indicator in IndicatorCatalogue.All)
        {
            foreach (var month in Month.Range(run.From, run.To))
            {
                Assert.That(run.Find(indicator.Definition.Id, month, Scope.Council), Is.Not.Null, $"{indicator.Definition.Id} {month}");
            }
        }
    }

    [Test]
    public void The_latest_month_is_as_at_the_extract_date_and_earlier_months_as_at_their_last_day()
    {
        var run = new IndicatorEngine().Run(SmallCouncil(), IndicatorSettings.Default, new EngineOptions { IndicatorIds = ["SEEN-01"] });

        Assert.That(run.SeriesFor("SEEN-01", Scope.Council).Select(r => r.AsAt),
            Is.EqualTo(new[] { 31.January(2025), 28.February(2025), 15.March(2025) }));
    }

    [Test]
    public void A_zero_denominator_gives_no_value_not_zero_and_not_an_error()
    {
        var run = new IndicatorEngine().Run(SmallCouncil(), IndicatorSettings.Default, new EngineOptions { IndicatorIds = ["RISK-06"] });

        Assert.That(run.SeriesFor("RISK-06", Scope.Council).Select(r => (r.Denominator, r.Value)),
            Is.All.EqualTo((0, (decimal?)null)));
    }

    [Test]
    public void Results_are_the_same_whatever_the_parallelism()
    {
        var data = SmallCouncil();
        var one = new IndicatorEngine().Run(data, IndicatorSettings.Default, new EngineOptions { MaxDegreeOfParallelism = 1 });
        var many = new IndicatorEngine().Run(data, IndicatorSettings.Default, new EngineOptions { MaxDegreeOfParallelism = 4 });

        Assert.That(many.Results, Is.EqualTo(one.Results));
        Assert.That(many.Exceptions, Is.EqualTo(one.Exceptions));
    }

    [Test]
    public void Scopes_are_council_service_area_team_and_worker()
    {
        var run = new IndicatorEngine().Run(SmallCouncil(), IndicatorSettings.Default, new EngineOptions { IndicatorIds = ["FRONT-04"] });
        var february = run.Results.Where(r => r.Month == new Month(2025, 2)).Select(r => r.Scope).ToList();

        Assert.That(february, Is.EqualTo(new[]
        {
            Scope.Council, new Scope(ScopeLevel.ServiceArea, Allocation.Unknown), new Scope(ScopeLevel.Team, Allocation.Unknown),
            new Scope(ScopeLevel.Worker, Allocation.Unknown),
        }));
    }

    [Test]
    public void Exceptions_can_be_kept_for_the_latest_month_only()
    {
        var data = SmallCouncil();
        var all = new IndicatorEngine().Run(data, IndicatorSettings.Default);
        var latest = new IndicatorEngine().Run(data, IndicatorSettings.Default, new EngineOptions { Exceptions = ExceptionMonths.LatestOnly });

        Assert.That(all.Exceptions.Select(e => e.Month).Distinct().Count(), Is.GreaterThan(1));
        Assert.That(latest.Exceptions.Select(e => e.Month).Distinct(), Is.EqualTo(new[] { new Month(2025, 3) }));
        Assert.That(latest.Results, Is.EqualTo(all.Results));
    }

    [Test]
    public void Streaming_gives_the_same_outputs_as_a_run_one_indicator_month_at_a_time()
    {
        var data = SmallCouncil();
        var run = new IndicatorEngine().Run(data, IndicatorSettings.Default);
        var streamed = new IndicatorEngine().Stream(data, IndicatorSettings.Default).ToList();

        Assert.That(streamed, Has.Count.EqualTo(IndicatorCatalogue.All.Count * 3));
        Assert.That(streamed.SelectMany(o => o.Results), Is.EqualTo(run.Results));
        Assert.That(streamed.All(o => o.Results.All(r => r.IndicatorId == o.IndicatorId && r.Month == o.Month)), Is.True);
    }

    [Test]
    public void A_run_refuses_bad_settings()
    {
        var bad = IndicatorSettings.Default with { CpVisitWorkingDays = -1 };

        Assert.That(() => new IndicatorEngine().Run(SmallCouncil(), bad), Throws.TypeOf<InvalidSettingsException>());
    }

    [Test]
    public void Month_boundaries_are_inclusive_and_months_step_across_years()
    {
        var december = new Month(2024, 12);

        Assert.That(december.First, Is.EqualTo(1.December(2024)));
        Assert.That(december.Last, Is.EqualTo(31.December(2024)));
        Assert.That(december.Contains(31.December(2024)), Is.True);
        Assert.That(december.Next(), Is.EqualTo(new Month(2025, 1)));
        Assert.That(new Month(2024, 2).Last, Is.EqualTo(29.February(2024)), "leap year");
        Assert.That(new Month(2025, 1).AddMonths(-11), Is.EqualTo(new Month(2024, 2)));
        Assert.That(Month.Parse("2025-03").ToString(), Is.EqualTo("2025-03"));
    }
}
