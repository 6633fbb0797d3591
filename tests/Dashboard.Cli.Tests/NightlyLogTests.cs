using System.Text.RegularExpressions;

namespace Dashboard.Cli.Tests;

/// <summary>
/// A nightly run's output goes to a log (cron's mail, the systemd journal), not a terminal: every stage of the load is
/// written there once, in order, with the seconds since it began, so IT can see where a run stopped or spent its time.
/// </summary>
public sealed class NightlyLogTests
{
    [Test]
    public async Task A_load_logged_to_a_file_lists_each_stage_once_in_order_with_its_time()
    {
        using var cli = new CliHarness();
        Assert.That((await cli.RunAsync("generate", "--preset", "scilly", "--out", cli.SourcePath)).ExitCode, Is.Zero);

        var run = await cli.RunAsync("etl");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var stages = Regex.Matches(run.Output, @"^\[ *(\d+\.\d) s\] Loading the warehouse(?:: (.+))?$", RegexOptions.Multiline)
            .Select(m => (Seconds: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Stage: m.Groups[2].Value.TrimEnd()))
            .ToList();
        var names = stages.Select(s => s.Stage).ToList();
        Assert.That(names, Is.Unique, "each stage once");
        Assert.That(names[0], Is.Empty, "the step's title first");
        Assert.That(names[^1], Is.EqualTo("done"));
        Assert.That(names, Has.Some.StartsWith("Validate ssd_person").And.Some.StartsWith("Swap ").And.Some.EqualTo("Indicators"));
        Assert.That(names.FindIndex(n => n.StartsWith("Swap ", StringComparison.Ordinal)), Is.LessThan(names.IndexOf("Indicators")));
        Assert.That(stages.Select(s => s.Seconds), Is.Ordered, "times only go forward");
        Assert.That(run.Output, Does.Not.Contain("%"), "no progress-bar percentages in a log");
    }
}
