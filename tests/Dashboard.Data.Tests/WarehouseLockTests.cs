using Dashboard.Data.Locking;
using Dashboard.Data.Migrations;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

public sealed class WarehouseLockTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private TempWarehouse _warehouse = null!;
    private ManualTime _time = null!;

    [SetUp]
    public async Task CreateWarehouse()
    {
        _warehouse = new TempWarehouse();
        _time = new ManualTime(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        await new MigrationRunner(_warehouse.Connections).ApplyAsync();
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private Task<WarehouseLockHandle?> AcquireAsync(string holder) =>
        WarehouseLock.TryAcquireAsync(_warehouse.Connections, "etl", holder, Lifetime, _time);

    [Test]
    public async Task A_second_acquire_gets_nothing_while_the_lock_is_held()
    {
        await using var first = await AcquireAsync("host-a:100");

        var second = await AcquireAsync("host-b:200");

        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.Null);
        var holder = await WarehouseLock.CurrentHolderAsync(_warehouse.Connections, "etl", _time);
        Assert.That(holder!.Holder, Is.EqualTo("host-a:100"));
        Assert.That(holder.ExpiresAt, Is.EqualTo(_time.Now + Lifetime));
    }

    [Test]
    public async Task The_lock_can_be_taken_again_after_it_is_released()
    {
        var first = await AcquireAsync("host-a:100");
        await first!.DisposeAsync();

        await using var second = await AcquireAsync("host-b:200");

        Assert.That(second, Is.Not.Null);
        Assert.That(await WarehouseLock.CurrentHolderAsync(_warehouse.Connections, "etl", _time), Has.Property("Holder").EqualTo("host-b:200"));
    }

    [Test]
    public async Task An_expired_lock_is_taken_over_and_the_late_holder_cannot_release_the_new_one()
    {
        var stale = await AcquireAsync("host-a:100");
        _time.Advance(Lifetime);

        await using var fresh = await AcquireAsync("host-b:200");
        await stale!.DisposeAsync();

        Assert.That(fresh, Is.Not.Null);
        Assert.That(await AcquireAsync("host-c:300"), Is.Null, "host-a's release must not have deleted host-b's lock");
        Assert.That(() => stale.RenewAsync(), Throws.TypeOf<ObjectDisposedException>(), "a released handle cannot be renewed");
    }

    [Test]
    public async Task A_lock_one_millisecond_before_expiry_is_still_held()
    {
        await using var first = await AcquireAsync("host-a:100");
        _time.Advance(Lifetime - TimeSpan.FromMilliseconds(1));

        Assert.That(await AcquireAsync("host-b:200"), Is.Null);
    }

    [Test]
    public async Task Renewing_pushes_the_expiry_out_by_the_lifetime()
    {
        await using var held = await AcquireAsync("host-a:100");
        _time.Advance(TimeSpan.FromHours(1.5));

        Assert.That(await held!.RenewAsync(), Is.True);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.That(await AcquireAsync("host-b:200"), Is.Null);
        Assert.That(held.ExpiresAt, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 4, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task Locks_with_different_names_do_not_block_each_other()
    {
        await using var etl = await AcquireAsync("host-a:100");

        await using var other = await WarehouseLock.TryAcquireAsync(_warehouse.Connections, "indicators", "host-b:200", Lifetime, _time);

        Assert.That(other, Is.Not.Null);
    }
}
