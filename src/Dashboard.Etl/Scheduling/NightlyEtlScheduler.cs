namespace Dashboard.Etl.Scheduling;

/// <summary>How the nightly run is scheduled.</summary>
/// <param name="At">Local time of day to run (default 02:00).</param>
/// <param name="RetryDelay">How long to wait before the one retry of a failed run.</param>
/// <param name="Zone">The council's time zone (default: the machine's).</param>
public sealed record ScheduleOptions(TimeOnly At, TimeSpan RetryDelay, TimeZoneInfo? Zone = null)
{
    public static readonly ScheduleOptions Default = new(new TimeOnly(2, 0), TimeSpan.FromMinutes(15));
}

/// <summary>What happened to one night's run, after its retry if it needed one.</summary>
public sealed record ScheduledRunReport(DateTimeOffset DueAt, DateTimeOffset FinishedAt, bool Succeeded, int Attempts, string? Error);

/// <summary>
/// Runs the ETL every night at the configured local time, as a long-running process (the CLI's
/// <c>dashboard schedule</c>, and later the dashboard server). A failed run is retried once after
/// <see cref="ScheduleOptions.RetryDelay"/>, then reported. Overlap with a run started elsewhere (by hand,
/// or by a second scheduler) is prevented by the warehouse lock the ETL itself takes, not here.
/// </summary>
public sealed class NightlyEtlScheduler(
    Func<string, CancellationToken, Task> runEtl,
    ScheduleOptions options,
    TimeProvider time,
    Action<ScheduledRunReport> report)
{
    /// <summary>Waits for each night's due time and runs, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var zone = options.Zone ?? time.LocalTimeZone;
        DateTimeOffset? previous = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            // The night after the last one that ran. If that time has already passed (a run overran, or
            // the machine slept through it) the missed load runs at once, and only once.
            var now = time.GetUtcNow();
            var due = NightlySchedule.NextRun(previous ?? now, options.At, zone);
            if (due < now) due = now;
            previous = due;
            var wait = due - now;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            report(await RunWithRetryAsync(due, cancellationToken));
        }
    }

    /// <summary>One night's run: an attempt, and if it fails, one retry after the delay.</summary>
    public async Task<ScheduledRunReport> RunWithRetryAsync(DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var error = await TryRunAsync("schedule", cancellationToken);
        if (error is null) return new ScheduledRunReport(dueAt, time.GetUtcNow(), true, 1, null);

        await Task.Delay(options.RetryDelay, time, cancellationToken);
        var retryError = await TryRunAsync("retry", cancellationToken);
        return retryError is null
            ? new ScheduledRunReport(dueAt, time.GetUtcNow(), true, 2, null)
            : new ScheduledRunReport(dueAt, time.GetUtcNow(), false, 2, $"{error} Retry: {retryError}");
    }

    private async Task<string?> TryRunAsync(string trigger, CancellationToken cancellationToken)
    {
        try
        {
            await runEtl(trigger, cancellationToken);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A night's failure of any kind is reported, and the scheduler keeps going.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex.Message;
        }
    }
}
