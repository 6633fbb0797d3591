using Dashboard.Cli;
using Dashboard.Cli.Hosting;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Dashboard.Cli.Tests;

/// <summary>Runs the real <c>dashboard</c> command tree in-process with captured output, settings that
/// point into a scratch folder, and a fixed clock.</summary>
internal sealed class CliHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 9, 0, 0, TimeSpan.Zero);

    public CliHarness(IDictionary<string, string?>? settings = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("dashboard-cli-tests-").FullName;
        var all = new Dictionary<string, string?> { ["Dashboard:DataDirectory"] = Directory };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
    }

    public string Directory { get; }

    public IConfiguration Configuration { get; }

    public string SourcePath => Path.Combine(Directory, "source.db");

    public string WarehousePath => Path.Combine(Directory, "warehouse.db");

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        var env = new CliEnvironment(console, error, new FixedTimeProvider(Now), Configuration);
        var exit = await CliApp.RunAsync(args, env, cancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection on another thread: the OS temp cleaner takes it.
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Output}\n--- err ---\n{Error}";
}
