using Dashboard.Etl.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Cli.Tests.Scheduling;

public class NightlyEtlSchedulerTests
{
    private static readonly ScheduleOptions Options = new(new TimeOnly(2, 0), TimeSpan.FromMinutes(15), TimeZoneInfo.Utc);

    [Test]
    public async Task A_run_that_succeeds_is_reported_once_with_one_attempt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 2, 0, 0, TimeSpan.Zero));
        var triggers = new List<string>();
        var scheduler = new NightlyEtlScheduler((t, _) => { triggers.Add(t); return Task.CompletedTask; }, Options, time, _ => { });

        var report = await scheduler.RunWithRetryAsync(time.GetUtcNow(), CancellationToken.None);

        Assert.That(report.Succeeded, Is.True);
        Assert.That(report.Attempts, Is.EqualTo(1));
        Assert.That(triggers, Is.EqualTo(new[] { "schedule" }));
    }

    [Test]
    public async Task A_failed_run_is_retried_once_after_the_delay_and_then_reported()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 2, 0, 0, TimeSpan.Zero));
        var attempts = new List<(string Trigger, DateTimeOffset At)>();
        var scheduler = new NightlyEtlScheduler((t, _) =>
        {
            attempts.Add((t, time.GetUtcNow()));
            throw new InvalidOperationException($"source unreachable ({t})");
        }, Options, time, _ => { });

        var running = scheduler.RunWithRetryAsync(time.GetUtcNow(), CancellationToken.None);
        Assert.That(attempts, Has.Count.EqualTo(1), "the retry waits for the delay");
        time.Advance(TimeSpan.FromMinutes(15));
        var report = await running;

        Assert.That(attempts.Select(a => a.Trigger), Is.EqualTo(new[] { "schedule", "retry" }));
        Assert.That(attempts[1].At - attempts[0].At, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(report.Succeeded, Is.False);
        Assert.That(report.Attempts, Is.EqualTo(2));
        Assert.That(report.Error, Does.Contain("source unreachable (schedule)").And.Contain("source unreachable (retry)"));
    }

    [Test]
    public async Task A_retry_that_succeeds_is_reported_as_a_success_with_two_attempts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 2, 0, 0, TimeSpan.Zero));
        var calls = 0;
        var scheduler = new NightlyEtlScheduler((_, _) => ++calls == 1 ? throw new InvalidOperationException("locked") : Task.CompletedTask, Options, time, _ => { });

        var running = scheduler.RunWithRetryAsync(time.GetUtcNow(), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(15));
        var report = await running;

        Assert.That(report.Succeeded, Is.True);
        Assert.That(report.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task The_scheduler_waits_for_the_due_time_each_night()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 22, 0, 0, TimeSpan.Zero));
        var runs = new List<DateTimeOffset>();
        var reports = new List<ScheduledRunReport>();
        using var stop = new CancellationTokenSource();
        var scheduler = new NightlyEtlScheduler((_, _) => { runs.Add(time.GetUtcNow()); return Task.CompletedTask; }, Options, time, r =>
        {
            reports.Add(r);
            if (reports.Count == 2) stop.Cancel();
        });

        var running = scheduler.RunAsync(stop.Token);
        time.Advance(TimeSpan.FromHours(3));     // 01:00: nothing yet
        Assert.That(runs, Is.Empty);
        time.Advance(TimeSpan.FromHours(1));     // 02:00 on the 15th
        await WaitUntilAsync(() => runs.Count == 1);
        time.Advance(TimeSpan.FromDays(1));      // 02:00 on the 16th
        await WaitUntilAsync(() => runs.Count == 2);
        await running;

        Assert.That(runs, Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 1, 15, 2, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 16, 2, 0, 0, TimeSpan.Zero),
        }));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.That(condition(), Is.True, "the scheduler did not run in time");
    }
}
