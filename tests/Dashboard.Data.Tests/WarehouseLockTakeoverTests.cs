using System.Diagnostics;
using Dashboard.Data.Locking;
using Dashboard.Data.Migrations;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

/// <summary>
/// A run that died must not block the next: a holder on this host whose process is gone is taken over at once; one on
/// another host, or one that is alive, keeps the lock until its lease lapses; a lost lease is noticed by the heartbeat.
/// </summary>
public sealed class WarehouseLockTakeoverTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Started = new(2026, 11, 23, 0, 59, 30, TimeSpan.Zero);

    private TempWarehouse _warehouse = null!;
    private ManualTime _time = null!;
    private FakeProcesses _processes = null!;

    [SetUp]
    public async Task CreateWarehouse()
    {
        _warehouse = new TempWarehouse();
        _time = new ManualTime(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        _processes = new FakeProcesses("council-etl-01");
        await new MigrationRunner(_warehouse.Connections).ApplyAsync();
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private Task<WarehouseLockHandle?> AcquireAsync(LockOwner owner) =>
        WarehouseLock.TryAcquireAsync(_warehouse.Connections, "etl", owner, Lease, _time, _processes);

    [Test]
    public async Task A_holder_on_this_host_whose_process_is_gone_is_taken_over_at_once()
    {
        var dead = new LockOwner("council-etl-01", 4359, Started);
        _processes.Running.Add((4359, Started));
        Assert.That(await AcquireAsync(dead), Is.Not.Null);
        _processes.Running.Clear();   // killed: no release, the lease has nearly all its time to run
        _processes.Running.Add((5120, Started.AddHours(1)));

        await using var next = await AcquireAsync(new LockOwner("council-etl-01", 5120, Started.AddHours(1)));

        Assert.That(next, Is.Not.Null);
        var holder = await WarehouseLock.CurrentHolderAsync(_warehouse.Connections, "etl", _time, _processes);
        Assert.That(holder!.Owner, Is.EqualTo(new LockOwner("council-etl-01", 5120, Started.AddHours(1))));
    }

    [Test]
    public async Task A_reused_pid_is_not_mistaken_for_the_holder()
    {
        Assert.That(await AcquireAsync(new LockOwner("council-etl-01", 4359, Started)), Is.Not.Null);
        _processes.Running.Add((4359, Started.AddMinutes(3)));   // the same pid, given to a process that started later

        Assert.That(await WarehouseLock.CurrentHolderAsync(_warehouse.Connections, "etl", _time, _processes), Is.Null, "the holder is gone");
        await using var next = await AcquireAsync(new LockOwner("council-etl-01", 5120, Started.AddMinutes(4)));
        Assert.That(next, Is.Not.Null);
    }

    [Test]
    public async Task A_live_holder_on_this_host_keeps_the_lock_and_is_named()
    {
        var live = new LockOwner("council-etl-01", 4359, Started);
        _processes.Running.Add((4359, Started));
        await using var held = await AcquireAsync(live);

        Assert.That(await AcquireAsync(new LockOwner("council-etl-01", 5120, Started.AddMinutes(1))), Is.Null);
        var holder = await WarehouseLock.CurrentHolderAsync(_warehouse.Connections, "etl", _time, _processes);
        Assert.That(holder!.Owner, Is.EqualTo(live));
        Assert.That(holder.Holder, Is.EqualTo("host council-etl-01 pid 4359"));
        Assert.That(holder.ExpiresAt, Is.EqualTo(_time.Now + Lease));
    }

    [Test]
    public async Task A_holder_on_another_host_cannot_be_checked_and_blocks_only_until_its_lease_lapses()
    {
        Assert.That(await AcquireAsync(new LockOwner("council-etl-02", 4359, Started)), Is.Not.Null);
        var here = new LockOwner("council-etl-01", 5120, Started);

        Assert.That(await AcquireAsync(here), Is.Null, "a process on another machine cannot be looked at");
        _time.Advance(Lease);
        await using var next = await AcquireAsync(here);
        Assert.That(next, Is.Not.Null, "after one lease (two minutes) the dead run no longer blocks");
    }

    [Test]
    public async Task A_lock_written_before_the_holder_s_process_was_recorded_lapses_with_its_lease_only()
    {
        await using var legacy = await WarehouseLock.TryAcquireAsync(_warehouse.Connections, "etl", "host council-etl-01 pid 4359", Lease, _time);

        Assert.That(await AcquireAsync(new LockOwner("council-etl-01", 5120, Started)), Is.Null);
    }

    [Test]
    public async Task The_heartbeat_reports_a_lease_another_run_has_taken_over()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_time.Now);
        _processes.Running.Add((4359, Started));
        await using var held = await WarehouseLock.TryAcquireAsync(_warehouse.Connections, "etl", new LockOwner("council-etl-02", 4359, Started),
            Lease, time, _processes);
        // The warehouse was out of reach for longer than the lease (no beat got through), so another run took the lock.
        time.Advance(Lease);
        await using var other = await WarehouseLock.TryAcquireAsync(_warehouse.Connections, "etl", new LockOwner("council-etl-01", 5120, Started),
            Lease, time, _processes);
        Assert.That(other, Is.Not.Null);
        held!.StartHeartbeat(Lease / 4);

        time.Advance(Lease / 4);

        Assert.That(await Cancelled(held.Lost), Is.True, "the heartbeat found the lock was no longer its own");
    }

    [Test]
    public async Task The_heartbeat_renews_the_lease_while_the_run_is_alive()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_time.Now);
        await using var held = await WarehouseLock.TryAcquireAsync(_warehouse.Connections, "etl", new LockOwner("council-etl-02", 4359, Started),
            Lease, time, _processes);
        held!.StartHeartbeat(Lease / 4);

        for (var beat = 0; beat < 8; beat++)
        {
            var before = held.ExpiresAt;
            time.Advance(Lease / 4);
            Assert.That(await Renewed(held, before), Is.True, $"beat {beat + 1} renewed the lease");
        }

        Assert.That(held.ExpiresAt, Is.EqualTo(time.GetUtcNow() + Lease), "two leases later the lock is still held, to a fresh expiry");
        Assert.That(held.Lost.IsCancellationRequested, Is.False);
    }

    [Test]
    public void The_operating_system_probe_tells_this_process_from_a_reused_pid_and_a_finished_one()
    {
        var probe = OperatingSystemProcessProbe.Instance;
        var self = LockOwner.CurrentProcess();
        using var finished = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        finished.WaitForExit();
        var finishedId = finished.Id;

        Assert.That(probe.IsRunning(self.ProcessId, self.ProcessStartedAt), Is.True, "this process, with its own start time");
        Assert.That(probe.IsRunning(self.ProcessId, self.ProcessStartedAt.AddMinutes(-10)), Is.False, "the same pid started at another time");
        Assert.That(probe.IsRunning(finishedId, self.ProcessStartedAt), Is.False, "a process that has ended");
        Assert.That(self.Host, Is.EqualTo(probe.Host));
    }

    /// <summary>Waits (without a clock: the fake one does not move) for the heartbeat, which runs on the thread pool.</summary>
    private static async Task<bool> Cancelled(CancellationToken token)
    {
        var done = new TaskCompletionSource();
        using var registration = token.Register(() => done.TrySetResult());
        return await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None)) == done.Task;
    }

    private static async Task<bool> Renewed(WarehouseLockHandle held, DateTimeOffset before)
    {
        for (var i = 0; i < 1000 && held.ExpiresAt == before; i++) await Task.Delay(10);
        return held.ExpiresAt > before;
    }

    private sealed class FakeProcesses(string host) : IProcessProbe
    {
        public HashSet<(int Pid, DateTimeOffset Started)> Running { get; } = [];

        public string Host => host;

        public bool IsRunning(int processId, DateTimeOffset startedAt) => Running.Contains((processId, startedAt));
    }
}
