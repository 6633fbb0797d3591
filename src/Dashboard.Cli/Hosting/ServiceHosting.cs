using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging;

namespace Dashboard.Cli.Hosting;

/// <summary>
/// What makes <c>serve</c> and <c>schedule</c> a service: under systemd (Type=notify) the host tells systemd when it is
/// ready and stopping and logs in the journal's format; as a Windows service it answers the service manager's start and
/// stop and logs to the Windows event log; anywhere, the log format and an optional file come from
/// <see cref="LogSettings"/>. Outside a service manager, each of these does nothing.
/// </summary>
internal static class ServiceHosting
{
    /// <summary>The name the Windows service is registered under in the docs' sc.exe example, and its event log source.</summary>
    public const string ServiceName = "InspectionReady";

    /// <summary>Adapts a host (the dashboard's web host, the scheduler's generic host) before it is built.</summary>
    public static void Configure(IHostApplicationBuilder builder, LogSettings logs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logs);
        builder.Services.AddSystemd();
        if (OperatingSystem.IsWindows())
        {
            AddWindowsService(builder.Services);
        }
        if (logs.Format == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        if (logs.File is { } file)
        {
            // Created by the container, so the host closes the file when it stops.
            builder.Services.AddSingleton<ILoggerProvider>(_ => new FileLoggerProvider(file, time));
        }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static void AddWindowsService(IServiceCollection services)
    {
        services.AddWindowsService(o => o.ServiceName = ServiceName);
        // Its event log source, rather than the assembly's name; docs/deployment.md has the administrator create it.
        services.Configure<Microsoft.Extensions.Logging.EventLog.EventLogSettings>(o => o.SourceName = ServiceName);
    }

    /// <summary>A Windows service starts in C:\Windows\System32: relative settings (the default data folder,
    /// appsettings.json in the working directory) must mean the program's own folder instead.</summary>
    public static void UseProgramFolderWhenAWindowsService()
    {
        if (WindowsServiceHelpers.IsWindowsService()) Directory.SetCurrentDirectory(AppContext.BaseDirectory);
    }
}
