using Dashboard.Data.Progress;

namespace Dashboard.Data.Tests.Progress;

/// <summary>The SQLite warehouse's progress board: a JSON file beside the warehouse, replaced whole on every write.</summary>
public sealed class LoadProgressFileTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 2, 0, 3, TimeSpan.Zero);
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "progress-board-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_board_reads_back_exactly_as_written_and_a_second_write_replaces_it_without_leaving_a_temporary_file()
    {
        var file = new LoadProgressFile(Path.Combine(_folder, "warehouse.db.load-progress.json"));
        var running = new LoadProgress(12, At, "Validate", "ssd_cp_visits", 0.456, At.AddSeconds(72), "night-box", 4242, At.AddSeconds(-5));
        await file.WriteAsync(running);
        Assert.That(await file.ReadAsync(), Is.EqualTo(running));

        var ended = running with { Stage = "Audit", Table = null, Fraction = 1, Outcome = LoadOutcomes.Succeeded, FinishedAt = At.AddSeconds(97) };
        await file.WriteAsync(ended);

        Assert.That(await file.ReadAsync(), Is.EqualTo(ended));
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { "warehouse.db.load-progress.json" }));
    }

    [Test]
    public async Task No_file_means_no_load_has_written_a_board()
    {
        var file = new LoadProgressFile(Path.Combine(_folder, "none.json"));
        Assert.That(await file.ReadAsync(), Is.Null);
    }

    [Test]
    public void A_sqlite_warehouse_file_has_its_board_beside_it_and_an_in_memory_one_has_none()
    {
        var path = Path.Combine(_folder, "warehouse.db");
        var board = LoadProgressBoards.For(Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, path)));
        Assert.That(board, Is.TypeOf<LoadProgressFile>());
        Assert.That(((LoadProgressFile)board!).Path, Is.EqualTo(path + ".load-progress.json"));

        Assert.That(LoadProgressBoards.For(Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=:memory:"))), Is.Null);
        Assert.That(LoadProgressBoards.For(Warehouse.Connect(new DatabaseTarget(DatabaseProvider.SqlServer, "Server=x;Database=w"))),
            Is.TypeOf<LoadProgressTable>());
    }
}
