using Dashboard.Data.App;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.App;

public sealed class UserStoreTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TempWarehouse _warehouse = null!;
    private ManualTime _time = null!;
    private UserStore _users = null!;

    [SetUp]
    public async Task CreateWarehouse()
    {
        _warehouse = new TempWarehouse();
        await WarehouseSetup.PrepareAsync(_warehouse.Connections);
        _time = new ManualTime(Nine);
        _users = new UserStore(_warehouse.Connections, _time);
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private static NewUser AManager(string name = "Jo.Manager", params string[] teams) =>
        new(name, "Jo Manager", AppRole.Manager, "hash-1", PasswordMustChange: true, Teams: teams);

    [Test]
    public async Task A_new_user_is_stored_lower_case_and_found_in_any_case_with_their_teams()
    {
        var id = await _users.AddAsync(AManager(" Jo.Manager ", "T2", "T1", "T1"));

        var user = await _users.FindAsync("JO.MANAGER");

        Assert.That(user, Is.Not.Null);
        Assert.That(user!.UserId, Is.EqualTo(id));
        Assert.That((user.UserName, user.DisplayName, user.Role, user.PasswordHash), Is.EqualTo(("jo.manager", "Jo Manager", AppRole.Manager, "hash-1")));
        Assert.That((user.IsDisabled, user.FailedSignIns, user.LockedUntil, user.PasswordMustChange, user.LastSignInAt),
            Is.EqualTo((false, 0, (DateTimeOffset?)null, true, (DateTimeOffset?)null)));
        Assert.That((user.CreatedAt, user.UpdatedAt), Is.EqualTo((Nine, Nine)));
        Assert.That(user.Teams, Is.EqualTo(new[] { "T1", "T2" }), "trimmed, de-duplicated, in order");
        Assert.That(await _users.FindAsync("nobody"), Is.Null);
    }

    [Test]
    public async Task A_second_user_with_the_same_name_in_another_case_is_refused()
    {
        await _users.AddAsync(AManager("jo.manager"));

        Assert.That(() => _users.AddAsync(AManager("JO.Manager")),
            Throws.TypeOf<DuplicateUserException>().With.Message.EqualTo("A user named jo.manager already exists."));
        Assert.That(await _users.ListAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Failed_sign_ins_lock_the_account_at_the_limit_and_the_lock_runs_out()
    {
        await _users.AddAsync(AManager());

        var first = await _users.RecordFailedSignInAsync("jo.manager", Nine, maxAttempts: 3, TimeSpan.FromMinutes(15));
        var second = await _users.RecordFailedSignInAsync("jo.manager", Nine.AddMinutes(1), 3, TimeSpan.FromMinutes(15));
        var third = await _users.RecordFailedSignInAsync("jo.manager", Nine.AddMinutes(2), 3, TimeSpan.FromMinutes(15));

        Assert.That(first, Is.EqualTo(new FailedSignInState(1, null, Locked: false)));
        Assert.That(second, Is.EqualTo(new FailedSignInState(2, null, Locked: false)));
        Assert.That(third, Is.EqualTo(new FailedSignInState(0, Nine.AddMinutes(17), Locked: true)), "count starts again once locked");
        var user = (await _users.FindAsync("jo.manager"))!;
        Assert.That(user.IsLockedAt(Nine.AddMinutes(16)), Is.True);
        Assert.That(user.IsLockedAt(Nine.AddMinutes(17)), Is.False, "the lock's end is exclusive");
    }

    [Test]
    public async Task A_successful_sign_in_clears_failures_and_the_lock_and_records_the_time()
    {
        await _users.AddAsync(AManager());
        await _users.RecordFailedSignInAsync("jo.manager", Nine, 1, TimeSpan.FromHours(1));
        await _users.RecordFailedSignInAsync("jo.manager", Nine.AddHours(2), 5, TimeSpan.FromHours(1));

        await _users.RecordSignInAsync("Jo.Manager", Nine.AddHours(3));

        var user = (await _users.FindAsync("jo.manager"))!;
        Assert.That((user.FailedSignIns, user.LockedUntil, user.LastSignInAt), Is.EqualTo((0, (DateTimeOffset?)null, (DateTimeOffset?)Nine.AddHours(3))));
        Assert.That(user.UpdatedAt, Is.EqualTo(Nine), "sign-in bookkeeping is not an edit");
    }

    [Test]
    public async Task Setting_a_password_clears_the_lock_and_says_whether_it_must_change()
    {
        await _users.AddAsync(AManager());
        await _users.RecordFailedSignInAsync("jo.manager", Nine, 1, TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromMinutes(5));

        await _users.SetPasswordAsync("jo.manager", "hash-2", mustChange: false);

        var user = (await _users.FindAsync("jo.manager"))!;
        Assert.That((user.PasswordHash, user.PasswordMustChange, user.FailedSignIns, user.LockedUntil),
            Is.EqualTo(("hash-2", false, 0, (DateTimeOffset?)null)));
        Assert.That(user.UpdatedAt, Is.EqualTo(Nine.AddMinutes(5)));
    }

    [Test]
    public async Task A_user_can_be_disabled_and_enabled_again()
    {
        await _users.AddAsync(AManager());

        await _users.SetDisabledAsync("jo.manager", true);
        Assert.That((await _users.FindAsync("jo.manager"))!.IsDisabled, Is.True);

        await _users.SetDisabledAsync("jo.manager", false);
        Assert.That((await _users.FindAsync("jo.manager"))!.IsDisabled, Is.False);
    }

    [Test]
    public async Task Teams_are_replaced_whole_and_listed_with_every_user()
    {
        await _users.AddAsync(AManager("jo.manager", "T1"));
        await _users.AddAsync(new NewUser("al.analyst", "Al Analyst", AppRole.Analyst, "hash"));

        await _users.SetTeamsAsync("jo.manager", ["T3", "T2"]);

        var users = await _users.ListAsync();
        Assert.That(users.Select(u => (u.UserName, string.Join(",", u.Teams))),
            Is.EqualTo(new[] { ("al.analyst", ""), ("jo.manager", "T2,T3") }));
        await _users.SetTeamsAsync("jo.manager", []);
        Assert.That((await _users.FindAsync("jo.manager"))!.Teams, Is.Empty);
    }

    [Test]
    public async Task Every_change_to_a_missing_user_says_no_user_by_that_name()
    {
        await _users.AddAsync(AManager());
        var message = "No user named ghost.";

        Assert.That(() => _users.SetDisabledAsync("Ghost", true), Throws.TypeOf<UnknownUserException>().With.Message.EqualTo(message));
        Assert.That(() => _users.SetPasswordAsync("ghost", "h", false), Throws.TypeOf<UnknownUserException>().With.Message.EqualTo(message));
        Assert.That(() => _users.SetTeamsAsync("ghost", ["T1"]), Throws.TypeOf<UnknownUserException>().With.Message.EqualTo(message));
        Assert.That(() => _users.RecordFailedSignInAsync("ghost", Nine, 3, TimeSpan.FromMinutes(1)), Throws.TypeOf<UnknownUserException>());
        Assert.That(() => _users.RecordSignInAsync("ghost", Nine), Throws.TypeOf<UnknownUserException>());
    }
}
