using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Data.Locking;

/// <summary>
/// The process that takes a lock, as another process on the same machine can check it: the host name, the process id
/// and when that process started. The start time tells a live holder from a new process that happens to have been given
/// the dead holder's pid.
/// </summary>
public sealed record LockOwner(string Host, int ProcessId, DateTimeOffset ProcessStartedAt)
{
    /// <summary>This process on this machine.</summary>
    public static LockOwner CurrentProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new LockOwner(Environment.MachineName, Environment.ProcessId, self.StartTime.ToUniversalTime());
    }

    /// <summary>"host vm pid 4359": how the audit and older rows name the holder.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"host {Host} pid {ProcessId}");
}

/// <summary>Whether a lock's holder on this machine is still running.</summary>
public interface IProcessProbe
{
    /// <summary>The name this machine writes as a lock's host.</summary>
    string Host { get; }

    /// <summary>False only when certain the process is gone: no such pid, a pid reused by a process that started at
    /// another time, or (Linux) a zombie. When it cannot tell (no permission), true: the lease still bounds the wait.</summary>
    bool IsRunning(int processId, DateTimeOffset startedAt);
}

/// <summary>The operating system's view of this machine's processes.</summary>
public sealed class OperatingSystemProcessProbe : IProcessProbe
{
    /// <summary>How far two readings of one process's start time may differ: Linux derives it from clock ticks since
    /// boot, so it can move by some milliseconds between readings; a reused pid starts seconds or more apart.</summary>
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    public static readonly OperatingSystemProcessProbe Instance = new();

    public string Host => Environment.MachineName;

    public bool IsRunning(int processId, DateTimeOffset startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited || IsZombie(processId)) return false;
            return (process.StartTime.ToUniversalTime() - startedAt.UtcDateTime).Duration() <= StartTimeTolerance;
        }
        catch (ArgumentException)
        {
            return false;   // no process has that id
        }
        catch (InvalidOperationException)
        {
            return false;   // it exited while we looked
        }
        catch (Exception ex) when (ex is Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            return true;    // another account's process we may not inspect: leave it to the lease
        }
    }

    /// <summary>A killed process that its parent has not reaped yet keeps its pid as a zombie: it runs nothing.</summary>
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;    // gone between the two reads
        }
    }
}
