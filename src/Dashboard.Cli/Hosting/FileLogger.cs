using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Dashboard.Cli.Hosting;

/// <summary>
/// Appends log entries to one file, one JSON object a line (time, level, category, message, and an exception's type and
/// message): what a council's log shipper or an administrator's grep reads. Entries carry only the message the code wrote;
/// the product never logs rows, names or connection strings (docs/deployment.md).
/// </summary>
internal sealed class FileLoggerProvider : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    public FileLoggerProvider(string path, TimeProvider time)
    {
        _time = time;
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }

    private void Write(string category, LogLevel level, EventId eventId, string message, Exception? exception)
    {
        var entry = new Dictionary<string, object?>
        {
            ["time"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["level"] = level.ToString(),
            ["category"] = category,
            ["eventId"] = eventId.Id,
            ["message"] = message,
        };
        if (exception is not null) entry["exception"] = $"{exception.GetType().FullName}: {exception.Message}";
        var line = JsonSerializer.Serialize(entry);
        lock (_gate) _writer.WriteLine(line);
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write(category, logLevel, eventId, formatter(state, exception), exception);
        }
    }
}
