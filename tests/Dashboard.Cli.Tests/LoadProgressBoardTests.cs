using System.Text.Json;
using Dashboard.Data.Progress;
using Microsoft.Data.Sqlite;

namespace Dashboard.Cli.Tests;

/// <summary>
/// <c>dashboard etl</c> puts the load's progress on the board beside a SQLite warehouse (the data quality page reads it)
/// and leaves it saying how the load ended, with the load's id and this process as its writer.
/// </summary>
public sealed class LoadProgressBoardTests
{
    [Test]
    public async Task A_load_that_succeeds_leaves_its_board_marked_succeeded_with_its_id()
    {
        using var cli = new CliHarness();
        Assert.That((await cli.RunAsync("generate", "--preset", "scilly", "--out", cli.SourcePath)).ExitCode, Is.Zero);

        var etl = await cli.RunAsync("etl");

        Assert.That(etl.ExitCode, Is.Zero, etl.ToString());
        var board = await new LoadProgressFile(LoadProgressFile.PathBeside(cli.WarehousePath)).ReadAsync();
        Assert.That(board, Is.Not.Null, "the board is a file beside warehouse.db");
        Assert.That((board!.LoadId, board.Outcome, board.Fraction, board.FinishedAt), Is.EqualTo(((long?)1, (string?)LoadOutcomes.Succeeded, 1.0, (DateTimeOffset?)CliHarness.Now)));
        Assert.That((board.Host, board.ProcessId), Is.EqualTo((Environment.MachineName, Environment.ProcessId)));
        Assert.That(etl.Output, Does.Not.Contain("progress board could not be written"));
    }

    [Test]
    public async Task A_load_that_fails_leaves_its_board_marked_failed_with_the_failed_run_s_id()
    {
        using var cli = new CliHarness();
        Assert.That((await cli.RunAsync("generate", "--preset", "scilly", "--out", cli.SourcePath)).ExitCode, Is.Zero);
        Assert.That((await cli.RunAsync("etl")).ExitCode, Is.Zero);
        await using (var connection = new SqliteConnection($"Data Source={cli.SourcePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE ssd_cp_visits";
            await drop.ExecuteNonQueryAsync();
        }

        var etl = await cli.RunAsync("etl");

        Assert.That(etl.ExitCode, Is.EqualTo(1), etl.ToString());
        var text = await File.ReadAllTextAsync(LoadProgressFile.PathBeside(cli.WarehousePath));
        using var json = JsonDocument.Parse(text);
        Assert.That(json.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("failed"));
        Assert.That(json.RootElement.GetProperty("loadId").GetInt64(), Is.EqualTo(2), "the second run, the one that failed");
        Assert.That(json.RootElement.GetProperty("stage").GetString(), Is.Not.EqualTo("Prepare"), "where it failed");
    }
}
