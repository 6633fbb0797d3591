using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Cli.Tests.Processes;

/// <summary>
/// <c>dashboard bench etl</c> end to end on the small council: it loads the council, times the bare-insert yardstick
/// before and after the run, and prints the run phase by phase with the load's share of the yardstick. What is checked
/// is that every figure the targets are judged by is printed and that the yardstick is the mean of its two measurements;
/// how fast is for docs/performance.md, not a test.
/// </summary>
[NonParallelizable]
public sealed class BenchEtlTests
{
    [Test]
    public async Task Bench_etl_prints_the_yardstick_before_and_after_the_run_and_judges_the_load_by_their_mean()
    {
        var scratch = Directory.CreateTempSubdirectory("dashboard-bench-etl-test-");
        try
        {
            using var bench = DashboardProcess.Start(new Dictionary<string, string> { ["Dashboard__DataDirectory"] = scratch.FullName },
                ["bench", "etl", "--preset", "small"]);
            Assert.That(await bench.ExitsWithinAsync(TimeSpan.FromMinutes(5)), Is.True, "bench etl still running after 5 minutes: " + bench);
            Assert.That(bench.ExitCode, Is.Zero, bench.ToString());
            var output = bench.Output;

            var both = Regex.Match(output, @"bare insert, before and after the run: ([\d.,]+) s and ([\d.,]+) s \(the yardstick is their mean\)");
            Assert.That(both.Success, Is.True, output);
            var mean = Regex.Match(output, @"bare insert loop:\s+([\d.,]+) s \(([\d,]+) rows/s\)");
            Assert.That(mean.Success, Is.True, output);
            Assert.That(Seconds(mean.Groups[1].Value), Is.EqualTo((Seconds(both.Groups[1].Value) + Seconds(both.Groups[2].Value)) / 2).Within(0.1),
                "the yardstick printed is the mean of the two measurements");

            var rows = long.Parse(Regex.Match(output, @"rows:\s+([\d,]+) source rows").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Assert.That(rows, Is.GreaterThan(0));
            Assert.That(output, Does.Match(@"of which collections' pauses \(\d[\d,]* gen0, \d[\d,]* gen1, \d[\d,]* gen2\)"), "the staging phase's collections");
            Assert.That(output, Does.Match(@"run \(load \+ indicators\):\s+[\d.]+ s \(target <= 25 s\) (met|NOT MET)"));
            Assert.That(output, Does.Match(@"load / bare insert rate:\s+\d+(\.\d)?% \(target >= 60%\) (met|NOT MET)"));
            Assert.That(output, Does.Match(@"peak memory:\s+[\d.]+ GiB"));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static double Seconds(string text) => double.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
