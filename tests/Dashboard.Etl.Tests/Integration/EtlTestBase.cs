using Dashboard.Data;
using Dashboard.Etl.Tests.Support;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>A fresh folder per test with a source and a warehouse file; helpers to build, run and read back.</summary>
public abstract class EtlTestBase
{
    protected static readonly DateOnly AsOf = new(2026, 6, 30);

    private TempFolder _folder = null!;

    protected string SourcePath => _folder.File("source.db");
    protected string WarehousePath => _folder.File("warehouse.db");
    protected ManualTime Time { get; private set; } = null!;
    protected WarehouseProbe Warehouse => new(WarehousePath);
    protected DatabaseTarget WarehouseTarget => new(DatabaseProvider.Sqlite, $"Data Source={WarehousePath}");

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempFolder();
        Time = new ManualTime(new DateTimeOffset(2026, 6, 30, 20, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    protected string File(string name) => _folder.File(name);

    protected EtlOptions Options(IEtlFaultInjector? faults = null, string? source = null) =>
        new(new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={source ?? SourcePath}"), WarehouseTarget)
        {
            AsOf = AsOf,
            Faults = faults,
        };

    /// <summary>Builds the source from <paramref name="source"/> and loads it.</summary>
    protected async Task<EtlRunResult> LoadAsync(SsdSourceBuilder source, IEtlFaultInjector? faults = null)
    {
        source.Build(SourcePath);
        Time.Now = Time.Now.AddMinutes(1);
        return await new EtlRunner(Time).RunAsync(Options(faults));
    }

    protected static EtlTableResult Table(EtlRunResult result, string sourceTable) =>
        result.Tables.Single(t => t.SourceTable == sourceTable);

    protected static void AssertReadEqualsLoadedPlusQuarantined(EtlRunResult result)
    {
        Assert.That(result.Tables, Has.Count.EqualTo(Dashboard.Core.Ssd.SsdSchema.All.Count));
        foreach (var t in result.Tables)
        {
            Assert.That(t.RowsRead, Is.EqualTo(t.RowsLoaded + t.RowsQuarantined), $"{t.SourceTable}: read = loaded + quarantined");
        }
    }

    protected long Key(string table, string keyColumn, string businessKeyColumn, string businessKey) =>
        (long)Warehouse.Scalar($"SELECT {keyColumn} FROM {table} WHERE {businessKeyColumn} = @k", ("@k", businessKey))!;

    protected long ChildKey(string personId) => Key("dim_child", "child_key", "person_id", personId);

    protected long TeamKey(string teamId) => Key("dim_team", "team_key", "team_id", teamId);
}
