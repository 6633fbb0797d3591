using Microsoft.Data.Sqlite;

namespace Dashboard.Cli.Tests.Processes;

/// <summary>
/// A real <c>dashboard etl</c> of a medium council, interrupted in its swap (the one write transaction): by SIGKILL (a
/// reboot, a service host giving up) the next run starts at once, not hours later; by SIGTERM (systemd stopping the
/// service) it stops within 5 s. Either way the warehouse still holds the last good load.
/// </summary>
[NonParallelizable]
public sealed class InterruptedLoadTests
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(5);
    private CliHarness _cli = null!;
    private string _medium = null!;
    private (long Children, long Figures) _lastGood;

    [OneTimeSetUp]
    public async Task LoadAScillyThenGenerateAMediumCouncilAsync()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("Signals are sent with the Linux kill command.");
        _cli = new CliHarness();
        foreach (var args in new[]
        {
            new[] { "generate", "--preset", "scilly", "--out", _cli.SourcePath },
            ["etl"],
            ["generate", "--preset", "medium", "--out", _medium = Path.Combine(_cli.Directory, "medium.db")],
        })
        {
            var result = await _cli.RunAsync(args);
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
        }
        _lastGood = await FingerprintAsync();
    }

    [OneTimeTearDown]
    public void Cleanup() => _cli?.Dispose();

    [Test]
    public async Task A_load_killed_in_its_swap_leaves_the_last_good_data_and_the_next_run_starts_at_once()
    {
        using (var killed = await StartMediumLoadInItsSwapAsync())
        {
            await killed.SignalAsync("KILL");
            Assert.That(await killed.ExitsWithinAsync(StopDeadline), Is.True);
        }
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM etl_lock"), Is.EqualTo(1), "the killed run could not release its lock");
        Assert.That(await FingerprintAsync(), Is.EqualTo(_lastGood), "the uncommitted swap was rolled back");

        // The harness's clock is months before the killed run's lease ends: only the dead-process check can free it.
        var next = await _cli.RunAsync("etl");

        Assert.That(next.ExitCode, Is.Zero, next.ToString());
        Assert.That(next.Output, Does.Match(@"Load \d+ succeeded"));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM etl_lock"), Is.Zero, "released by the run that took it over");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM etl_load_run WHERE status = 'running'"), Is.Zero, "the killed run is closed as abandoned");
        Assert.That(await FingerprintAsync(), Is.EqualTo(_lastGood), "the same source loaded again");
    }

    [Test]
    public async Task A_load_stopped_with_SIGTERM_in_its_swap_exits_within_5_seconds_and_leaves_the_last_good_data()
    {
        using var stopped = await StartMediumLoadInItsSwapAsync();
        await stopped.SignalAsync("TERM");

        Assert.That(await stopped.ExitsWithinAsync(StopDeadline), Is.True, $"still loading {StopDeadline.TotalSeconds} s after SIGTERM");
        Assert.That(stopped.ExitCode, Is.EqualTo(1), stopped.ToString());
        Assert.That(stopped.Error, Does.Contain("Cancelled."));
        Assert.That(await FingerprintAsync(), Is.EqualTo(_lastGood), "the swap was rolled back");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM etl_lock"), Is.Zero, "a stopped run releases its lock");
        Assert.That(await TextAsync("SELECT error_message FROM etl_load_run ORDER BY load_id DESC LIMIT 1"),
            Is.EqualTo("The run was cancelled; the warehouse is unchanged."));
    }

    /// <summary>Starts a load of the medium council and waits until it is swapping (inside its write transaction).</summary>
    private async Task<DashboardProcess> StartMediumLoadInItsSwapAsync()
    {
        var run = DashboardProcess.Start(new Dictionary<string, string> { ["Dashboard__DataDirectory"] = _cli.Directory },
            ["etl", "--source", _medium]);
        var swapping = await run.PrintsAsync(": Swap ", TimeSpan.FromMinutes(5));
        Assert.That(swapping && !run.HasExited, Is.True, "the load never reached its swap: " + run);
        return run;
    }

    private async Task<(long, long)> FingerprintAsync() =>
        (await ScalarAsync("SELECT COUNT(*) FROM dim_child"), await ScalarAsync("SELECT COUNT(*) FROM fact_indicator"));

    private async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await QueryAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string?> TextAsync(string sql) => await QueryAsync(sql) as string;

    private async Task<object?> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_cli.WarehousePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
