using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Themes;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Themes;

/// <summary>The evidence behind a finding, checked against the stored figures read the general way (IndicatorQueries).</summary>
public sealed class FindingEvidenceTests
{
    private static readonly DateOnly Letter = new(2025, 6, 12);

    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        await ThemesTestSupport.AddFindingAsync(_host, Letter, Theme.Seen, "Children are not seen often enough", "SEEN-01", "SEEN-02");
        await ThemesTestSupport.AddFindingAsync(_host, Letter, Theme.Risk, "Too many assessments are late", "RISK-02");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private async Task<IReadOnlyList<StoredIndicator>> CouncilSeriesAsync(string indicatorId) =>
        await Service<IndicatorQueries>().ResultsAsync(new IndicatorFilter { IndicatorId = indicatorId, ScopeLevel = "council" });

    [TestCase("SEEN-01")]
    [TestCase("SEEN-02")]
    [TestCase("RISK-02")]
    public async Task The_evidence_matches_the_stored_figures_from_the_letter_to_the_latest_month(string indicatorId)
    {
        var page = await Service<ThemesService>().GetAsync(ThemesTestSupport.ViewerFor(AppRole.Director), null);
        var series = await CouncilSeriesAsync(indicatorId);
        var definition = IndicatorCatalogue.Get(indicatorId).Definition;
        var evidence = page.Themes.SelectMany(t => t.Findings).SelectMany(f => f.Indicators).Single(e => e.Definition.Id == indicatorId);

        var letterRow = series.Single(r => r.Period == "2025-06");
        var latestRow = series.Single(r => r.Period == "2026-03");
        Assert.That(page.Period, Is.EqualTo(new Month(2026, 3)), "the latest month by default");
        Assert.That(evidence.AtLetter.Value, Is.EqualTo(letterRow.Value));
        Assert.That(evidence.Latest.Value, Is.EqualTo(latestRow.Value));
        Assert.That(evidence.Latest.Text, Is.EqualTo(IndicatorValue.Format(definition.Unit, latestRow.Value)));

        var decimals = definition.Unit == IndicatorUnit.Count ? 0 : 1;
        var change = Math.Round(latestRow.Value!.Value, decimals, MidpointRounding.AwayFromZero) - Math.Round(letterRow.Value!.Value, decimals, MidpointRounding.AwayFromZero);
        Assert.That(evidence.Change, Is.EqualTo(change));
        var expected = change == 0 ? ChangeDirection.NoChange
            : (change > 0) == (definition.Polarity == Polarity.HigherIsBetter) ? ChangeDirection.Better : ChangeDirection.Worse;
        Assert.That(evidence.Direction, Is.EqualTo(expected));

        var target = Service<IndicatorSettings>().TargetFor(indicatorId);
        Assert.That(evidence.Rag, Is.EqualTo(RagRating.Of(latestRow.Value, target, definition.Polarity)));

        // SPC over the months from the letter on, from the stored rows themselves.
        var sinceLetter = series.Where(r => string.CompareOrdinal(r.Period, "2025-06") >= 0 && r.Value is not null)
            .Select(r => new SpcInput(Month.Parse(r.Period), r.Value, r.Numerator, r.Denominator)).ToList();
        var spc = Spc.Analyse(sinceLetter, definition.Polarity, definition.Unit, target);
        Assert.That(evidence.Spc!.Points.Select(p => p.Month), Is.EqualTo(spc.Points.Select(p => p.Month)));
        Assert.That(evidence.Spc.Points, Has.Count.EqualTo(10), "June 2025 to March 2026");
        Assert.That(evidence.Spc.Variation, Is.EqualTo(spc.Variation));
        Assert.That(evidence.Spc.Mean, Is.EqualTo(spc.Mean));
        Assert.That(evidence.Chart, Is.Not.Null);
    }

