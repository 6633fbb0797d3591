using System.Collections.Concurrent;
using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Synthetic.Tests;

/// <summary>The temporary folder for the run's databases, removed at the end.</summary>
[SetUpFixture]
public sealed class TestRun
{
    private static string? _folder;

    public static string Folder => _folder ?? throw new InvalidOperationException("The test run has not started.");

    [OneTimeSetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "synthetic-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    public static string NewPath(string name) => Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}.db");
}

/// <summary>A "today" that does not move.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>A generated database and the tables read back from it.</summary>
public sealed class GeneratedCouncil
{
    private readonly ConcurrentDictionary<string, SourceTable> _tables = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, TableCheck>? _check;

    public GeneratedCouncil(GeneratorOptions options, string name)
    {
        Options = options;
        Summary = new CouncilGenerator(new FixedTime(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero))).Generate(options, TestRun.NewPath(name));
    }

    public GeneratorOptions Options { get; }
    public GenerationSummary Summary { get; }
    public DateOnly AsOf => Summary.AsOf;

    public SourceTable Read(SsdTable table) => _tables.GetOrAdd(table.Name, _ =>
    {
        using var connection = new SqliteConnection($"Data Source={Summary.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return SourceTable.Read(connection, table);
    });

    public IReadOnlyDictionary<string, TableCheck> Check() => _check ??= ContractChecker.Check(Read, AsOf);
}

/// <summary>The councils most tests share, generated once per run.</summary>
public static class Councils
{
    public static readonly DateOnly AsOf = new(2026, 3, 31);

    private static readonly Lazy<GeneratedCouncil> LazySmall = new(() => new GeneratedCouncil(new GeneratorOptions(CouncilPreset.Small, 1, 5, AsOf), "small"));
    private static readonly Lazy<GeneratedCouncil> LazyFaulty = new(() =>
        new GeneratedCouncil(new GeneratorOptions(CouncilPreset.Small, 1, 5, AsOf, FaultRate: 0.05), "small-faulty"));
    private static readonly Lazy<GeneratedCouncil> LazyScilly = new(() => new GeneratedCouncil(new GeneratorOptions(CouncilPreset.Scilly, 1, 5, AsOf), "scilly"));

    public static GeneratedCouncil Small => LazySmall.Value;
    public static GeneratedCouncil SmallWithFaults => LazyFaulty.Value;
    public static GeneratedCouncil Scilly => LazyScilly.Value;
}
