using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Glossary;
using Dashboard.Core.Ssd;
using Dashboard.Data.App;
using Dashboard.Etl.Validation;
using Dashboard.Web.Services.DataQuality;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.PlainWords;

/// <summary>Plain words: a glossary, abbreviations explained, data quality in words, no paths and no commands on any page.</summary>
public sealed partial class PlainWordsTests
{
    private static readonly string[] Pages =
        ["/", "/themes", "/packs", "/glossary", "/indicators/SEEN-01", "/indicators/RISK-04", "/data-quality", "/data-quality/quarantine"];

    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task The_glossary_lists_every_term_and_is_linked_from_the_navigation_and_the_footer([Values] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/glossary"));
        Assert.That(html, Does.Contain("<h1>Glossary</h1>"));
        foreach (var entry in Glossary.All)
        {
            Assert.That(html, Does.Contain(entry.Meaning), entry.Term);
        }
        Assert.That(html, Does.Contain("ICPC (initial child protection conference)"));
        Assert.That(Regex.Matches(html, "href=\"/glossary\""), Has.Count.EqualTo(2), "the navigation and the footer");
    }

    [Test]
    public void The_service_terms_cover_the_abbreviations_the_pages_use()
    {
        foreach (var term in new[] { "ICPC", "s47", "CIN", "CLA", "CP", "IRO", "NFA", "RCPC", "UASC", "PN0-PN7", "RAG", "SSD" })
        {
            Assert.That(Glossary.Find(term), Is.Not.Null, term);
        }
    }

    [Test]
    public async Task Abbreviations_in_titles_carry_their_long_form()
    {
        using var client = await _host.SignedInAsync(AppRole.Councillor);
        var overview = await client.GetStringAsync("/");
        Assert.That(overview, Does.Contain("<abbr title=\"initial child protection conferences\">ICPCs</abbr>"));
        Assert.That(overview, Does.Contain("<abbr title=\"child protection\">CP</abbr>"));
        var indicator = await client.GetStringAsync("/indicators/RISK-04");
        Assert.That(indicator, Does.Contain("<h1><abbr title=\"initial child protection conferences\">ICPCs</abbr> within 15 working days</h1>"));
    }

    [Test]
    public void Every_source_table_and_every_rule_the_load_writes_has_words()
    {
        Assert.That(SsdSchema.All.Select(t => t.Name), Is.SubsetOf(SourceWords.KnownTables));
        Assert.That(Enum.GetValues<QuarantineRule>().Select(r => r.Name()), Is.SubsetOf(SourceWords.KnownRules));
        foreach (var rule in SourceWords.KnownRules) Assert.That(SourceWords.Rule(rule), Does.EndWith("."), rule);
        Assert.That(SourceWords.Table("ssd_cin_visits"), Is.EqualTo("visits to children in need"));
    }

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.Manager)]
    [TestCase(AppRole.Admin)]
    public async Task Data_quality_speaks_in_words_to_everyone_but_analysts(AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        foreach (var path in new[] { "/data-quality", "/data-quality/quarantine" })
        {
            var text = VisibleText(await client.GetStringAsync(path));
            Assert.That(text, Does.Not.Contain("ssd_"), path);
            // "required" is also an English word; the codes with an underscore are not.
            foreach (var rule in SourceWords.KnownRules.Where(r => r.Contains('_', StringComparison.Ordinal)))
            {
                Assert.That(text, Does.Not.Contain(rule), $"{path}: {rule}");
            }
            Assert.That(text, Does.Contain("Kind of record"), path);
        }
    }

    [Test]
    public async Task An_analyst_also_sees_the_technical_names()
    {
        using var client = await _host.SignedInAsync(AppRole.Analyst);
        var text = VisibleText(await client.GetStringAsync("/data-quality"));
        Assert.That(text, Does.Contain("ssd_"));
        Assert.That(text, Does.Contain("Source table and rule"));
    }

    [Test]
    public async Task No_page_shows_a_file_path_or_tells_anyone_to_run_a_command([Values] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        var folder = Path.GetDirectoryName(_host.Warehouse.ConnectionString)!;
        foreach (var path in Pages)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) continue; // refused to this role: the refusal page is checked below
            var text = VisibleText(await response.Content.ReadAsStringAsync());
            Assert.That(text, Does.Not.Contain(folder), $"{path} shows the data folder");
            Assert.That(text, Does.Not.Contain(Path.GetTempPath().TrimEnd('/')), $"{path} shows a server path");
            Assert.That(text, Does.Not.Contain("warehouse.db"), path);
            Assert.That(Commands().Match(text).Value, Is.Empty, $"{path} tells the reader to run a command");
        }
    }

    [Test]
    public async Task The_sign_in_page_says_ask_your_administrator_and_no_command()
    {
        using var client = _host.Anonymous();
        var text = VisibleText(await client.GetStringAsync("/signin"));
        Assert.That(text, Does.Contain("ask your administrator"));
        Assert.That(Commands().Match(text).Value, Is.Empty);
    }

    [Test]
    public async Task The_overview_before_the_first_load_says_who_can_check_it()
    {
        await using var empty = await DashboardTestHost.StartAsync(empty: true);
        using var client = await empty.SignedInAsync(AppRole.Director);
        var text = VisibleText(await client.GetStringAsync("/"));
        Assert.That(text, Does.Contain("The nightly load has not run yet"));
        Assert.That(text, Does.Contain("administrator can check it"));
        Assert.That(text, Does.Not.Contain("Run the load"));
        var packs = VisibleText(await client.GetStringAsync("/packs"));
        var quality = VisibleText(await client.GetStringAsync("/data-quality"));
        Assert.That(Commands().Match(packs + quality).Value, Is.Empty);
    }

    [Test]
    public void A_failed_runs_message_loses_its_file_paths()
    {
        Assert.That(SourceWords.WithoutPaths("Could not open /var/lib/dashboard/source.db: locked"),
            Is.EqualTo("Could not open (a file on the server): locked"));
        Assert.That(SourceWords.WithoutPaths(@"Missing C:\data\extract.db"), Is.EqualTo("Missing (a file on the server)"));
        Assert.That(SourceWords.WithoutPaths("see https://example.org/a/b"), Is.EqualTo("see https://example.org/a/b"));
    }

    /// <summary>What a reader sees: the page without tags, scripts (chart data) or attribute values.</summary>
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " "));

    [GeneratedRegex(@"<script[\s\S]*?</script>", RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\bdashboard (etl|pack|users|serve|demo)\b|\brun the load\b|\./\.ci|\brun (this|the) command", RegexOptions.IgnoreCase)]
    private static partial Regex Commands();
}
