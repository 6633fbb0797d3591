using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Ssda903;

/// <summary>The hand-made two years, imported and loaded by the real ETL: what the importer passed on as found is
/// quarantined there naming table and field, and a code retired after its year is accepted in its year.</summary>
public class Ssda903EtlTests
{
    [Test]
    public async Task An_invalid_date_passed_on_is_quarantined_by_the_ETL_and_a_retired_code_in_its_year_is_accepted()
    {
        using var source = new ImportedSource(Fixtures.Path("Ssda903", "two-years"));
        using var scratch = new Scratch("ssda903-etl");
        var warehouse = scratch.File("warehouse.db");
        var result = await new EtlRunner(TimeProvider.System).RunAsync(new EtlOptions(
            new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={source.Path}"),
            new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={warehouse}")) { AsOf = new DateOnly(2025, 3, 31) });
        Assert.That(result.Status, Is.EqualTo("succeeded"));

        var quarantined = Rows(warehouse, "SELECT source_table, field, value, rule FROM etl_quarantine ORDER BY 1, 2");
        Assert.That(quarantined, Does.Contain("ssd_cla_episodes|clae_cla_episode_ceased_date|31/02/2025|date_unparseable"));
        Assert.That(quarantined, Does.Contain("ssd_person|pers_dob|not known|date_unparseable"));
        Assert.That(quarantined.Where(q => q.Contains("placement_type", StringComparison.Ordinal)), Is.Empty, "H5 in 2023-24 is a valid placement type in its year");
        // The placement that ended with that episode carries the same date, and is named too.
        Assert.That(quarantined, Does.Contain("ssd_cla_placement|clap_cla_placement_end_date|31/02/2025|date_unparseable"));
        Assert.That(result.Tables.Single(t => t.SourceTable == "ssd_cla_placement").RowsRead, Is.EqualTo(6), "1001's three, 1003's two and 42's one");
    }

    private static string[] Rows(string db, string sql) => SqliteRows.Of(db, sql);
}
