using System.Globalization;

namespace Dashboard.Cli.Benchmarks;

/// <summary>
/// Samples the resident memory of the Chromium processes printing a PDF (they are separate processes, so the
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
        while (!ct.IsCancellationRequested)
        {
            long total = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
                try
                {
                    var status = File.ReadAllLines(Path.Combine(dir, "status"));
                    if (!status[0].Contains("chromium", StringComparison.OrdinalIgnoreCase) && !status[0].Contains("chrome", StringComparison.OrdinalIgnoreCase)) continue;
                    var rss = status.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                    if (rss is not null) total += long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The process ended between listing and reading.
                }
            }
            if (total > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, total);
            await Task.Delay(100, ct);
        }
    }
}
