using System.Runtime;
using System.Runtime.InteropServices;

namespace Dashboard.Etl.Benchmarks;

/// <summary>
/// Puts the process and the machine in the same state before each timed part of a benchmark: the garbage of the part
/// before collected, and the file pages it wrote handed to the disk. Without it each part paid for the one before it
/// (the kernel writing back the 600 MB the load had just checkpointed while the bare insert was being timed, and the
/// bare insert's before the load), and which part ran first changed the share.
/// </summary>
public static class QuietStart
{
    public static void Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        // sync(2) returns once the dirty pages are written; elsewhere (Windows, macOS) there is nothing comparable to call,
        // and the benchmark runs as before.
        if (OperatingSystem.IsLinux()) Sync();
    }

    [DllImport("libc", EntryPoint = "sync", ExactSpelling = true)]
    private static extern void Sync();
}
