using Dashboard.Data;
using Dashboard.Etl.Tests.Support;
using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>
/// The indicator step sets the indicator tables' indexes aside while it refills them and builds them again at the end
/// (faster than keeping them up to date row by row): after every run they are exactly the migrations' indexes, and a run
/// that fails after the refill leaves the previous figures with their indexes, as the rollback must.
/// </summary>
public class IndicatorTableIndexTests : EtlTestBase
{
    private const string IndexesSql =
        "SELECT name || ': ' || sql AS ix FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('fact_indicator', 'fact_indicator_exception') " +
        "AND sql IS NOT NULL ORDER BY name";

    [Test]
    public async Task After_a_first_load_and_a_reload_the_indicator_tables_have_the_migrations_indexes()
    {
        var migrated = await MigratedIndexesAsync();
        Assert.That(migrated, Has.Count.GreaterThanOrEqualTo(5), "fact_indicator has 2 indexes, fact_indicator_exception 3");

        await LoadAsync(ASmallCouncil());
        Assert.That(Indexes(Warehouse), Is.EqualTo(migrated));

        var again = await LoadAsync(ASmallCouncil());
        Assert.That(Indexes(Warehouse), Is.EqualTo(migrated));
        Assert.That(again.IndicatorRows, Is.EqualTo(Warehouse.Count("fact_indicator")), "the reload replaced the figures whole");
    }

    [Test]
    public async Task A_run_that_fails_after_writing_the_figures_keeps_the_previous_figures_and_their_indexes()
    {
        await LoadAsync(ASmallCouncil());
        var figures = Warehouse.DumpStar()["fact_indicator"];
        var indexes = Indexes(Warehouse);

        Assert.ThrowsAsync<EtlException>(() => LoadAsync(ASmallCouncil(), new FaultAt(EtlStage.Indicators, "fact_indicator")));

        Assert.That(Warehouse.DumpStar()["fact_indicator"], Is.EqualTo(figures));
        Assert.That(Indexes(Warehouse), Is.EqualTo(indexes));
    }

    private static List<string> Indexes(WarehouseProbe probe) => probe.Rows(IndexesSql).Select(r => (string)r["ix"]!).ToList();

    private async Task<List<string>> MigratedIndexesAsync()
    {
        var path = File("migrated.db");
        await WarehouseSetup.PrepareAsync(Dashboard.Data.Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, path)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Indexes(new WarehouseProbe(path));
    }
}
