using System.Globalization;

namespace Dashboard.Cli.Benchmarks;

/// <summary>
/// Samples the memory (proportional set size) of the processes this one started (Playwright's driver and the Chromium printing a PDF) (they are separate processes, so the
/// benchmark's own peak working set does not include them). Linux /proc only; elsewhere it reports nothing.
/// </summary>
internal sealed class ChromiumMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public ChromiumMemory() => _sampling = SampleAsync(_stop.Token);

    public long PeakBytes => Interlocked.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        if (!Directory.Exists("/proc")) return;
        var self = Environment.ProcessId;
        while (!ct.IsCancellationRequested)
        {
            // Only this process's descendants (Playwright's driver and the Chromium it starts): other programs'
            // browsers on the same machine are not ours to count.
            var processes = new Dictionary<int, (int Parent, long Rss)>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    int parent = 0;
                    long rss = 0;
                    foreach (var line in File.ReadLines(Path.Combine(dir, "status")))
                    {
                        if (line.StartsWith("PPid:", StringComparison.Ordinal)) parent = int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture);
                    }
                    // Proportional set size: Chromium's processes share libraries and memory, so summing each one's
                    // resident size would count the shared pages once per process.
                    var rollup = Path.Combine(dir, "smaps_rollup");
                    if (File.Exists(rollup))
                    {
                        var pss = File.ReadLines(rollup).FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                        if (pss is not null) rss = long.Parse(pss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                    }
                    processes[pid] = (parent, rss);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The process ended between listing and reading.
                }
            }
            long total = 0;
            foreach (var (pid, (_, rss)) in processes)
            {
                if (pid != self && DescendsFrom(pid, self, processes)) total += rss;
            }
            if (total > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, total);
            await Task.Delay(100, ct);
        }
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, (int Parent, long Rss)> processes)
    {
        for (var i = 0; i < 64 && processes.TryGetValue(pid, out var p); i++)
        {
            if (p.Parent == ancestor) return true;
            pid = p.Parent;
        }
        return false;
    }
}
