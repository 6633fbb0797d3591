using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Periods;

/// <summary>The tiny council: figures counting fewer than 10 cases are shown with their counts but "too few to rate".</summary>
public sealed partial class TooFewToRatePageTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Tiles_below_the_minimum_denominator_are_too_few_to_rate_and_none_is_coloured()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/");
        var tiles = Tile().Matches(html).Select(m => m.Value).ToList();

        Assert.That(tiles, Is.Not.Empty);
        Assert.That(tiles.Count(t => t.Contains("rag--too-few", StringComparison.Ordinal)), Is.GreaterThan(0));
        foreach (var tile in tiles.Where(t => RatedColour().IsMatch(t)))
        {
            // "12 of 14 children ..." or "12 across 3 workers": a coloured tile counts at least the minimum of 10.
            var counts = Counts().Match(tile);
            if (counts.Success) Assert.That(int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(10), tile);
        }
        foreach (var tile in tiles.Where(t => t.Contains("rag--too-few", StringComparison.Ordinal)))
        {
            var counts = Counts().Match(tile);
            Assert.That(counts.Success, tile);
            Assert.That(int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(10), tile);
        }
    }

    [Test]
    public async Task The_indicator_page_says_why_a_figure_is_not_rated()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var overview = await client.GetStringAsync("/");
        var id = Tile().Matches(overview).Select(m => m.Value).Where(t => t.Contains("rag--too-few", StringComparison.Ordinal))
            .Select(t => TileId().Match(t).Groups[1].Value).First();

        var html = await client.GetStringAsync($"/indicators/{id}");
        Assert.That(html, Does.Contain("<span class=\"rag rag--too-few\">too few to rate</span>"));
        Assert.That(html, Does.Contain("it is shown but not rated red, amber or green"));
    }

    [GeneratedRegex("<article class=\"tile.*?</article>", RegexOptions.Singleline)]
    private static partial Regex Tile();

    [GeneratedRegex("class=\"rag rag--(green|amber|red)\"")]
    private static partial Regex RatedColour();

    [GeneratedRegex(@"tile__counts"">([\d,]+) (?:of|across) ([\d,]+) ")]
    private static partial Regex Counts();

    [GeneratedRegex("id=\"tile-([A-Z0-9-]+)\"")]
    private static partial Regex TileId();
}
