using Dashboard.Etl.Scheduling;

namespace Dashboard.Cli.Tests.Scheduling;

public class NightlyScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeOnly TwoAm = new(2, 0);

    [Test]
    public void Before_the_time_the_next_run_is_tonight()
    {
        var now = new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.Zero);
        Assert.That(NightlySchedule.NextRun(now, TwoAm, London), Is.EqualTo(new DateTimeOffset(2026, 1, 15, 2, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Exactly_at_the_time_the_next_run_is_tomorrow()
    {
        var now = new DateTimeOffset(2026, 1, 15, 2, 0, 0, TimeSpan.Zero);
        Assert.That(NightlySchedule.NextRun(now, TwoAm, London), Is.EqualTo(new DateTimeOffset(2026, 1, 16, 2, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void In_summer_02_00_London_is_01_00_UTC()
    {
        var now = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.That(NightlySchedule.NextRun(now, TwoAm, London), Is.EqualTo(new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void On_the_spring_forward_night_a_missing_time_runs_just_after_the_gap()
    {
        // 29 March 2026: clocks go from 01:00 to 02:00 GMT/BST, so 01:30 does not exist.
        var now = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var next = NightlySchedule.NextRun(now, new TimeOnly(1, 30), London);
        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public void On_the_autumn_night_a_repeated_time_runs_once_at_the_first()
    {
        // 25 October 2026: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        var now = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);
        var first = NightlySchedule.NextRun(now, new TimeOnly(1, 30), London);
        Assert.That(first.UtcDateTime, Is.EqualTo(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc)));
        var second = NightlySchedule.NextRun(first, new TimeOnly(1, 30), London);
        Assert.That(second.UtcDateTime, Is.EqualTo(new DateTime(2026, 10, 26, 1, 30, 0, DateTimeKind.Utc)));
    }
}
