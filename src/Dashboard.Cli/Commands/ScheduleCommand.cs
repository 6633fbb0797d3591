using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Etl;
using Dashboard.Etl.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>dashboard schedule</c>: stays running and loads the warehouse every night.</summary>
internal static class ScheduleCommand
{
    public static Command Create(CliEnvironment env)
    {
        var source = CommonOptions.Source();
        var sourceProvider = CommonOptions.SourceProvider();
        var warehouse = CommonOptions.Warehouse();
        var warehouseProvider = CommonOptions.WarehouseProvider();
        var at = new Option<string?>("--at") { Description = "Local time of day to run, HH:mm. Default: Dashboard:Schedule:At, else 02:00." };
        var retryDelay = new Option<string?>("--retry-delay") { Description = "Wait before the one retry of a failed run, hh:mm:ss. Default: Dashboard:Schedule:RetryDelay, else 00:15:00." };
        var command = new Command("schedule", "Run the ETL every night at a set local time, as a long-running process (Ctrl+C to stop).")
        {
            source, sourceProvider, warehouse, warehouseProvider, at, retryDelay,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = DashboardSettings.From(env.Configuration);
            var schedule = settings.Schedule with
            {
                At = OptionValues.TimeOfDay(parse.GetValue(at), "--at") ?? settings.Schedule.At,
                RetryDelay = OptionValues.Duration(parse.GetValue(retryDelay), "--retry-delay") ?? settings.Schedule.RetryDelay,
            };
            var options = new EtlOptions(
                DashboardSettings.Override(settings.Source, parse.GetValue(source), parse.GetValue(sourceProvider)),
                DashboardSettings.Override(settings.Warehouse, parse.GetValue(warehouse), parse.GetValue(warehouseProvider)))
            {
                Indicators = settings.Indicators,
            };
            var logs = LogSettings.From(env.Configuration);
            var zone = schedule.Zone ?? env.Time.LocalTimeZone;
            // A generic host, so the scheduler runs as a systemd unit (Type=notify) or a Windows service and its outcomes
            // reach the file or event log; the terminal (or the journal, which reads it) still gets the lines below.
            using var host = BuildHost(env, logs);
            var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Schedule");
            var scheduler = new NightlyEtlScheduler(
                async (trigger, token) =>
                {
                    var returns = ReturnsSettings.From(env.Configuration);
                    if (returns.Any && parse.GetValue(source) is null)
                    {
                        // Tonight's returns, imported into the source file before the load; a file that cannot be read fails
                        // this night's run (retried later) and leaves the previous source and figures as they were.
                        var imported = new Dashboard.Returns.Import.ReturnsImport(Dashboard.Returns.ReturnCatalogue.Importers, env.Time)
                            .Run(returns.Request(settings.Source), null, token);
                        env.Out.MarkupLine($"{Now(env, zone)} imported {imported.Returns.Count} return(s) into {Markup.Escape(imported.Path)}: {imported.Rejected:N0} rejected.");
                    }
                    var result = await LiveLoadBoard.RunAsync(options.Warehouse, env.Time, env.Out, null,
                        board => new EtlRunner(env.Time).RunAsync(options with { TriggerKind = trigger }, board, token));
                    var rows = result.Tables.Sum(t => t.RowsLoaded);
                    var quarantined = result.Tables.Sum(t => t.RowsQuarantined);
                    env.Out.MarkupLine($"{Now(env, zone)} load {result.LoadId} {result.Status}: {rows:N0} rows loaded, {quarantined:N0} quarantined, in {result.Elapsed.TotalSeconds:N1} s.");
                    var seconds = Math.Round(result.Elapsed.TotalSeconds, 1);
                    ScheduleLog.Loaded(log, result.LoadId, result.Status, rows, quarantined, seconds);
                },
                schedule,
                env.Time,
                report =>
                {
                    if (!report.Succeeded)
                    {
                        env.Error.WriteLine($"{Now(env, zone)} the nightly load due at {TimeZoneInfo.ConvertTime(report.DueAt, zone):yyyy-MM-dd HH:mm} failed twice and was not retried again: {report.Error}");
                        ScheduleLog.FailedTwice(log, $"{TimeZoneInfo.ConvertTime(report.DueAt, zone):yyyy-MM-dd HH:mm}", report.Error);
                    }
                    var next = NightlySchedule.NextRun(env.Time.GetUtcNow(), schedule.At, zone);
                    env.Out.MarkupLine($"Next run {TimeZoneInfo.ConvertTime(next, zone):yyyy-MM-dd HH:mm} ({Markup.Escape(zone.Id)}).");
                });
            var first = NightlySchedule.NextRun(env.Time.GetUtcNow(), schedule.At, zone);
            await host.StartAsync(ct);
            env.Out.MarkupLine($"Scheduled: the ETL runs every night at {schedule.At:HH\\:mm} ({Markup.Escape(zone.Id)}), retrying once after {schedule.RetryDelay} if it fails. First run {TimeZoneInfo.ConvertTime(first, zone):yyyy-MM-dd HH:mm}. Press Ctrl+C to stop.");
            var atText = schedule.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            ScheduleLog.Scheduled(log, atText, zone.Id);
            // Stopped by the command's token (Ctrl+C, SIGTERM) or by the service manager through the host (Windows).
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
            try
            {
                await scheduler.RunAsync(stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                env.Out.MarkupLine("Stopped.");
                ScheduleLog.Stopped(log);
            }
            await host.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    /// <summary>No console logger of its own (the lines above already reach the terminal and the journal) unless JSON
    /// was asked for; warnings and errors from the framework, the scheduler's own outcomes at Information.</summary>
    private static IHost BuildHost(CliEnvironment env, LogSettings logs)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Dashboard", LogLevel.Information);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        ServiceHosting.Configure(builder, logs, env.Time);
        return builder.Build();
    }

    private static string Now(CliEnvironment env, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(env.Time.GetUtcNow(), zone).ToString("yyyy-MM-dd HH:mm:ss");
}
