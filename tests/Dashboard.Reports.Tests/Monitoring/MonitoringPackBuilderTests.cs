using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Data.Indicators;
using Dashboard.Reports.Monitoring;
using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.Monitoring;

/// <summary>
/// The monitoring-visit pack's model against the stored results, read back by the general-purpose queries (not the
/// pack's own): the latest letter only, each figure as stored, 12-month pools that add up, every exception row.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MonitoringPackBuilderTests
{
    private string _folder = "";
    private MonitoringPackModel _model = default!;
    private IConnectionFactory _warehouse = default!;
    private IndicatorQueries _stored = default!;

    [OneTimeSetUp]
    public async Task BuildAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"monitoring-builder-tests-{Environment.ProcessId}");
        (_warehouse, var context) = await MonitoringTestData.PrepareAsync(PackCouncil.Small, _folder);
        _stored = new IndicatorQueries(_warehouse);
        _model = await MonitoringPackBuilder.BuildAsync(context);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Only_the_latest_letters_findings_are_taken_with_their_indicators_in_order()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_model.Letter.LetterDate, Is.EqualTo(MonitoringTestData.LetterDate));
            Assert.That(_model.Letter.Findings.Select(f => f.Finding.Title),
                Is.EquivalentTo(MonitoringTestData.Findings.Select(f => f.Title)));
            Assert.That(_model.Letter.Findings.Select(f => f.Finding.Title), Does.Not.Contain(MonitoringTestData.OlderFindingTitle));
            foreach (var (_, title, indicators) in MonitoringTestData.Findings)
            {
                var finding = _model.Letter.Findings.Single(f => f.Finding.Title == title);
                Assert.That(finding.Indicators.Select(i => i.Definition.Id), Is.EquivalentTo(indicators), title);
            }
            Assert.That(_model.Month, Is.EqualTo(Month.Of(PackTestWarehouse.AsOf)));
        });
    }

    [Test]
    public async Task Each_findings_figures_now_and_at_the_letter_are_the_stored_council_figures()
    {
        var letterMonth = Month.Of(MonitoringTestData.LetterDate).ToString();
        foreach (var evidence in _model.Letter.Findings.SelectMany(f => f.Indicators))
        {
            var id = evidence.Definition.Id;
            var rows = await _stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "council" });
            var now = rows.Single(r => r.Period == _model.Month.ToString());
            var then = rows.Single(r => r.Period == letterMonth);
            var (change, text, direction) = FigureChange.Of(then.Value, now.Value, evidence.Definition.Unit, evidence.Definition.Polarity);
            Assert.Multiple(() =>
            {
                Assert.That(evidence.Trend.Current.Value, Is.EqualTo(now.Value), id);
                Assert.That(evidence.Trend.Current.Numerator, Is.EqualTo(now.Numerator), id);
                Assert.That(evidence.Trend.Current.Denominator, Is.EqualTo(now.Denominator), id);
                Assert.That(evidence.AtLetter.Value, Is.EqualTo(then.Value), id);
                Assert.That(evidence.AtLetter.Numerator, Is.EqualTo(then.Numerator), id);
                Assert.That((evidence.Change, evidence.ChangeText, evidence.Direction), Is.EqualTo((change, text, direction)), id);
                Assert.That(evidence.ChartSinceLetter, Is.True, $"{id}: the letter is six months back, so the chart starts at it");
                Assert.That(evidence.Chart, Is.Not.Null, id);
            });
        }
    }

    [Test]
    public async Task Team_figures_are_the_stored_team_rows_for_the_month()
    {
        var evidence = _model.Letter.Findings.SelectMany(f => f.Indicators).First(i => i.Definition.Id == "SEEN-01");
        var rows = await _stored.ResultsAsync(new IndicatorFilter
        {
            IndicatorId = "SEEN-01", ScopeLevel = "team", FromPeriod = _model.Month.ToString(), ToPeriod = _model.Month.ToString(),
        });
        Assert.That(rows, Is.Not.Empty);
        Assert.That(evidence.Teams.Where(t => t.Now.IsAvailable && t.Now.Numerator is not null)
                .Select(t => (t.TeamId, t.Now.Numerator, t.Now.Denominator, t.Now.Value)),
            Is.EquivalentTo(rows.Where(r => r.NotAvailable is null).Select(r => (r.ScopeId, (int?)r.Numerator, (int?)r.Denominator, r.Value))));
    }

    [Test]
    public async Task Threshold_funnels_pool_twelve_months_of_team_rows_and_test_them_against_the_council_rate()
    {
        Assert.That(_model.Thresholds.Select(t => t.Definition.Id), Is.EqualTo(new[] { "FRONT-04", "FRONT-05" }));
        foreach (var threshold in _model.Thresholds)
        {
            var id = threshold.Definition.Id;
            var from = _model.Month.AddMonths(-11).ToString();
            var teams = await _stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "team", FromPeriod = from, ToPeriod = _model.Month.ToString() });
            var council = await _stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "council", FromPeriod = from, ToPeriod = _model.Month.ToString() });
            var expected = teams.Where(r => r.NotAvailable is null).GroupBy(r => r.ScopeId)
                .Select(g => (g.Key, g.Sum(r => r.Numerator), g.Sum(r => r.Denominator))).Where(t => t.Item3 > 0);
            var centre = (decimal)council.Sum(r => r.Numerator) / council.Sum(r => r.Denominator);
            Assert.Multiple(() =>
            {
                Assert.That(threshold.Teams.Select(t => (t.TeamId, t.Numerator, t.Denominator)), Is.EquivalentTo(expected), id);
                Assert.That(threshold.CouncilRate, Is.EqualTo(centre), id);
                Assert.That(threshold.Chart, Is.Not.Null, id);
                foreach (var team in threshold.Teams)
                {
                    var (lower, upper) = FunnelPlot.Limits(centre, team.Denominator, FunnelPlot.Z998);
                    Assert.That(team.Point!.IsOutlier, Is.EqualTo(team.Rate > upper || team.Rate < lower), $"{id} {team.TeamName}");
                }
            });
        }
    }

    [Test]
    public async Task Agency_figures_are_the_stored_series_for_the_month_and_their_twelve_month_sums()
    {
        var from = _model.Month.AddMonths(-11).ToString();
        foreach (var partner in _model.Partners)
        {
            var rows = await _stored.ResultsAsync(new IndicatorFilter
            {
                IndicatorId = partner.Definition.Id, ScopeLevel = "council", Series = null, FromPeriod = from, ToPeriod = _model.Month.ToString(),
            });
            Assert.That(partner.Agencies.Select(a => a.Agency), Is.EqualTo(partner.Definition.Series));
            foreach (var agency in partner.Agencies)
            {
                var series = rows.Where(r => r.Series == agency.Agency && r.NotAvailable is null).ToList();
                var month = series.SingleOrDefault(r => r.Period == _model.Month.ToString());
                Assert.Multiple(() =>
                {
                    Assert.That(agency.Month.Value, Is.EqualTo(month?.Value), $"{partner.Definition.Id} {agency.Agency}");
                    Assert.That(agency.TwelveMonths.Numerator, Is.EqualTo(series.Count == 0 ? null : series.Sum(r => r.Numerator)));
                    Assert.That(agency.TwelveMonths.Denominator, Is.EqualTo(series.Count == 0 ? null : series.Sum(r => r.Denominator)));
                });
            }
        }
    }

    [Test]
    public async Task Exception_summaries_hold_every_stored_row_for_the_findings_indicators_and_count_them_by_team()
    {
        var expectedIds = MonitoringTestData.Findings.SelectMany(f => f.Indicators).Distinct()
            .Where(id => Core.Indicators.Catalogue.IndicatorCatalogue.Get(id).Definition.ExceptionRows is not null);
        Assert.That(_model.Exceptions.Select(e => e.Definition.Id), Is.SupersetOf(expectedIds));
        foreach (var summary in _model.Exceptions)
        {
            var rows = await _stored.ExceptionsAsync(summary.Definition.Id, _model.Month.ToString(), null, int.MaxValue);
            Assert.Multiple(() =>
            {
                Assert.That(summary.Total, Is.EqualTo(rows.Count), summary.Definition.Id);
                Assert.That(summary.ByTeam.Sum(t => t.Rows), Is.EqualTo(rows.Count), summary.Definition.Id);
                Assert.That(summary.Longest.Count, Is.EqualTo(Math.Min(_model.Definition.LongestOverdue, rows.Count)));
                Assert.That(summary.Rows.Select(r => r.DaysOverdue ?? -1), Is.Ordered.Descending, "most overdue first");
            });
        }
    }

    [Test]
    public async Task The_data_quality_statement_is_the_last_good_load_and_its_quarantine()
    {
        var audit = new LoadAuditQueries(_warehouse);
        var load = (await audit.LastSucceededAsync())!;
        var summary = await audit.QuarantineSummaryAsync(load.LoadId);
        Assert.Multiple(() =>
        {
            Assert.That(_model.DataQuality.Load.LoadId, Is.EqualTo(load.LoadId));
            Assert.That(_model.DataQuality.Quarantined.Sum(q => q.Rows), Is.EqualTo(summary.Sum(s => s.Rows)));
            Assert.That(_model.DataQuality.RowsQuarantined, Is.EqualTo(summary.Sum(s => s.Rows)), "the fault rate plants rejected rows");
            Assert.That(_model.DataQuality.RowsQuarantined, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task With_no_findings_recorded_the_pack_still_builds_and_says_so()
    {
        var folder = Path.Combine(_folder, "none");
        var (_, context) = await MonitoringTestData.PrepareAsync(PackCouncil.Scilly, folder, withFindings: false);
        var model = await MonitoringPackBuilder.BuildAsync(context);
        Assert.Multiple(() =>
        {
            Assert.That(model.Letter.LetterDate, Is.Null);
            Assert.That(model.Letter.Findings, Is.Empty);
            Assert.That(model.Exceptions.Select(e => e.Definition.Id), Is.EqualTo(new[] { "OVERSIGHT-02" }));
        });
    }
}
