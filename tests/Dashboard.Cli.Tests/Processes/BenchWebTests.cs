using System.Text.RegularExpressions;

namespace Dashboard.Cli.Tests.Processes;

/// <summary>
/// <c>dashboard bench web</c> end to end on a small council: it serves the council, loads pages as signed-in users, then
/// opens each user's circuit (with the browser-less circuit client by default, or Chromium tabs) and clicks through the
/// follow-up list over the circuits, and prints what it found. That the figures are there, no click failed and the clicks
/// really changed the list is checked: how fast is for docs/performance.md, not a test.
/// </summary>
[NonParallelizable]
public sealed class BenchWebTests
{
    [Test]
    public async Task Bench_web_reports_page_loads_and_clicks_over_each_users_circuit_with_no_errors()
    {
        var output = await RunAsync("circuit");
        // Spectre wraps a long table title to the table's width.
        Assert.That(Regex.Replace(output, @"\s+", " "), Does.Contain("Interactive run: 3 signed-in users as circuit clients (no browser), 24 clicks"));
        AssertClicks(output);
        var changed = Regex.Match(output, @"rows changed:\s+(\d+) of (\d+) clicks");
        Assert.That(changed.Success, Is.True, output);
        Assert.That(int.Parse(changed.Groups[1].Value), Is.GreaterThanOrEqualTo(int.Parse(changed.Groups[2].Value) / 2),
            "sorting and paging showed other children at the top of the list");
    }

    [Test]
    public async Task Bench_web_can_still_click_in_Chromium_tabs()
    {
        if (!File.Exists("/usr/bin/chromium")) Assert.Ignore("The Chromium interactive run needs Debian's chromium: run ./.ci/setup.sh.");
        var output = await RunAsync("chromium");
        Assert.That(Regex.Replace(output, @"\s+", " "), Does.Contain("Interactive run: 3 signed-in users in Chromium tabs, 24 clicks"));
        AssertClicks(output);
    }

    private static async Task<string> RunAsync(string driver)
    {
        var scratch = Directory.CreateTempSubdirectory("dashboard-bench-web-test-");
        try
        {
            using var bench = DashboardProcess.Start(new Dictionary<string, string> { ["Dashboard__DataDirectory"] = scratch.FullName },
                ["bench", "web", "--preset", "small", "--users", "3", "--requests", "12", "--clicks", "24", "--click-driver", driver, "--repeats", "3"]);
            Assert.That(await bench.ExitsWithinAsync(TimeSpan.FromMinutes(10)), Is.True, "bench web still running after 10 minutes: " + bench);
            Assert.That(bench.ExitCode, Is.Zero, bench.ToString());
            Assert.That(bench.Output, Does.Contain("Load run: 3 signed-in users, 12 requests"));
            return bench.Output;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static void AssertClicks(string output)
    {
        var clicks = Regex.Matches(output, @"│ (click ""[^""]+""|filter by team)\s+│\s+(\d+) │\s+(\d+) │")
            .Select(m => (Step: m.Groups[1].Value, Clicks: int.Parse(m.Groups[2].Value), Errors: int.Parse(m.Groups[3].Value))).ToList();
        Assert.That(clicks.Select(c => c.Step), Is.SupersetOf(new[] { "click \"Child\"", "click \"Next\"", "click \"Previous\"", "filter by team" }),
            "sorted, paged and filtered over the circuits");
        Assert.That(clicks.Sum(c => c.Clicks), Is.EqualTo(24), "every click measured");
        Assert.That(clicks.Sum(c => c.Errors), Is.Zero, output);
        Assert.That(Regex.Matches(output, @"errors:\s+0 \(target 0\) met"), Has.Count.EqualTo(2), "no errors in the page loads or the clicks");
    }
}
