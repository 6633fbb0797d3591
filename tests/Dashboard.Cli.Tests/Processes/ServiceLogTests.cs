using System.Globalization;
using System.Text.Json;

namespace Dashboard.Cli.Tests.Processes;

/// <summary>
/// The logs a service keeps (console, a file) record failures in words an administrator can act on, and never a
/// connection string's password, even when the failure is about that very connection.
/// </summary>
[NonParallelizable]
public sealed class ServiceLogTests
{
    private const string Password = "Tr1cky-Pa55word-9041";

    // Port 1 on this machine: nothing listens, so every attempt fails at once with a connection error.
    private static readonly string Unreachable =
        $"Server=tcp:127.0.0.1,1;Database=inspection_ready;User Id=dashboard_etl;Password={Password};Encrypt=false;Connect Timeout=2;ConnectRetryCount=0";

    private CliHarness _cli = null!;

    [OneTimeSetUp]
    public async Task GenerateASourceAsync()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("Runs real processes with Linux paths.");
        _cli = new CliHarness();
        var generate = await _cli.RunAsync("generate", "--preset", "scilly", "--out", _cli.SourcePath);
        Assert.That(generate.ExitCode, Is.Zero, generate.ToString());
    }

    [OneTimeTearDown]
    public void Cleanup() => _cli?.Dispose();

    [Test]
    public async Task A_load_that_cannot_reach_its_warehouse_says_so_without_the_password()
    {
        using var run = DashboardProcess.Start(Settings(), ["etl"]);

        Assert.That(await run.ExitsWithinAsync(TimeSpan.FromMinutes(1)), Is.True, run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("127.0.0.1"), "the message names the server it could not reach");
        Assert.That(run.Output + run.Error, Does.Not.Contain(Password));
    }

    [Test]
    public async Task The_scheduler_s_log_file_records_a_failed_night_as_JSON_without_the_password()
    {
        var file = Path.Combine(_cli.Directory, "schedule.log");
        var settings = Settings();
        settings["Dashboard__Logging__File"] = file;
        settings["Dashboard__Logging__Format"] = "json";
        settings["TZ"] = "UTC";
        // The next whole minute: the first night's run comes at once, fails, and is retried at once.
        var at = DateTime.UtcNow.AddMinutes(1).ToString("HH:mm", CultureInfo.InvariantCulture);
        using var run = DashboardProcess.Start(settings, ["schedule", "--at", at, "--retry-delay", "00:00:00"]);
        try
        {
            Assert.That(await run.PrintsAsync("Next run", TimeSpan.FromMinutes(3)), Is.True, run.ToString());
        }
        finally
        {
            await run.SignalAsync("TERM");
            Assert.That(await run.ExitsWithinAsync(TimeSpan.FromSeconds(5)), Is.True, "stops within 5 s of SIGTERM");
        }

        var entries = File.ReadAllLines(file).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var failure = entries.Single(e => e.GetProperty("level").GetString() == "Error");
        Assert.That(failure.GetProperty("message").GetString(), Does.StartWith("The nightly load due at ").And.Contain("failed twice"));
        Assert.That(entries.Select(e => e.GetProperty("message").GetString()), Does.Contain("Stopped."));
        Assert.That(File.ReadAllText(file) + run.Output + run.Error, Does.Not.Contain(Password));
        Assert.That(run.Output, Does.Contain("\"LogLevel\":\"Error\""), "the console carries the same entries as JSON");
    }

    [Test]
    public async Task An_unknown_log_format_is_refused_naming_the_setting()
    {
        using var cli = new CliHarness(new Dictionary<string, string?> { ["Dashboard:Logging:Format"] = "xml" });

        var result = await cli.RunAsync("schedule");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error.Trim(), Is.EqualTo("Dashboard:Logging:Format is 'xml', but it must be text or json."));
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Dashboard__DataDirectory"] = _cli.Directory,
        ["Dashboard__Warehouse__Provider"] = "sqlserver",
        ["Dashboard__Warehouse__ConnectionString"] = Unreachable,
    };
}
