using System.CommandLine;
using System.CommandLine.Parsing;
using Dashboard.Cli.Commands;
using Dashboard.Cli.Hosting;

namespace Dashboard.Cli;

/// <summary>The <c>dashboard</c> executable: one command tree, every failure one sentence and an exit code.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(env);
        var root = new RootCommand("Inspection Ready: children's services analytics. Generate a synthetic council, load the warehouse, audit the loads, read the indicators, serve the dashboard.");
        root.Subcommands.Add(DemoCommand.Create(env));
        root.Subcommands.Add(GenerateCommand.Create(env));
        root.Subcommands.Add(ImportCommand.Create(env));
        root.Subcommands.Add(WriteReturnsCommand.Create(env));
        root.Subcommands.Add(EtlCommand.Create(env));
        root.Subcommands.Add(RunsCommand.Create(env));
        root.Subcommands.Add(QuarantineCommand.Create(env));
        root.Subcommands.Add(IndicatorsCommand.Create(env));
        root.Subcommands.Add(ExceptionsCommand.Create(env));
        root.Subcommands.Add(ScheduleCommand.Create(env));
        root.Subcommands.Add(ServeCommand.Create(env));
        root.Subcommands.Add(UsersCommand.Create(env));
        root.Subcommands.Add(PackCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var name = string.Join(' ', CommandPath(parse));
            var message = System.Text.RegularExpressions.Regex.Replace(parse.Errors[0].Message, @"\s*\n\s*", " ").TrimEnd('.');
            env.Error.WriteLine($"{message}. See '{name} --help'.");
            return ErrorReporter.UsageError;
        }
        try
        {
            // Program.cs owns the signals (SIGINT, SIGTERM) and cancels the token passed in; a second handler here would race it.
            var config = new InvocationConfiguration
            {
                Output = new AnsiTextWriter(env), Error = env.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(config, cancellationToken);
        }
#pragma warning disable CA1031 // The one place every failure becomes a sentence and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(ex, env.Error);
        }
    }

    /// <summary>"dashboard bench etl": the words that name the command a parse ended on.</summary>
    private static List<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Insert(0, command.Parent is null ? "dashboard" : command.Command.Name);
        }
        return names;
    }
}
