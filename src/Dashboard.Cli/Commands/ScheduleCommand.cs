using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Etl;
using Dashboard.Etl.Scheduling;
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
            var zone = schedule.Zone ?? env.Time.LocalTimeZone;
            var scheduler = new NightlyEtlScheduler(
                async (trigger, token) =>
                {
                    var result = await new EtlRunner(env.Time).RunAsync(options with { TriggerKind = trigger }, null, token);
                    env.Out.MarkupLine($"{Now(env, zone)} load {result.LoadId} {result.Status}: {result.Tables.Sum(t => t.RowsLoaded):N0} rows loaded, {result.Tables.Sum(t => t.RowsQuarantined):N0} quarantined, in {result.Elapsed.TotalSeconds:N1} s.");
                },
                schedule,
                env.Time,
                report =>
                {
                    if (!report.Succeeded)
                    {
                        env.Error.WriteLine($"{Now(env, zone)} the nightly load due at {TimeZoneInfo.ConvertTime(report.DueAt, zone):yyyy-MM-dd HH:mm} failed twice and was not retried again: {report.Error}");
                    }
                    var next = NightlySchedule.NextRun(env.Time.GetUtcNow(), schedule.At, zone);
                    env.Out.MarkupLine($"Next run {TimeZoneInfo.ConvertTime(next, zone):yyyy-MM-dd HH:mm} ({Markup.Escape(zone.Id)}).");
                });
            var first = NightlySchedule.NextRun(env.Time.GetUtcNow(), schedule.At, zone);
            env.Out.MarkupLine($"Scheduled: the ETL runs every night at {schedule.At:HH\\:mm} ({Markup.Escape(zone.Id)}), retrying once after {schedule.RetryDelay} if it fails. First run {TimeZoneInfo.ConvertTime(first, zone):yyyy-MM-dd HH:mm}. Press Ctrl+C to stop.");
            try
            {
                await scheduler.RunAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                env.Out.MarkupLine("Stopped.");
            }
            return 0;
        });
        return command;
    }

    private static string Now(CliEnvironment env, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(env.Time.GetUtcNow(), zone).ToString("yyyy-MM-dd HH:mm:ss");
}
