using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Cli.Benchmarks;

/// <summary>
/// `dashboard serve` as a separate process, so the benchmark measures the server's own memory (from /proc) and the
/// load harness's clients do not share its thread pool or heap.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = SelfStartInfo();
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("The dashboard server process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("server: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, baseUrl);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The dashboard server stopped at start (exit code {process.ExitCode}).");
            try
            {
                using var response = await client.GetAsync(baseUrl + "/health", ct);
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, ct);
        }
        await server.DisposeAsync();
        throw new TimeoutException("The dashboard server did not answer /health within a minute.");
    }

    /// <summary>The CPU time the server process has used so far (user and kernel, all threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Resident and peak resident memory of the server process, from /proc (Linux), in bytes.</summary>
    public (long Current, long Peak) Memory()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            _process.Refresh();
            return (_process.WorkingSet64, _process.PeakWorkingSet64);
        }
        long Read(string key) => File.ReadLines(status).Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024).FirstOrDefault();
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        var info = new ProcessStartInfo(host);
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dashboard.dll"));
        }
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
