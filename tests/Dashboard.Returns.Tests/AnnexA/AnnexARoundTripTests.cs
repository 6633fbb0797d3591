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

    [Explicit("exploration: prints the differences of every indicator")]
    [Test]
    public void Explore()
    {
        foreach (var id in new[] { "FRONT-01", "FRONT-02", "FRONT-03", "FRONT-04", "FRONT-05", "RISK-01", "RISK-02", "RISK-03", "RISK-04", "RISK-05", "RISK-06",
                     "SEEN-01", "SEEN-02", "SEEN-03", "SEEN-04", "PLANS-01", "PLANS-02", "PLANS-03", "PLANS-04", "CARE-01", "CARE-02", "CARE-03" })
        {
            var all = _trip.Differences([id], "2025-10");
            var latest = _trip.Differences([id], "2026-03");
            TestContext.Out.WriteLine($"{id}: {all.Count} differences from 2025-10, {latest.Count} in 2026-03");
            foreach (var line in all.Take(3)) TestContext.Out.WriteLine("   " + line);
            var teams = TeamFigures.Differences(_trip.SsdWarehouse, _trip.ReturnsWarehouse, [id], "2025-10");
            TestContext.Out.WriteLine($"   teams: {teams.Count} differences, {teams.Count(t => t.Contains("|2026-03|", StringComparison.Ordinal))} in 2026-03");
            foreach (var line in teams.Take(3)) TestContext.Out.WriteLine("   " + line);
        }
    }
}
