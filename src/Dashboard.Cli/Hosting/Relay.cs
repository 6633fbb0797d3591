namespace Dashboard.Cli.Hosting;

/// <summary>An IProgress that reports in line and in order; Progress&lt;T&gt; posts to the thread pool and can
/// report after the work has ended.</summary>
internal sealed class Relay<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
