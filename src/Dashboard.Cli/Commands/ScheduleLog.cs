using Microsoft.Extensions.Logging;

namespace Dashboard.Cli.Commands;

/// <summary>What <c>dashboard schedule</c> records in the service's log (file, event log, JSON console): outcomes and
/// times only; never rows, names or connection strings.</summary>
internal static partial class ScheduleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Scheduled: the ETL runs every night at {At} ({Zone}).")]
    public static partial void Scheduled(ILogger logger, string at, string zone);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Load {LoadId} {Status}: {Rows} rows loaded, {Quarantined} quarantined, in {Seconds} s.")]
    public static partial void Loaded(ILogger logger, long loadId, string status, long rows, long quarantined, double seconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The nightly load due at {DueAt} failed twice and was not retried again: {Error}")]
    public static partial void FailedTwice(ILogger logger, string dueAt, string? error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Stopped.")]
    public static partial void Stopped(ILogger logger);
}
