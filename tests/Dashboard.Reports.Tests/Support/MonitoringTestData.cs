using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Reports.Figures;

namespace Dashboard.Reports.Tests.Support;

/// <summary>
/// A copy of a test warehouse with the findings of an Ofsted letter recorded, as the improvement lead does on the
/// themes page, ready for the monitoring-visit pack. An older letter's finding is there too: the pack must take only
/// the latest letter.
/// </summary>
internal static class MonitoringTestData
{
    public static readonly DateOnly LetterDate = new(2025, 9, 18);

    public static readonly DateOnly OlderLetterDate = new(2025, 2, 10);

    public const string OlderFindingTitle = "An older letter's finding the pack must leave out";

    /// <summary>The findings of the latest letter: title, theme and linked indicators.</summary>
    public static readonly IReadOnlyList<(Theme Theme, string Title, string[] Indicators)> Findings =
    [
        (Theme.Seen, "Children on protection plans are not always seen often enough", ["SEEN-01", "SEEN-02"]),
        (Theme.Front, "Thresholds at the front door are not applied consistently", ["FRONT-04", "FRONT-05", "OVERSIGHT-02"]),
        (Theme.Partners, "Partner agencies do not reliably attend initial conferences", ["PARTNERS-02"]),
        (Theme.Oversight, "Management oversight is not always recorded", ["OVERSIGHT-01"]),
    ];

    /// <summary>A copy of <paramref name="council"/>'s warehouse in <paramref name="folder"/> with the findings added, and a context for it.</summary>
    public static async Task<(IConnectionFactory Warehouse, PackContext Context)> PrepareAsync(PackCouncil council, string folder, bool withFindings = true)
    {
        var db = await PackTestWarehouse.CopyAsync(council, folder);
        var warehouse = Warehouse.Connect(PackTestWarehouse.Target(db));
        if (withFindings)
        {
            var store = new FindingStore(warehouse, PackTestWarehouse.Clock());
            await store.AddAsync(new FindingDraft(OlderLetterDate, Theme.Care, OlderFindingTitle, "Superseded by the later letter.", ["CARE-01"]), "lead");
            foreach (var (theme, title, indicators) in Findings)
            {
                await store.AddAsync(new FindingDraft(LetterDate, theme, title,
                    "Inspectors found this needed improvement. The plan sets out what will change and by when.", indicators), "lead");
            }
        }
        var context = new PackContext(warehouse, IndicatorSettings.Default with { CouncilName = $"{council} Test Council" })
        {
            Time = PackTestWarehouse.Clock(),
        };
        return (warehouse, context);
    }
}
