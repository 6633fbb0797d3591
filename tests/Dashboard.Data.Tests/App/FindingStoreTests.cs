using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.App;

public sealed class FindingStoreTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TempWarehouse _warehouse = null!;
    private ManualTime _time = null!;
    private FindingStore _findings = null!;

    [SetUp]
    public async Task CreateWarehouse()
    {
        _warehouse = new TempWarehouse();
        await WarehouseSetup.PrepareAsync(_warehouse.Connections);
        _time = new ManualTime(Nine);
        _findings = new FindingStore(_warehouse.Connections, _time);
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private static FindingDraft Visits(params string[] indicators) =>
        new(new DateOnly(2026, 1, 20), Theme.Seen, "Children are not always seen alone", "Inspectors found...", indicators);

    [Test]
    public async Task A_finding_is_added_and_read_back_with_its_indicators()
    {
        var id = await _findings.AddAsync(Visits("SEEN-02", "SEEN-01", "SEEN-01"), "ali.lead");

        var finding = await _findings.GetAsync(id);

        Assert.That(finding! with { IndicatorIds = [] }, Is.EqualTo(new Finding(id, new DateOnly(2026, 1, 20), Theme.Seen,
            "Children are not always seen alone", "Inspectors found...", [], "ali.lead", Nine, Nine)));
        Assert.That(finding.IndicatorIds, Is.EqualTo(new[] { "SEEN-01", "SEEN-02" }));
        Assert.That(await _warehouse.Connections.ScalarAsync<string>("SELECT theme FROM app_finding"), Is.EqualTo("SEEN"));
    }

    [Test]
    public async Task What_is_being_done_is_kept_changed_and_cleared_with_the_finding()
    {
        var id = await _findings.AddAsync(Visits("SEEN-01") with { Action = "  Weekly checks of due visits.  " }, "ali.lead");
        Assert.That((await _findings.GetAsync(id))!.Action, Is.EqualTo("Weekly checks of due visits."));

        await _findings.UpdateAsync(id, Visits("SEEN-01") with { Action = "Visits audited monthly." });
        Assert.That((await _findings.ListAsync()).Single().Action, Is.EqualTo("Visits audited monthly."));

        // Blank means nothing is recorded, stored as NULL so the packs can say so.
        await _findings.UpdateAsync(id, Visits("SEEN-01") with { Action = "   " });
        Assert.That((await _findings.GetAsync(id))!.Action, Is.Null);
        Assert.That(await _warehouse.Connections.ScalarAsync<object>("SELECT action_taken FROM app_finding"), Is.InstanceOf<DBNull>().Or.Null);
    }

    [Test]
    public async Task Findings_are_listed_newest_letter_first_with_their_indicators()
    {
        await _findings.AddAsync(Visits("SEEN-01"), "ali.lead");
        await _findings.AddAsync(new FindingDraft(new DateOnly(2026, 2, 1), Theme.Workforce, "Caseloads", "High", []), "ali.lead");

        var list = await _findings.ListAsync();

        Assert.That(list.Select(f => (f.Theme, string.Join(",", f.IndicatorIds))),
            Is.EqualTo(new[] { (Theme.Workforce, ""), (Theme.Seen, "SEEN-01") }));
    }

    [Test]
    public async Task An_update_replaces_the_text_and_indicators_and_moves_updated_at()
    {
        var id = await _findings.AddAsync(Visits("SEEN-01"), "ali.lead");
        _time.Advance(TimeSpan.FromDays(1));

        var updated = await _findings.UpdateAsync(id, Visits("SEEN-03") with { Theme = Theme.Plans, Title = "Plans drift" });

        var finding = (await _findings.GetAsync(id))!;
        Assert.That(updated, Is.True);
        Assert.That((finding.Theme, finding.Title, finding.CreatedAt, finding.UpdatedAt), Is.EqualTo((Theme.Plans, "Plans drift", Nine, Nine.AddDays(1))));
        Assert.That(finding.IndicatorIds, Is.EqualTo(new[] { "SEEN-03" }));
        Assert.That(await _findings.UpdateAsync(id + 99, Visits()), Is.False);
    }

    [Test]
    public async Task A_deleted_finding_and_its_indicator_links_are_gone()
    {
        var id = await _findings.AddAsync(Visits("SEEN-01"), "ali.lead");

        Assert.That(await _findings.DeleteAsync(id), Is.True);
        Assert.That(await _findings.GetAsync(id), Is.Null);
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM app_finding_indicator"), Is.Zero);
        Assert.That(await _findings.DeleteAsync(id), Is.False);
    }
}
