using Dashboard.Data.Locking;
using Dashboard.Data.Progress;

namespace Dashboard.Data.Tests.Progress;

/// <summary>A board that says running is believed only while its process lives and it keeps being written.</summary>
public sealed class LoadProgressReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 1, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset ProcessStart = Now.AddMinutes(-5);

    private static LoadProgress Board(string host = "this-box", int pid = 4242, double secondsAgo = 1) =>
        new(7, Now.AddMinutes(-1), "Swap", "fact_referral", 0.85, Now.AddSeconds(-secondsAgo), host, pid, ProcessStart);

    [Test]
    public void A_board_written_a_moment_ago_by_a_live_process_is_running()
    {
        var reading = LoadProgressReading.Judge(Board(), Now, StaleAfter, new Probe(running: true));
        Assert.That((reading.State, reading.Reason), Is.EqualTo((LoadProgressState.Running, StopReason.None)));
    }

    [Test]
    public void A_board_whose_process_on_this_machine_is_gone_stopped_reporting_however_recent_it_is()
    {
        var probe = new Probe(running: false);
        var reading = LoadProgressReading.Judge(Board(), Now, StaleAfter, probe);
        Assert.That((reading.State, reading.Reason), Is.EqualTo((LoadProgressState.StoppedReporting, StopReason.ProcessGone)));
        Assert.That(probe.Asked, Is.EqualTo((4242, ProcessStart)), "the pid and its start time (a reused pid started at another time)");
    }

    [Test]
    public void A_process_on_another_machine_is_judged_by_the_clock_alone()
    {
        var reading = LoadProgressReading.Judge(Board(host: "other-box"), Now, StaleAfter, new Probe(running: false));
        Assert.That(reading.State, Is.EqualTo(LoadProgressState.Running), "this machine cannot see another's processes");
        var stale = LoadProgressReading.Judge(Board(host: "other-box", secondsAgo: 61), Now, StaleAfter, new Probe(running: false));
        Assert.That((stale.State, stale.Reason), Is.EqualTo((LoadProgressState.StoppedReporting, StopReason.NoRecentUpdate)));
    }

    [TestCase(60, LoadProgressState.Running)]
    [TestCase(61, LoadProgressState.StoppedReporting)]
    public void A_board_not_written_for_longer_than_the_limit_stopped_reporting(double secondsAgo, LoadProgressState expected)
    {
        Assert.That(LoadProgressReading.Judge(Board(secondsAgo: secondsAgo), Now, StaleAfter, new Probe(running: true)).State, Is.EqualTo(expected));
    }

    [Test]
    public void An_ended_board_is_ended_whatever_became_of_its_process_or_however_old()
    {
        var ended = Board(secondsAgo: 3600) with { Outcome = LoadOutcomes.Failed, FinishedAt = Now.AddHours(-1) };
        Assert.That(LoadProgressReading.Judge(ended, Now, StaleAfter, new Probe(running: false)).State, Is.EqualTo(LoadProgressState.Ended));
    }

    private sealed class Probe(bool running) : IProcessProbe
    {
        public (int, DateTimeOffset)? Asked { get; private set; }

        public string Host => "THIS-BOX";

        public bool IsRunning(int processId, DateTimeOffset startedAt)
        {
            Asked = (processId, startedAt);
            return running;
        }
    }
}