    [Test]
    public async Task The_focused_query_returns_the_same_council_rows_as_the_general_one()
    {
        var ids = IndicatorCatalogue.All.Select(i => i.Definition.Id).ToArray();
        var focused = await Service<FindingEvidenceQueries>().CouncilHeadlinesAsync(ids, "2026-03");
        var general = await Service<IndicatorQueries>().ResultsAsync(new IndicatorFilter { ScopeLevel = "council", ToPeriod = "2026-03" });
        Assert.That(focused, Is.Not.Empty);
        Assert.That(focused, Is.EquivalentTo(general));
    }

    [Test]
    public async Task A_chosen_month_ends_the_evidence_there()
    {
        var page = await Service<ThemesService>().GetAsync(ThemesTestSupport.ViewerFor(AppRole.Analyst), "2025-12");
        var evidence = page.Themes.SelectMany(t => t.Findings).SelectMany(f => f.Indicators).First(e => e.Definition.Id == "SEEN-01");
        var stored = (await CouncilSeriesAsync("SEEN-01")).Single(r => r.Period == "2025-12");
        Assert.That(evidence.Latest.Value, Is.EqualTo(stored.Value));
        Assert.That(evidence.Spc!.Points[^1].Month, Is.EqualTo(new Month(2025, 12)));
    }

    [Test]
    public async Task Themes_with_no_finding_list_every_indicator_as_it_stands()
    {
        var page = await Service<ThemesService>().GetAsync(ThemesTestSupport.ViewerFor(AppRole.Director), null);
        var care = page.Themes.Single(t => t.Theme == Theme.Care);
        Assert.That(care.Findings, Is.Empty);
        Assert.That(care.Indicators.Select(i => i.Definition.Id), Is.EqualTo(new[] { "CARE-01", "CARE-02", "CARE-03" }));
        var stored = (await CouncilSeriesAsync("CARE-01")).Single(r => r.Period == "2026-03");
        Assert.That(care.Indicators[0].Latest.Value, Is.EqualTo(stored.Value));
        Assert.That(page.Themes.Single(t => t.Theme == Theme.Seen).Indicators, Is.Empty, "a theme with findings shows them instead");
    }

    [Test]
    public void The_change_is_called_better_or_worse_by_the_indicator_polarity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FigureChange.Of(80m, 85.04m, IndicatorUnit.Percent, Polarity.HigherIsBetter),
                Is.EqualTo(((decimal?)5.0m, "up 5.0 percentage points", ChangeDirection.Better)));
            Assert.That(FigureChange.Of(80m, 85m, IndicatorUnit.Percent, Polarity.LowerIsBetter).Direction, Is.EqualTo(ChangeDirection.Worse));
            Assert.That(FigureChange.Of(12m, 9m, IndicatorUnit.Count, Polarity.LowerIsBetter),
                Is.EqualTo(((decimal?)-3m, "down 3", ChangeDirection.Better)));
            Assert.That(FigureChange.Of(30.01m, 29.99m, IndicatorUnit.Percent, Polarity.HigherIsBetter).Direction,
                Is.EqualTo(ChangeDirection.NoChange), "a change that rounds away is no change");
            Assert.That(FigureChange.Of(20m, 25m, IndicatorUnit.Percent, Polarity.Neither).Direction, Is.EqualTo(ChangeDirection.Moved));
            Assert.That(FigureChange.Of(null, 25m, IndicatorUnit.Percent, Polarity.HigherIsBetter).Direction, Is.EqualTo(ChangeDirection.Unknown));
        });
    }

    [Test]
    public void A_suppressed_month_gives_no_value_to_the_evidence()
    {
        var row = new StoredIndicator("SEEN-01", null, "2026-03", new DateOnly(2026, 3, 31), "council", "C", "Council", 38, 40, 95m, null);
        var figure = EvidenceCalculator.Figure(row, IndicatorUnit.Percent, SuppressionRule.Default);
        Assert.That((figure.Value, figure.Text, figure.Numerator), Is.EqualTo(((decimal?)null, "c", (int?)null)));
        Assert.That(EvidenceCalculator.Figure(row, IndicatorUnit.Percent, null).Text, Is.EqualTo("95.0%"));
    }
}
