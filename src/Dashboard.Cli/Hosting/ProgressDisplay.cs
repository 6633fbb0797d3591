using Spectre.Console;

namespace Dashboard.Cli.Hosting;

/// <summary>Runs a long step under a Spectre.Console progress bar fed by the step's own progress reports; when the output
/// is not a terminal, as a line per stage (<see cref="StageLog"/>).</summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, Func<IProgress<(string Stage, double Fraction)>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive) return await RunLoggedAsync(console, title, work);
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1.0);
                var progress = new Relay<(string Stage, double Fraction)>(report =>
                {
                    task.Description = Markup.Escape($"{title}: {report.Stage}");
                    task.Value = Math.Clamp(report.Fraction, 0, 1);
                });
                result = await work(progress);
                task.Description = Markup.Escape(title);
                task.Value = 1.0;
            });
        return result;
    }

    /// <summary>A step that reports no progress gets a spinner, not a bar that would sit at 0% until it is done.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, string title, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive) return RunLoggedAsync(console, title, _ => work());
        return console.Status().StartAsync(Markup.Escape(title) + "...", _ => work());
    }

    /// <summary>Output that is not a terminal: the title when the step begins, a line per stage it reports, and its end.</summary>
    private static async Task<T> RunLoggedAsync<T>(IAnsiConsole console, string title, Func<IProgress<(string Stage, double Fraction)>, Task<T>> work)
    {
        var log = new StageLog(console, title);
        log.Begin();
        var done = await work(log);
        log.End();
        return done;
    }
}
