using System.Diagnostics;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Engine;

/// <summary>
/// The budget: every indicator, every month of five years, every scope, for a large council (about 25,000
/// referrals a year) in 20 s and 1.5 GiB on 2 cores. Explicit, and it asserts nothing about time (a unit test
/// must not be flaky on a busy machine); it prints timings per stage and per indicator. Run it in Release:
/// dotnet test tests/Dashboard.Core.Tests -c Release --filter "FullyQualifiedName~PerformanceTests" --logger "console;verbosity=detailed"
/// </summary>
[Explicit("Builds a large council and times a full run; prints timings, asserts none.")]
public class PerformanceTests
{
    [Test]
    public void Large_council_five_years_every_indicator_every_scope()
    {
        var facts = SyntheticCouncil.Random(seed: 20251122, referralsPerYear: 25_000, years: 5).Facts;
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var data = new CaseData(facts);
        var built = clock.Elapsed;

        clock.Restart();
        var run = new IndicatorEngine().Run(data, IndicatorSettings.Default);
        var ran = clock.Elapsed;

        TestContext.Out.WriteLine($"{Count(facts):N0} facts: lookups built in {built.TotalSeconds:F1} s");
        TestContext.Out.WriteLine($"{run.Results.Count:N0} results and {run.Exceptions.Count:N0} exception rows, {run.From} to {run.To}, in {ran.TotalSeconds:F1} s");
        TestContext.Out.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB (facts included) on {Environment.ProcessorCount} processors");
        foreach (var indicator in IndicatorCatalogue.All)
        {
            clock.Restart();
            foreach (var month in Month.Range(run.From, run.To)) IndicatorEngine.Evaluate(indicator, data, month, IndicatorSettings.Default);
            TestContext.Out.WriteLine($"  {indicator.Definition.Id}: {clock.Elapsed.TotalSeconds:F2} s on one thread (shared lookups already built)");
        }
        Assert.That(run.Results, Is.Not.Empty);
    }

    private static int Count(CaseFacts f) =>
        f.Contacts.Count + f.Referrals.Count + f.Involvements.Count + f.Assessments.Count + f.CinPlans.Count + f.CinVisits.Count
        + f.S47Enquiries.Count + f.StrategyDiscussions.Count + f.MeetingAttendance.Count + f.Icpcs.Count + f.CpPlans.Count + f.CpVisits.Count
        + f.CpReviews.Count + f.ClaEpisodes.Count + f.Placements.Count + f.ClaVisits.Count + f.ClaReviews.Count + f.CareLeavers.Count
        + f.Oversight.Count;
}
