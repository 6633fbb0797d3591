using Dashboard.Data.App;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.App;

public sealed class AuditLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TempWarehouse _warehouse = null!;
    private AuditLog _audit = null!;

    [SetUp]
    public async Task CreateWarehouseWithTwelveEntries()
    {
        _warehouse = new TempWarehouse();
        await WarehouseSetup.PrepareAsync(_warehouse.Connections);
        _audit = new AuditLog(_warehouse.Connections);
        // Minutes 0..9: jo views ten children; minute 10: an anonymous failed sign-in; minute 11: al is denied.
        for (var i = 0; i < 10; i++)
        {
            await _audit.WriteAsync(new AuditEntry(Start.AddMinutes(i), "Jo.Manager", "Manager", "view-child-timeline", $"/children/P{i}",
                AuditOutcome.Allowed, "10.0.0.1"));
        }
        await _audit.WriteAsync(new AuditEntry(Start.AddMinutes(10), null, null, "sign-in-failed", "/sign-in", AuditOutcome.Failed,
            Detail: "unknown user name"));
        await _audit.WriteAsync(new AuditEntry(Start.AddMinutes(11), "al.analyst", "Analyst", "denied", "/children/P1", AuditOutcome.Denied));
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    [Test]
    public async Task Rows_come_newest_first_with_the_total_for_paging()
    {
        var first = await _audit.RecentAsync(new AuditQuery { Limit = 5 });
        var third = await _audit.RecentAsync(new AuditQuery { Offset = 10, Limit = 5 });

        Assert.That(first.Total, Is.EqualTo(12));
        Assert.That(first.Rows.Select(r => r.Resource), Is.EqualTo(new[] { "/children/P1", "/sign-in", "/children/P9", "/children/P8", "/children/P7" }));
        Assert.That(third.Rows.Select(r => r.Resource), Is.EqualTo(new[] { "/children/P1", "/children/P0" }));
        Assert.That(third.Total, Is.EqualTo(12));
    }

    [Test]
    public async Task Every_field_is_read_back_and_an_anonymous_entry_has_no_user()
    {
        var page = await _audit.RecentAsync(new AuditQuery { Action = "sign-in-failed" });

        Assert.That(page.Rows.Single() with { AuditId = 0 }, Is.EqualTo(new AuditRecord(0, Start.AddMinutes(10), null, null, "sign-in-failed",
            "/sign-in", AuditOutcome.Failed, null, "unknown user name")));
    }

    [Test]
    public async Task Filters_by_user_in_any_case_by_action_and_by_a_half_open_time_range()
    {
        var jo = await _audit.RecentAsync(new AuditQuery { UserName = "JO.MANAGER", Limit = 100 });
        var range = await _audit.RecentAsync(new AuditQuery { From = Start.AddMinutes(2), To = Start.AddMinutes(5) });
        var denied = await _audit.RecentAsync(new AuditQuery { Action = "denied", UserName = "al.analyst" });

        Assert.That(jo.Total, Is.EqualTo(10));
        Assert.That(jo.Rows.Select(r => r.UserName).Distinct(), Is.EqualTo(new[] { "jo.manager" }));
        Assert.That(range.Rows.Select(r => r.OccurredAt), Is.EqualTo(new[] { Start.AddMinutes(4), Start.AddMinutes(3), Start.AddMinutes(2) }),
            "from included, to excluded");
        Assert.That(denied.Rows.Single().Outcome, Is.EqualTo(AuditOutcome.Denied));
    }

    [Test]
    public void A_page_needs_at_least_one_row()
    {
        Assert.That(() => _audit.RecentAsync(new AuditQuery { Limit = 0 }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
