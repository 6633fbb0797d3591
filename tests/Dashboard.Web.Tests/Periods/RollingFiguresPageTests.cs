using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Periods;

/// <summary>
/// The tiny council (a handful of children a month) on rolling figures: over 12 months its figures count enough cases to be
/// rated; every rolling figure is the months' counts added up, says which period it covers, and has no SPC verdict.
/// </summary>
public sealed partial class RollingFiguresPageTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Over_12_months_the_tiny_council_gets_rated_figures_where_a_month_has_too_few()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var month = Tiles(await client.GetStringAsync("/"));
        var year = Tiles(await client.GetStringAsync("/?length=12"));

        var ratedInMonth = month.Count(t => RatedColour().IsMatch(t));
        var ratedInYear = year.Count(t => RatedColour().IsMatch(t));
        Assert.That(ratedInYear, Is.GreaterThan(ratedInMonth), "12-month figures count enough cases to be rated");
        Assert.That(ratedInYear, Is.GreaterThanOrEqualTo(10), "most measures with a target are rated over 12 months");
        foreach (var tile in year.Where(t => RatedColour().IsMatch(t)))
        {
            var counts = Counts().Match(tile);
            if (counts.Success) Assert.That(Number(counts.Groups[2].Value), Is.GreaterThanOrEqualTo(10), tile);
        }
        Assert.That(year.Count(t => t.Contains("<p class=\"figure-period\">12 months to March 2026</p>", StringComparison.Ordinal)),
            Is.GreaterThan(20), "each rolling figure says which period it covers");
    }

    [Test]
    public async Task A_rolling_figure_is_the_three_months_counts_added_up()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var (n, d) = (0, 0);
        foreach (var period in new[] { "2026-01", "2026-02", "2026-03" })
        {
            var counts = PageCounts().Match(await client.GetStringAsync($"/indicators/RISK-01?period={period}&length=1"));
            Assert.That(counts.Success, period);
            n += Number(counts.Groups[1].Value);
            d += Number(counts.Groups[2].Value);
        }
        var rolling = await client.GetStringAsync("/indicators/RISK-01?period=2026-03&length=3");
        var rolled = PageCounts().Match(rolling);

        Assert.Multiple(() =>
        {
            Assert.That((Number(rolled.Groups[1].Value), Number(rolled.Groups[2].Value)), Is.EqualTo((n, d)));
            Assert.That(rolling, Does.Contain("<h2 id=\"figure-heading\">The 3 months to March 2026</h2>"));
            Assert.That(rolling, Does.Contain("<p class=\"figure-period\">3 months to March 2026</p>"));
        });
    }

    [Test]
    public async Task Rolling_figures_are_rated_but_never_given_an_spc_verdict()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/indicators/SEEN-01?length=12");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("No statistical verdict on 12-month figures"));
            Assert.That(html, Does.Contain("rolling 12-month figures"), "the trend is the rolling line");
            Assert.That(html, Does.Not.Contain("limits were recalculated"));
            Assert.That(html, Does.Contain("the latest of the 12 months"), "the children's list says which month it holds");
        });
        var overview = await client.GetStringAsync("/?length=3");
        Assert.That(overview, Does.Contain("Not judged on rolling figures"));
        Assert.That(overview, Does.Contain("How Testshire is doing over the 3 months to March 2026"));
    }

    [Test]
    public async Task The_themes_page_shows_the_same_rolling_figures_rated_and_without_a_verdict()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var themes = await client.GetStringAsync("/themes?length=12");
        var overview = Tiles(await client.GetStringAsync("/?length=12")).ToDictionary(Id);

        Assert.Multiple(() =>
        {
            Assert.That(themes, Does.Contain("<th scope=\"col\" class=\"num\">12 months to March 2026</th>"));
            Assert.That(themes, Does.Contain("not judged on rolling figures"));
            Assert.That(themes, Does.Contain("<input type=\"hidden\" name=\"length\" value=\"12\" />"));
            Assert.That(themes, Does.Contain("aria-current=\"true\">12 months (rolling)</span>"));
        });
        // SEEN-01's row on the Themes page holds the overview's 12-month figure.
        var row = Regex.Match(themes, "SEEN-01</span>[^<]*</th>\\s*<td class=\"num\">([^<]*)</td>");
        Assert.That(row.Success, "SEEN-01 is listed under its theme");
        Assert.That(row.Groups[1].Value, Is.EqualTo(Value().Match(overview["SEEN-01"]).Groups[1].Value));
    }

    [Test]
    public async Task A_measure_that_cannot_be_added_up_keeps_its_own_period_and_says_why()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/indicators/RISK-02?length=3");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<p class=\"figure-period\">March 2026</p>"));
            Assert.That(html, Does.Contain("This figure is not added up over 3 months: a count at the month&#x27;s end is not added up over months."));
        });
    }

    [Test]
    public async Task The_switch_keeps_the_view_and_the_filters_keep_the_length()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/?period=2026-02&length=3");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("aria-current=\"true\">3 months (rolling)</span>"));
            Assert.That(html, Does.Contain("href=\"/?period=2026-02&amp;length=12\""), "the same month at 12 months");
            Assert.That(html, Does.Contain("href=\"/?period=2026-02\">1 month</a>"), "the council's default length is left out of links");
            Assert.That(html, Does.Contain("<input type=\"hidden\" name=\"length\" value=\"3\" />"), "choosing a month or team keeps the length");
            Assert.That(html, Does.Contain("<option value=\"2026-02\" selected=\"\">3 months to February 2026</option>").Or.Contain("<option value=\"2026-02\" selected>3 months to February 2026</option>"));
            Assert.That(html, Does.Contain("/indicators/SEEN-01?period=2026-02&amp;length=3"), "tiles link to the same view");
        });
    }

    [TestCase("length=6", "length")]
    [TestCase("length=three", "length")]
    [TestCase("length=12&period=2023-05", "period")]
    public async Task A_length_or_month_that_is_not_offered_is_a_400_naming_the_value(string query, string name)
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var response = await client.GetAsync($"/?{query}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain(name));
    }

    [Test]
    public async Task A_councillor_sees_the_directors_rolling_figures_wherever_they_are_not_hidden()
    {
        using var director = await _host.SignedInAsync(AppRole.Director);
        using var councillor = await _host.SignedInAsync(AppRole.Councillor);
        var exact = Tiles(await director.GetStringAsync("/?length=12")).ToDictionary(Id);
        var shown = Tiles(await councillor.GetStringAsync("/?length=12")).ToDictionary(Id);

        var compared = 0;
        foreach (var (id, tile) in shown)
        {
            var value = Value().Match(tile).Groups[1].Value;
            if (value is "c" or "x" or "z" || value.Length == 0) continue;
            Assert.That(Value().Match(exact[id]).Groups[1].Value, Is.EqualTo(value), id);
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(5));
    }

    private static List<string> Tiles(string html) => [.. Tile().Matches(html).Select(m => m.Value)];

    private static string Id(string tile) => TileId().Match(tile).Groups[1].Value;

    private static int Number(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex("<article class=\"tile.*?</article>", RegexOptions.Singleline)]
    private static partial Regex Tile();

    [GeneratedRegex("id=\"tile-([A-Z0-9-]+)\"")]
    private static partial Regex TileId();

    [GeneratedRegex("<p class=\"tile__value\">([^<]*)</p>")]
    private static partial Regex Value();

    [GeneratedRegex("class=\"rag rag--(green|amber|red)\"")]
    private static partial Regex RatedColour();

    [GeneratedRegex(@"tile__counts"">([\d,]+) (?:of|across) ([\d,]+) ")]
    private static partial Regex Counts();

    [GeneratedRegex(@"<p>([\d,]+) of ([\d,]+) [^<]*?\. Target:")]
    private static partial Regex PageCounts();
}
