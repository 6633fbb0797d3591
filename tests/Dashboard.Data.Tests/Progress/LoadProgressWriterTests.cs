using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Data.Tests.Progress;

/// <summary>
/// The writer behind a load's progress reports: every stage change reaches the board, other reports at most every half
/// second, a heartbeat during a long quiet stage, the load id once the run has recorded itself, and an ending. The
/// clock is a fake one, so nothing here depends on how fast the machine is.
/// </summary>
public sealed class LoadProgressWriterTests
{
    private static readonly LockOwner Process = new("this-box", 4242, new DateTimeOffset(2026, 4, 1, 1, 59, 0, TimeSpan.Zero));
    private FakeTimeProvider _time = null!;
    private RecordingBoard _board = null!;

    [SetUp]
    public void Start()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.Zero));
        _board = new RecordingBoard();
    }

    [Test]
    public async Task Each_stage_change_is_written_and_reports_within_a_stage_at_most_every_half_second()
    {
        await using var writer = new LoadProgressWriter(_board, Process, _time);
        await writer.FlushAsync();
        Assert.That(_board.Written.Select(w => w.Stage), Is.EqualTo(new[] { "Prepare" }), "the board says a load has started at once");

        writer.Report("Validate", "ssd_person", 0.10);
        await writer.FlushAsync();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        writer.Report("Validate", "ssd_person", 0.12);
        await writer.FlushAsync();
        Assert.That(_board.Written.Select(w => w.Fraction), Is.EqualTo(new[] { 0.0, 0.10 }), "0.12 came within half a second of 0.10");

        _time.Advance(TimeSpan.FromMilliseconds(400));
        writer.Report("Validate", "ssd_person", 0.15);
        writer.Report("Stage", "ssd_person", 0.16);
        await writer.FlushAsync();

        Assert.That(_board.Written[^1], Is.EqualTo(_board.Written[^1] with { Stage = "Stage", Table = "ssd_person", Fraction = 0.16, UpdatedAt = _time.GetUtcNow() }));
        Assert.That(_board.Written, Has.All.Matches<LoadProgress>(w => w.Host == "this-box" && w.ProcessId == 4242 && w.Outcome == null));
    }

    [Test]
    public async Task A_long_quiet_stage_is_rewritten_every_heartbeat_so_a_reader_knows_the_load_still_lives()
    {
        await using var writer = new LoadProgressWriter(_board, Process, _time);
        writer.Report("Indicators", null, 0.975);
        await writer.FlushAsync();
        var before = _board.Written.Count;
        var reported = _time.GetUtcNow();

        // The fake clock moves a second at a time until the writer's own task has written (it may start waiting a little
        // after the flush returns, so a single jump of one heartbeat could land before its wait began).
        for (var i = 0; i < 200 && _board.Written.Count == before; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.That(_board.Written, Has.Count.GreaterThan(before), "the heartbeat wrote the board");
        var beat = _board.Written[before];
        Assert.That(beat with { UpdatedAt = reported }, Is.EqualTo(_board.Written[before - 1] with { UpdatedAt = reported }), "the same position");
        Assert.That(beat.UpdatedAt - reported, Is.InRange(LoadProgressWriter.Heartbeat, LoadProgressWriter.Heartbeat * 2), "newly dated");
    }

    [Test]
    public async Task The_load_id_is_found_once_the_run_is_past_prepare_and_the_end_says_how_it_ended()
    {
        var asked = 0;
        var writer = new LoadProgressWriter(_board, Process, _time, _ => Task.FromResult<long?>(++asked == 1 ? 31 : 99));
        await writer.FlushAsync();
        Assert.That(_board.Written[^1].LoadId, Is.Null, "the run's row does not exist during Prepare");

        writer.Report("Extract", "ssd_person", 0.02);
        await writer.FlushAsync();
        writer.Report("Validate", "ssd_person", 0.05);
        await writer.FlushAsync();
        _time.Advance(TimeSpan.FromSeconds(3));
        await writer.CompleteAsync(LoadOutcomes.Failed, null);

        Assert.That(asked, Is.EqualTo(1), "asked once");
        Assert.That(_board.Written.Skip(1).Select(w => w.LoadId), Has.All.EqualTo(31L));
        var end = _board.Written[^1];
        Assert.That((end.Outcome, end.FinishedAt, end.Stage, end.Fraction), Is.EqualTo(((string?)LoadOutcomes.Failed, (DateTimeOffset?)_time.GetUtcNow(), "Validate", 0.05)));
        writer.Report("Stage", "ssd_person", 0.5);
        Assert.That(_board.Written[^1].Outcome, Is.EqualTo(LoadOutcomes.Failed), "nothing is written after the end");
    }

    [Test]
    public async Task A_board_that_cannot_be_written_never_fails_the_load_and_says_so()
    {
        _board.Fail = true;
        var writer = new LoadProgressWriter(_board, Process, _time);
        writer.Report("Validate", "ssd_person", 0.1);
        await writer.CompleteAsync(LoadOutcomes.Succeeded, 5);

        Assert.That(writer.Failures, Is.Positive, "the end at least was tried");
        Assert.That(writer.LastWriteSucceeded, Is.False);
        Assert.That(writer.LastError, Is.EqualTo("disk full"));
    }

    private sealed class RecordingBoard : ILoadProgressBoard
    {
        private readonly Lock _gate = new();
        private readonly List<LoadProgress> _written = [];

        public bool Fail { get; set; }

        public List<LoadProgress> Written
        {
            get { lock (_gate) return [.. _written]; }
        }

        public Task WriteAsync(LoadProgress progress, CancellationToken cancellationToken = default)
        {
            if (Fail) throw new IOException("disk full");
            lock (_gate) _written.Add(progress);
            return Task.CompletedTask;
        }

        public Task<LoadProgress?> ReadAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(Written.LastOrDefault());
    }
}
