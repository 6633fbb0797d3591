using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Cli.Tests.Processes;

/// <summary>
/// A real <c>dashboard</c> process, as a service manager or a person at a terminal runs it: its own settings in
/// environment variables, its output collected as it comes, stopped with a signal (the Linux kill command).
/// </summary>
internal sealed class DashboardProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private DashboardProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public string Error
    {
        get { lock (_error) return _error.ToString(); }
    }

    /// <summary>Starts <c>dotnet dashboard.dll args</c> from <paramref name="program"/> (default: this test's own build
    /// output) in <paramref name="workingDirectory"/>, with <paramref name="environment"/> added to this process's.</summary>
    public static DashboardProcess Start(IReadOnlyDictionary<string, string> environment, string[] args, string? program = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        info.ArgumentList.Add(Path.Combine(program ?? AppContext.BaseDirectory, "dashboard.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return new DashboardProcess(Process.Start(info)!);
    }

    /// <summary>Sends a signal by name (TERM, INT, KILL) with the kill command, as systemd or a person would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="limit"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false if the process ends or time runs out first.</summary>
    public async Task<bool> PrintsAsync(string text, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return true;
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                return Output.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>Polls <c>/health</c> until it answers; false if the process ends or a minute passes first.</summary>
    public async Task<bool> AnswersAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240 && !_process.HasExited; i++)
        {
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        return false;
    }

    public override string ToString() => $"--- out ---\n{Output}\n--- err ---\n{Error}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (to) to.AppendLine(line);
    }
}
