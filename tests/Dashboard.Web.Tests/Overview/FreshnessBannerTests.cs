using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Overview;

/// <summary>
/// Every page says which load its figures come from; once that load is more than a day old (StaleAfter) the line becomes
/// a warning that says how old, that no load has succeeded since, and where to see why, in one sentence a director can
/// read at a glance (no brackets inside brackets, and no claim that a run failed when none may have run).
/// </summary>
public sealed class FreshnessBannerTests
{
    [Test]
    public async Task An_old_load_is_named_with_its_age_and_the_page_says_none_has_succeeded_since()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        var last = (await host.Services.GetRequiredService<LoadAuditQueries>().LastSucceededAsync())!;
        var finished = (last.FinishedAt ?? last.StartedAt).UtcDateTime;
        var stamp = LoadStamp.Of(last);
        host.Clock.SetUtcNow(new DateTimeOffset(finished, TimeSpan.Zero).AddHours(5));
        using var client = await host.SignedInAsync(AppRole.Director);
        var fresh = Text(await client.GetStringAsync("/"));
        Assert.That(fresh, Does.Contain(stamp));
        Assert.That(fresh, Does.Not.Contain("may be out of date"), "five hours old is last night's load");

        host.Clock.SetUtcNow(new DateTimeOffset(finished, TimeSpan.Zero).AddDays(3).AddHours(2));
        using var later = await host.SignedInAsync(AppRole.Director);   // a new day's sign-in: the first session has timed out
        var stale = Text(await later.GetStringAsync("/"));
        Assert.That(stale, Does.Contain($"These figures may be out of date. {stamp}, 3 days ago; no load has succeeded since. Data quality lists the runs and why any failed."));
        Assert.That(stale, Does.Not.Contain(")).").And.Not.Contain("did not finish"));
    }

    /// <summary>The page's words with tags dropped and spaces collapsed, as a reader takes them in.</summary>
    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<!--.*?-->", "", RegexOptions.Singleline), "<[^>]+>", " ")), @"\s+", " ");
}
