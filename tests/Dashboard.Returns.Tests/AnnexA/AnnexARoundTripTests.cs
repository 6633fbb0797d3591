using Dashboard.Returns.AnnexA;
using Dashboard.Returns.Tests.Support;
using Dashboard.Synthetic;

namespace Dashboard.Returns.Tests.AnnexA;

/// <summary>
/// The small synthetic council written as Annex A at 31 March 2026 and read back: for the indicators Annex A supports
/// (docs/returns/annex-a.md), every figure equals the SSD path's from October 2025, the first month wholly inside the
/// 6-month window, for period measures, and in March 2026 for as-at measures read from last visits and latest reviews.
/// </summary>
[NonParallelizable]
public class AnnexARoundTripTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);
    private static RoundTrip _trip = null!;

    [OneTimeSetUp]
    public async Task WriteAndImport() =>
        _trip = await RoundTrip.RunAsync(CouncilPreset.Small, AsOf, 3, (new AnnexAWriter(), new AnnexAImporter()));

    [OneTimeTearDown]
    public void CleanUp() => _trip?.Dispose();

    /// <summary>Period measures: every month wholly inside the window (FRONT-02 from its second month, since a referral's
    /// contact may fall in the month before).</summary>
    [TestCase("FRONT-04", "2025-10")]
    [TestCase("FRONT-05", "2025-10")]
    [TestCase("RISK-04", "2025-10")]
    [TestCase("RISK-06", "2025-10")]
    [TestCase("FRONT-02", "2025-11")]
    public void Period_figures_equal_the_ssd_path_at_council_level(string indicator, string from) =>
        Assert.That(_trip.Differences([indicator], from), Is.Empty);

    /// <summary>As-at measures read from the last visit, the latest review or the care leaver's status: the reference month.</summary>
    [TestCase("SEEN-01")]
    [TestCase("SEEN-04")]
    [TestCase("PLANS-02")]
    [TestCase("CARE-02")]
    [TestCase("CARE-03")]
    public void As_at_figures_equal_the_ssd_path_in_the_reference_month(string indicator) =>
        Assert.That(_trip.Differences([indicator], "2026-03").Where(d => d.Contains("|2026-03|", StringComparison.Ordinal)), Is.Empty);

    /// <summary>Teams (by name: Annex A names teams, it has no team ids): decisions count against the team recorded on
    /// them; as-at measures against the team allocated at the reference date, which lists 6-8 name.</summary>
    [TestCase("FRONT-04", "2025-10")]
    [TestCase("FRONT-05", "2025-10")]
    [TestCase("SEEN-01", "2026-03")]
    [TestCase("SEEN-04", "2026-03")]
    [TestCase("PLANS-02", "2026-03")]
    public void Team_figures_equal_the_ssd_path(string indicator, string from) =>
        Assert.That(TeamFigures.Differences(_trip.SsdWarehouse, _trip.ReturnsWarehouse, [indicator], from)
            .Where(d => string.CompareOrdinal(d.Split('|')[2], from) >= 0), Is.Empty);

    [Test]
    public void The_import_records_what_it_supplied_and_read_every_row()
    {
        var summary = _trip.Imported.Single();
        Assert.Multiple(() =>
        {
            Assert.That(summary.Records, Is.GreaterThan(1000));
            Assert.That(summary.Rejected, Is.Zero);
            Assert.That(summary.Provenance.Tables.Select(t => t.Table.Name), Does.Contain("ssd_cp_visits").And.Contain("ssd_care_leavers"));
        });
    }
}
