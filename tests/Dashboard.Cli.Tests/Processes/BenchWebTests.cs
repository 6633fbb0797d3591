using System.Text.RegularExpressions;

namespace Dashboard.Cli.Tests.Processes;

/// <summary>
/// <c>dashboard bench web</c> end to end on a small council: it serves the council, loads pages as signed-in users, then
/// opens each user's tab in Chromium and clicks through the follow-up list over the circuits, and prints what it found.
/// Only that the figures are there and no click failed is checked: how fast is for docs/performance.md, not a test.
/// </summary>
[NonParallelizable]
public sealed class BenchWebTests
{
    [Test]
    public async Task Bench_web_reports_page_loads_and_clicks_over_each_users_circuit_with_no_errors()
    {
        if (!File.Exists("/usr/bin/chromium")) Assert.Ignore("The interactive run needs Debian's chromium: run ./.ci/setup.sh.");
        var scratch = Directory.CreateTempSubdirectory("dashboard-bench-web-test-");
        try
        {
            using var bench = DashboardProcess.Start(new Dictionary<string, string> { ["Dashboard__DataDirectory"] = scratch.FullName },
                ["bench", "web", "--preset", "small", "--users", "3", "--requests", "12", "--clicks", "24", "--repeats", "3"]);
            Assert.That(await bench.ExitsWithinAsync(TimeSpan.FromMinutes(10)), Is.True, "bench web still running after 10 minutes: " + bench);
            Assert.That(bench.ExitCode, Is.Zero, bench.ToString());

            var output = bench.Output;
            Assert.That(output, Does.Contain("Load run: 3 signed-in users, 12 requests"));
            Assert.That(output, Does.Contain("Interactive run: 3 signed-in users in Chromium tabs, "));
            var clicks = Regex.Matches(output, @"│ (click ""[^""]+""|filter by team)\s+│\s+(\d+) │\s+(\d+) │")
                .Select(m => (Step: m.Groups[1].Value, Clicks: int.Parse(m.Groups[2].Value), Errors: int.Parse(m.Groups[3].Value))).ToList();
            Assert.That(clicks.Select(c => c.Step), Is.SupersetOf(new[] { "click \"Child\"", "click \"Next\"", "click \"Previous\"", "filter by team" }),
                "sorted, paged and filtered over the circuits");
            Assert.That(clicks.Sum(c => c.Clicks), Is.EqualTo(24), "every click measured");
            Assert.That(clicks.Sum(c => c.Errors), Is.Zero, bench.ToString());
            Assert.That(Regex.Matches(output, @"errors:\s+0 \(target 0\) met"), Has.Count.EqualTo(2), "no errors in the page loads or the clicks");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
