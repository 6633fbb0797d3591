namespace Dashboard.Returns.Tests.Support;

/// <summary>
/// Reports on the importer's own thread, in order. <see cref="Progress{T}"/> posts each report to the thread pool, so a
/// test reading the reports afterwards could see them late, out of order or (on a list) lost.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
