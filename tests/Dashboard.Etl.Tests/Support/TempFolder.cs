using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Tests.Support;

/// <summary>A fresh folder for one test's SQLite files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "etl-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS temp cleaner gets it.
        }
    }
}

/// <summary>A clock the test sets.</summary>
public sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>Throws at one stage (and optionally one table) to prove a failure there changes nothing.</summary>
public sealed class FaultAt(EtlStage failAt, string? failOn = null) : IEtlFaultInjector
{
    public bool Fired { get; private set; }

    public void At(EtlStage stage, string? table)
    {
        if (stage == failAt && (failOn is null || failOn == table))
        {
            Fired = true;
            throw new InvalidOperationException($"Injected fault at {stage} {table}.");
        }
    }
}

/// <summary>Calls a callback at one stage (to start a second run while the first one is mid-way).</summary>
public sealed class CallbackAt(EtlStage callAt, Action action) : IEtlFaultInjector
{
    private bool _done;

    public void At(EtlStage stage, string? table)
    {
        if (stage != callAt || _done) return;
        _done = true;
        action();
    }
}
