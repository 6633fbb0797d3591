using System.Globalization;
using Dashboard.Data;
using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>
/// The run commits without SQLite's automatic checkpoint and checkpoints straight after (WalCheckpoint): the run must
/// still leave its pages copied into the database file, and hand its connection back with the automatic checkpoint on,
/// so that the next small write (a user saving a finding) does not inherit the copy of a whole load.
/// </summary>
public class CheckpointTests : EtlTestBase
{
    [Test]
    public async Task After_a_load_its_pages_are_in_the_database_file_not_only_in_the_log()
    {
        await LoadAsync(ASmallCouncil());

        // Read the file's length before any connection of the test opens it (a last connection closing checkpoints too).
        var length = new FileInfo(WarehousePath).Length;
        var pages = Convert.ToInt64(Warehouse.Scalar("PRAGMA page_count"), CultureInfo.InvariantCulture);
        var pageSize = Convert.ToInt64(Warehouse.Scalar("PRAGMA page_size"), CultureInfo.InvariantCulture);
        Assert.That(length, Is.EqualTo(pages * pageSize), "every page of the committed warehouse is in the file");
        Assert.That(Warehouse.Count("fact_indicator"), Is.GreaterThan(0));
    }

    [Test]
    public async Task After_a_load_a_warehouse_connection_checkpoints_automatically_again()
    {
        await LoadAsync(ASmallCouncil());
        Assert.That(await AutomaticCheckpointPagesAsync(), Is.EqualTo(1000));
    }

    private async Task<long> AutomaticCheckpointPagesAsync()
    {
        await using var connection = await Dashboard.Data.Warehouse.Connect(WarehouseTarget).OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
