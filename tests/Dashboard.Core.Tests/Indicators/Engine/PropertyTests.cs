using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Tests.Indicators.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.Core.Tests.Indicators.Engine;

/// <summary>
/// Properties every indicator keeps on any data, checked with FsCheck over generated councils (messy on
/// purpose: gaps and overlaps in allocation, workers who change team, open and late everything).
/// </summary>
public class PropertyTests
{
    private static readonly DateOnly Extract = SyntheticCouncil.Start.AddDays(760);

    private static readonly Gen<ChildStory> Story =
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from start in Gen.Choose(0, 740)
        from path in Gen.Choose(0, 3)
        from nfa in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        from workers in Gen.Choose(1, 4)
        from open in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        select new ChildStory(seed, start, path, nfa, workers, open);

    private static readonly Gen<Council> Councils =
        from stories in Gen.ListOf(Story)
        from teams in Gen.Choose(1, 4)
        from workers in Gen.Choose(1, 9)
        select new Council([.. stories], teams, workers);

    /// <summary>The generated input; shrinks by dropping children.</summary>
    public sealed record Council(ChildStory[] Stories, int Teams, int Workers)
    {
        public CaseData Data() => SyntheticCouncil.Build(Stories, Teams, Workers, Extract);

        public override string ToString() => $"{Stories.Length} children, {Teams} teams, {Workers} workers: seeds {string.Join(",", Stories.Select(s => s.Seed))}";
    }

    private static IEnumerable<Council> Shrink(Council c) =>
        Enumerable.Range(0, c.Stories.Length).Select(i => c with { Stories = [.. c.Stories.Where((_, k) => k != i)] });

    private static void Check(Action<Council> property) =>
        Prop.ForAll(Arb.From(Councils, Shrink), property)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(25).WithEndSize(60));

    private static EngineRun Run(Council c) => new IndicatorEngine().Run(c.Data(), IndicatorSettings.Default, new EngineOptions { MaxDegreeOfParallelism = 1 });

    [Test]
    public void A_numerator_never_exceeds_its_denominator() => Check(c =>
    {
        foreach (var r in Run(c).Results)
        {
            if (IndicatorCatalogue.Get(r.IndicatorId).Definition.Unit == IndicatorUnit.Average) continue;
            if (r.Numerator > r.Denominator) throw new InvalidOperationException($"{r} has a numerator over its denominator.");
        }
    });

    [Test]
    public void A_council_s_counts_are_the_sum_of_its_teams_and_of_its_service_areas() => Check(c =>
    {
        foreach (var g in Run(c).Results.Where(r => r.IsAvailable).GroupBy(r => (r.IndicatorId, r.Series, r.Month)))
        {
            var council = g.Single(r => r.Scope.Level == ScopeLevel.Council);
            foreach (var level in new[] { ScopeLevel.Team, ScopeLevel.ServiceArea })
            {
                var parts = g.Where(r => r.Scope.Level == level).ToList();
                if (parts.Sum(r => r.Numerator) != council.Numerator || parts.Sum(r => r.Denominator) != council.Denominator)
                {
                    throw new InvalidOperationException($"{g.Key}: council {council.Numerator}/{council.Denominator} is not the sum of its {level} scopes.");
                }
            }
        }
    });

    [Test]
    public void An_exception_row_exists_for_every_failure_counted_and_for_no_success() => Check(c =>
    {
        var run = Run(c);
        if (run.Exceptions.Any(e => e.Series is not null)) throw new InvalidOperationException("A named series repeated an exception row.");
        var rows = run.Exceptions.GroupBy(e => (e.IndicatorId, e.Month, e.TeamId)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var r in run.Results.Where(r => r.Series is null && r.Scope.Level == ScopeLevel.Team))
        {
            var failures = Failures(IndicatorCatalogue.Get(r.IndicatorId).Definition, r);
            var found = rows.GetValueOrDefault((r.IndicatorId, r.Month, r.Scope.Id));
            if (found != failures) throw new InvalidOperationException($"{r}: {failures} failures counted but {found} exception rows.");
        }
    });

    [Test]
    public void Each_unit_fails_exactly_when_it_counts_against_the_measure() => Check(c =>
    {
        var data = c.Data();
        foreach (var indicator in IndicatorCatalogue.All)
        {
            var d = indicator.Definition;
            foreach (var month in Dashboard.Core.Indicators.Month.Range(data.FirstMonth, data.LastMonth))
            {
                if (IndicatorEngine.NotAvailableReason(d, data, month) is not null) continue;
                foreach (var e in indicator.Evaluate(data, month, IndicatorSettings.Default))
                {
                    var expected = e.Series is null && d.Unit != IndicatorUnit.Average && d.Polarity switch
                    {
                        Polarity.HigherIsBetter => e.InDenominator && !e.InNumerator,
                        Polarity.LowerIsBetter => e.InNumerator,
                        _ => false,
                    };
                    if (e.IsFailure != expected) throw new InvalidOperationException($"{d.Id} {month}: {e} fails = {e.IsFailure}, expected {expected}.");
                    if (d.Unit != IndicatorUnit.Average && e.InNumerator && !e.InDenominator) throw new InvalidOperationException($"{d.Id}: {e} in numerator only.");
                }
            }
        }
    });

    private static int Failures(IndicatorDefinition d, IndicatorResult r) => d.Unit == IndicatorUnit.Average ? 0 : d.Polarity switch
    {
        Polarity.HigherIsBetter => r.Denominator - r.Numerator,
        Polarity.LowerIsBetter => r.Numerator,
        _ => 0,
    };
}
