using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Rolling;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data;
using Dashboard.Data.Indicators;
using Dashboard.Reports.Councillor;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Monitoring;
using Dashboard.Reports.Pdf;
using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.Rolling;

/// <summary>
/// Packs on rolling figures (--length 3 or 12): the councillors' pack of the tiny council rates over 12 months what a month
/// leaves too few to rate; each rolling figure is the stored months added up; no SPC verdict is given on them; a length that
/// does not fit the month is refused in one sentence.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RollingPackTests
{
    private string _folder = "";
    private IConnectionFactory _scilly = default!;

    [OneTimeSetUp]
    public async Task PrepareAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"rolling-pack-tests-{Environment.ProcessId}");
        _scilly = Warehouse.Connect(PackTestWarehouse.Target(await PackTestWarehouse.CopyAsync(PackCouncil.Scilly, Path.Combine(_folder, "scilly"))));
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private PackContext Context(FigureLength? length, Month? month = null) =>
        new(_scilly, IndicatorSettings.Default with { CouncilName = "Scilly Test Council" }) { Time = PackTestWarehouse.Clock(), Length = length, Month = month };

    [Test]
    public async Task The_tiny_councils_pack_over_12_months_rates_what_a_month_leaves_too_few_to_rate()
    {
        var month = await CouncillorPack.BuildAsync(Context(FigureLength.OneMonth));
        var year = await CouncillorPack.BuildAsync(Context(FigureLength.TwelveMonths));
        static int Rated(CouncillorPackModel m) => m.Figures.Indicators.Count(i => i.Rag is Rag.Red or Rag.Amber or Rag.Green);

        Assert.Multiple(() =>
        {
            Assert.That(Rated(year), Is.GreaterThan(Rated(month)));
            Assert.That(year.PeriodName, Is.EqualTo("12 months to March 2026"));
            Assert.That(year.DocumentTitle, Does.EndWith(": 12 months to March 2026"));
            Assert.That(year.Figures.Indicators.Where(i => i.Rag is Rag.Red or Rag.Amber or Rag.Green).Select(i => i.Current.Denominator ?? 10),
                Is.All.GreaterThanOrEqualTo(10), "a coloured figure counts at least the minimum");
        });
    }

    [Test]
    public async Task Each_rolling_figure_is_the_stored_months_added_up_and_has_no_spc_verdict()
    {
        var model = await CouncillorPack.BuildAsync(Context(FigureLength.ThreeMonths));
        var stored = await new IndicatorQueries(_scilly).ResultsAsync(new IndicatorFilter
        {
            ScopeLevel = "council", FromPeriod = "2026-01", ToPeriod = "2026-03",
        });
        var compared = 0;
        foreach (var trend in model.Figures.Indicators.Where(t => t.Rolling && t.Current.IsAvailable && !t.Current.Suppressed))
        {
            var months = stored.Where(r => r.IndicatorId == trend.Definition.Id && r.Series is null).ToList();
            Assert.That(months, Has.Count.EqualTo(3), trend.Definition.Id);
            Assert.That((trend.Current.Numerator, trend.Current.Denominator), Is.EqualTo(((int?)months.Sum(r => r.Numerator), (int?)months.Sum(r => r.Denominator))),
                trend.Definition.Id);
            Assert.That(trend.VariationWords, Is.EqualTo("Not judged on rolling figures"));
            Assert.That(trend.Spc.Points, Is.Empty, "no SPC on overlapping figures");
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(3));
        var notRolled = model.Figures.Find("RISK-02");
        Assert.That(notRolled?.Rolling, Is.False.Or.Null, "a count at the month's end keeps its month");
    }

    [Test]
    public async Task The_pack_prints_the_period_on_every_figure_and_says_why_there_is_no_verdict()
    {
        var model = await CouncillorPack.BuildAsync(Context(FigureLength.TwelveMonths));
        var html = await CouncillorPack.RenderHtmlAsync(model, PrintAssets.Load(ReportsFolder.Locate(null)));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<p class=\"figure-period\">12 months to March 2026</p>"));
            Assert.That(html, Does.Contain("Each figure covers the 12 months to March 2026"));
            Assert.That(html, Does.Contain("rolling 12-month figures"), "the charts are the rolling lines");
            Assert.That(html, Does.Not.Contain("measures improving"), "no count of SPC verdicts on rolling figures");
        });
    }

    [Test]
    public void A_length_that_does_not_fit_the_month_is_refused_in_one_sentence()
    {
        var early = Assert.ThrowsAsync<PackLengthException>(() => CouncillorPack.BuildAsync(Context(FigureLength.TwelveMonths, new Month(2023, 6))));
        Assert.That(early!.Message, Does.Contain("12-month figures start at"));
    }

    [Test]
    public async Task The_monitoring_packs_team_figures_are_rolled_like_the_councils()
    {
        var (warehouse, context) = await MonitoringTestData.PrepareAsync(PackCouncil.Small, Path.Combine(_folder, "monitoring"));
        var model = await MonitoringPackBuilder.BuildAsync(context with { Length = FigureLength.ThreeMonths });
        var evidence = model.Letter.Findings.SelectMany(f => f.Indicators).First(i => i.Definition.Id == "SEEN-01");
        var stored = await new IndicatorQueries(warehouse).ResultsAsync(new IndicatorFilter
        {
            IndicatorId = "SEEN-01", ScopeLevel = "team", FromPeriod = model.Month.AddMonths(-2).ToString(), ToPeriod = model.Month.ToString(),
        });
        var sums = stored.Where(r => r.NotAvailable is null && r.Series is null).GroupBy(r => r.ScopeId)
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.Numerator), g.Sum(r => r.Denominator)));

        Assert.That(model.PeriodName, Is.EqualTo($"3 months to {PackText.MonthName(model.Month)}"));
        Assert.That(evidence.Teams.Where(t => t.Now.Numerator is not null).Select(t => (t.TeamId, (t.Now.Numerator!.Value, t.Now.Denominator!.Value))),
            Is.EquivalentTo(sums.Where(s => s.Value.Item2 > 0 || evidence.Teams.Any(t => t.TeamId == s.Key && t.Now.Numerator is not null)).Select(s => (s.Key, s.Value))));
    }
}
