using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Dashboard.Cli.Hosting;

/// <summary>
/// Progress for output that goes to a file or a pipe (cron's mail, the systemd journal, a service log): one line each
/// time the step moves to another stage, with the seconds since it began, instead of a progress bar's redraws. Spectre's
/// own fallback prints a line only when the percentage passes a milestone, so a log could skip a stage altogether (the
/// swap of a fast load never appeared), and could not say where a slow night spent its time. Each stage is written the
/// first time it is reported: a load's reading and writing threads report in turn, and a log should not flip between them.
/// </summary>
internal sealed class StageLog(IAnsiConsole console, string title) : IProgress<(string Stage, double Fraction)>
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <summary>The step has begun: its title, so a log shows what ran even when it reports no stages.</summary>
    public void Begin() => Write(title);

    public void Report((string Stage, double Fraction) value)
    {
        lock (_gate)
        {
            if (_written.Add(value.Stage)) Write($"{title}: {value.Stage}");
        }
    }

    /// <summary>The step has ended, with its whole time.</summary>
    public void End() => Write($"{title}: done");

    private void Write(string text) =>
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {text}"));
}
