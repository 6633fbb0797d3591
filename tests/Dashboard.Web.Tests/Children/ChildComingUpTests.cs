using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Dashboard.Data.App;
using Dashboard.Data.Children;
using Dashboard.Web.Services.Children;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Children;

/// <summary>A review due after the extract is "coming up", not history; one due before it and not held stays in history.</summary>
public sealed partial class ChildComingUpTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_review_due_after_the_extract_is_listed_as_coming_up_and_not_in_the_history()
    {
        var (child, events) = await ChildWithAsync(e => e.Date > _host.AsOf);
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync($"/children/{child}");

        var history = TimelineDates().Matches(html).Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(history, Is.Not.Empty);
        Assert.That(history, Is.All.LessThanOrEqualTo(_host.AsOf), "nothing after the extract in the history");
        Assert.That(history, Has.Count.EqualTo(events.Count(e => e.Date <= _host.AsOf)));

        var comingUp = ComingUpSection().Match(html);
        Assert.That(comingUp.Success, Is.True, "a Coming up section");
        var future = events.Where(e => e.Date > _host.AsOf).ToList();
        foreach (var e in future)
        {
            Assert.That(comingUp.Value, Does.Contain($"datetime=\"{e.Date:yyyy-MM-dd}\""));
            Assert.That(WebUtility.HtmlDecode(comingUp.Value), Does.Contain(ComingUp.Describe(e)));
        }
        Assert.That(comingUp.Value, Does.Not.Contain("not held"), "a review not yet due has not been missed");
    }

    [Test]
    public async Task A_review_due_before_the_extract_and_not_held_stays_in_the_history()
    {
        var (child, events) = await ChildWithAsync(e => e.Date <= _host.AsOf && e.Summary.EndsWith("due, not held", StringComparison.Ordinal));
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync($"/children/{child}");
        var missed = events.First(e => e.Date <= _host.AsOf && e.Summary.EndsWith("due, not held", StringComparison.Ordinal));
        var timeline = html[html.IndexOf("id=\"timeline-heading\"", StringComparison.Ordinal)..];
        Assert.That(timeline, Does.Contain($"datetime=\"{missed.Date:yyyy-MM-dd}\""));
        Assert.That(WebUtility.HtmlDecode(timeline), Does.Contain(missed.Summary));
        var comingUp = ComingUpSection().Match(html);
        Assert.That(comingUp.Success && comingUp.Value.Contains($"datetime=\"{missed.Date:yyyy-MM-dd}\"", StringComparison.Ordinal), Is.False);
    }

    /// <summary>A child of the test council with a review event matching <paramref name="wanted"/>, and all its events.</summary>
    private async Task<(string Child, IReadOnlyList<ChildEvent> Events)> ChildWithAsync(Func<ChildEvent, bool> wanted)
    {
        var queries = _host.Services.GetRequiredService<ChildTimelineQueries>();
        await using var connection = await Data.Warehouse.Connect(_host.Warehouse).OpenAsync();
        var candidates = await connection.QueryAsync<string>("""
            SELECT DISTINCT c.person_id FROM fact_cp_review f JOIN dim_child c ON c.child_key = f.child_key
            WHERE f.review_date_key IS NULL AND c.child_key <> 0
            UNION
            SELECT DISTINCT c.person_id FROM fact_cla_review f JOIN dim_child c ON c.child_key = f.child_key
            WHERE f.review_date_key IS NULL AND c.child_key <> 0
            """);
        foreach (var personId in candidates.Order(StringComparer.Ordinal))
        {
            var events = await queries.TimelineAsync(personId);
            if (events.Any(wanted)) return (personId, events);
        }
        throw new InvalidOperationException("The test council has no child with such a review.");
    }

    [GeneratedRegex("<time class=\"timeline__date\" datetime=\"([0-9-]+)\"")]
    private static partial Regex TimelineDates();

    [GeneratedRegex("<section class=\"coming-up panel\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex ComingUpSection();
}
