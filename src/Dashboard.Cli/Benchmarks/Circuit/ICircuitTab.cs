namespace Dashboard.Cli.Benchmarks.Circuit;

/// <summary>What the click harness needs of a tab's circuit: read the page, send an event, wait for the page to change.</summary>
internal interface ICircuitTab : IAsyncDisposable
{
    T Read<T>(Func<CircuitDocument, string, T> read);

    Task DispatchAsync(long handlerId, string eventName, object eventArgs, object? fieldInfo = null, CancellationToken ct = default);

    Task<bool> WaitUntilAsync(Func<CircuitDocument, string, bool> condition, TimeSpan timeout, CancellationToken ct);

    string? Failure { get; }
}
