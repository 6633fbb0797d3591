using Dashboard.Data;
using Dashboard.Etl.Tests.Support;
using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>
/// A first load fills each empty dim_ and fact_ table with its secondary indexes set aside and builds them once after
/// the insert (Swapper, DeferredIndexes): after the load they are exactly the migrations' indexes and consistent with
/// the rows, and a first load that fails after the swap rolls the dropped indexes back with everything else.
/// </summary>
public class StarTableIndexTests : EtlTestBase
{
    private const string IndexesSql =
        "SELECT name || ': ' || sql AS ix FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL " +
        "AND (tbl_name LIKE 'dim\\_%' ESCAPE '\\' OR tbl_name LIKE 'fact\\_%' ESCAPE '\\') ORDER BY name";

    [Test]
    public async Task After_a_first_load_and_a_reload_every_star_table_has_the_migrations_indexes_and_they_match_the_rows()
    {
        var migrated = await MigratedIndexesAsync();
        Assert.That(migrated.Count(ix => ix.Contains("_child ON fact_", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(20),
            "migration 0007 indexes every fact by child");

        await LoadAsync(ASmallCouncil());
        Assert.That(Indexes(Warehouse), Is.EqualTo(migrated));
        Assert.That(Warehouse.Count("fact_contact"), Is.GreaterThan(0));
        Assert.That(Warehouse.Rows("PRAGMA integrity_check").Select(r => r.Values.Single()), Is.EqualTo(new object?[] { "ok" }));

        await LoadAsync(ASmallCouncil());
        Assert.That(Indexes(Warehouse), Is.EqualTo(migrated));
    }

    [Test]
    public async Task A_first_load_that_fails_after_the_swap_leaves_the_tables_empty_with_their_indexes()
    {
        var migrated = await MigratedIndexesAsync();

        Assert.ThrowsAsync<EtlException>(() => LoadAsync(ASmallCouncil(), new FaultAt(EtlStage.Indicators, "fact_indicator")));

        Assert.That(Indexes(Warehouse), Is.EqualTo(migrated));
        Assert.That(Warehouse.Count("fact_contact"), Is.Zero);
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
