using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Charts.Tests;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Charts;

/// <summary>
/// Every chart the pages draw from real (synthetic) councils, as a director and as a councillor: the overview's
/// sparklines and each indicator page's SPC or rolling chart, trend by team (lines or small multiples) and funnels.
/// No text of a chart's SVG may sit on another or leave the chart, and none may be smaller than 11 px; no SPC chart's
/// target or England label may lie on a line of its data area (a limit, the average, the data line). Text boxes come from the
/// glyph positions the SVG carries, lines from its paths (see <see cref="SvgText"/>).
/// </summary>
[TestFixture(TestCouncil.Scilly)]
[TestFixture(TestCouncil.Small)]
[TestFixture(TestCouncil.Medium)]
public sealed partial class ChartTextLayoutTests(TestCouncil council)
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(council);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static IEnumerable<string> Pages() =>
        IndicatorCatalogue.All.SelectMany(i => new[] { $"/indicators/{i.Definition.Id}", $"/indicators/{i.Definition.Id}?length=3" }).Prepend("/");

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.Councillor)]
    public async Task No_chart_text_overlaps_or_leaves_its_chart(AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        var problems = new List<string>();
        var charts = 0;
        var before = 0;
        foreach (var page in Pages())
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match m in Canvas().Matches(html))
            {
                charts++;
                var svg = m.Groups[1].Value;
                var (overlapping, outside) = SvgText.Problems(svg);
                problems.AddRange(overlapping.Select(p => $"{page}: {p.Item1} on {p.Item2}"));
                problems.AddRange(outside.Select(b => $"{page}: {b} outside"));
                problems.AddRange(SvgText.Boxes(svg).Where(b => b.FontSize < 11).Select(b => $"{page}: {b} at {b.FontSize} px"));
                // SPC charts (their legend names the limits) place their target and England labels off every line.
                if (SvgText.Boxes(svg).Any(b => b.Text == "Limits")) problems.AddRange(SvgText.ReferenceLabelsOnLines(svg).Select(p => $"{page}: {p}"));
                if (problems.Count > before) Keep(svg, $"{council}-{role}-{page}-{charts}");
                before = problems.Count;
            }
        }
        Assert.That(charts, Is.GreaterThan(IndicatorCatalogue.All.Count), "charts found on the pages");
        Assert.That(problems, Is.Empty);
    }

    /// <summary>Saves a chart that failed under artifacts/charts-failing, to be looked at.</summary>
    private static void Keep(string svg, string name)
    {
        var folder = Path.Combine(BrowserSession.ScreenshotDirectory, "..", "charts-failing");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Regex.Replace(name, "[^A-Za-z0-9-]+", "_") + ".svg"), svg);
    }

    [GeneratedRegex("<div class=\"chart-canvas\">(<svg [^>]*class=\"chart-svg\".*?</svg>)</div>", RegexOptions.Singleline)]
    private static partial Regex Canvas();
}
