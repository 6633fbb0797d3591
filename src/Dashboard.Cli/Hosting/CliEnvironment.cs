using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Dashboard.Cli.Hosting;

/// <summary>Everything a command touches outside itself, so tests can run the real commands in-process
/// with captured output, a fixed clock and their own configuration.</summary>
public sealed record CliEnvironment(IAnsiConsole Out, TextWriter Error, TimeProvider Time, IConfiguration Configuration)
{
    /// <summary>The process's own environment: the terminal, the system clock, appsettings.json beside the
    /// executable and in the working directory, and Dashboard__* environment variables (last wins).</summary>
    public static CliEnvironment FromProcess() => new(
        Terminal(),
        Console.Error,
        TimeProvider.System,
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build());

    /// <summary>The terminal; when output goes to a file or a pipe (a nightly log), tables are drawn wide
    /// instead of wrapped to 80 columns, and without colour codes.</summary>
    private static IAnsiConsole Terminal()
    {
        if (!Console.IsOutputRedirected) return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        return console;
    }
}
