using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Suppression;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Themes;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Themes;

/// <summary>
/// On a tiny council (Scilly) many monthly figures rest on counts of 1 to 5: a councillor must see them as c, in the
/// tables and in everything derived from them (change, SPC, chart data), while other roles see the stored figures.
/// </summary>
public sealed class ThemesSuppressionTests
{
    private DashboardTestHost _host = null!;
    private string[] _linked = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        _linked = [.. IndicatorCatalogue.All.Where(i => i.Definition.Theme == Theme.Seen).Select(i => i.Definition.Id)];
        await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2024, 6, 1), Theme.Seen, "Children are not seen often enough", _linked);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static bool Hidden(StoredIndicator row, IndicatorUnit unit) =>
        row.NotAvailable is null && EvidenceCalculator.Figure(row, unit, SuppressionRule.Default).Value is null && row.Value is not null;

    [Test]
    public async Task No_month_hidden_from_a_councillor_reaches_the_evidence()
    {
        var councillor = await _host.Services.GetRequiredService<ThemesService>().GetAsync(ThemesTestSupport.ViewerFor(AppRole.Councillor), null);
        Assert.That(councillor.Suppression, Is.Not.Null);
        var rows = await _host.Services.GetRequiredService<IndicatorQueries>().ResultsAsync(new IndicatorFilter { ScopeLevel = "council" });
        var hiddenMonths = 0;
        foreach (var evidence in councillor.Themes.SelectMany(t => t.Findings).SelectMany(f => f.Indicators))
        {
            var unit = evidence.Definition.Unit;
            var hidden = rows.Where(r => r.IndicatorId == evidence.Definition.Id && Hidden(r, unit)).Select(r => Month.Parse(r.Period)).ToHashSet();
            hiddenMonths += hidden.Count;
            if (evidence.Spc is { } spc)
            {
                Assert.That(spc.Points.Select(p => p.Month).Intersect(hidden), Is.Empty, $"{evidence.Definition.Id}: a hidden month in the SPC");
            }
            if (evidence.AtLetter.Text == "c" || evidence.Latest.Text == "c") Assert.That(evidence.Change, Is.Null);
            if (evidence.Chart is { } chart)
            {
                foreach (var month in hidden.Where(m => m >= new Month(2024, 6)))
                {
                    Assert.That(chart.Table.Rows.Where(r => r[0] == month.First.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))
                        .All(r => r[1] == "c"), Is.True, $"{evidence.Definition.Id} {month} in the chart's table");
                }
            }
        }
        Assert.That(hiddenMonths, Is.GreaterThan(0), "the tiny council has small counts to hide");
    }

    [Test]
    public async Task A_councillor_sees_c_where_a_director_sees_the_figure()
    {
        var rows = await _host.Services.GetRequiredService<IndicatorQueries>().ResultsAsync(new IndicatorFilter { ScopeLevel = "council" });
        var latest = rows.Max(r => r.Period)!;
        var hidden = rows.Where(r => r.Period == latest && Hidden(r, IndicatorCatalogue.Get(r.IndicatorId).Definition.Unit)).ToList();
        Assume.That(hidden, Is.Not.Empty, "Scilly has an indicator resting on a small count in the latest month");

        using var councillor = await _host.SignedInAsync(AppRole.Councillor);
        using var director = await _host.SignedInAsync(AppRole.Director);
        var councillorHtml = await councillor.GetStringAsync("/themes");
        var directorHtml = await director.GetStringAsync("/themes");
        Assert.That(councillorHtml, Does.Contain("shown as c"), "the rule is published with the figures");
        Assert.That(directorHtml, Does.Not.Contain("shown as c"));
        foreach (var row in hidden)
        {
            var unit = IndicatorCatalogue.Get(row.IndicatorId).Definition.Unit;
            var councillorCells = ThemesTestSupport.RowCells(councillorHtml, row.IndicatorId);
            var directorCells = ThemesTestSupport.RowCells(directorHtml, row.IndicatorId);
            Assert.That(councillorCells, Is.Not.Empty, row.IndicatorId);
            Assert.That(councillorCells[^1], Is.EqualTo("c"), $"{row.IndicatorId} latest, councillor");
            Assert.That(directorCells[^1], Is.EqualTo(IndicatorValue.Format(unit, row.Value)), $"{row.IndicatorId} latest, director");
        }
    }
}
