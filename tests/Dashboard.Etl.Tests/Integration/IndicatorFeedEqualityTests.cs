using Dashboard.Data;
using Dashboard.Etl.Tests.Support;
using Dashboard.Synthetic;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>
/// The nightly indicator step feeds the engine from the rows the load has just staged (<see cref="IndicatorInput.LoadedRows"/>)
/// instead of reading every fact back from the warehouse (<see cref="IndicatorInput.ReadBack"/>, the earlier way). This proves
/// the two store the same figures and exception rows, row for row, on the generated medium council (with a small share
/// of faulty rows, so rejected and repaired rows are in play). The faster path is also run over a warehouse that already
/// held another council, so its swap deletes, inserts and keeps rows and hands out different surrogate keys: the stored
/// result must still be the same (a child_key is compared as the child it points to).
/// </summary>
public class IndicatorFeedEqualityTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);

    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Test]
    public async Task Loaded_rows_give_the_same_figures_and_exception_rows_as_reading_the_facts_back_on_the_medium_council()
    {
        var medium = Generate(CouncilPreset.Medium, seed: 1, "medium.db");
        var other = Generate(CouncilPreset.Scilly, seed: 2, "other.db");

        var readBack = await LoadAsync(medium, "read-back.db", IndicatorInput.ReadBack);
        await LoadAsync(other, "loaded-rows.db", IndicatorInput.LoadedRows);
        var loadedRows = await LoadAsync(medium, "loaded-rows.db", IndicatorInput.LoadedRows);

        Assert.That(readBack.IndicatorRows, Is.GreaterThan(100_000), "the medium council has figures to compare");
        Assert.That(readBack.ExceptionRows, Is.GreaterThan(10_000), "and exception rows");
        Assert.That(loadedRows.IndicatorRows, Is.EqualTo(readBack.IndicatorRows));
        Assert.That(loadedRows.ExceptionRows, Is.EqualTo(readBack.ExceptionRows));
        AssertSameRows("fact_indicator", "read-back.db", "loaded-rows.db");
        AssertSameRows("fact_indicator_exception", "read-back.db", "loaded-rows.db");
        Assert.That(loadedRows.Phases.FeedBesideSwap, Is.True, "the loaded rows feed the engine beside the swap");
        Assert.That(readBack.Phases.FeedBesideSwap, Is.False, "reading back needs the swapped tables, so it comes after");
    }

    [Test]
    public async Task A_source_without_an_extension_table_gives_the_same_figures_both_ways()
    {
        // The feed built beside the swap takes which sources carry a warning from the run's counters, before
        // etl_load_table is written; reading back takes them from that table. Both must say "not available" alike.
        var council = Generate(CouncilPreset.Scilly, seed: 4, "council.db");
        using (var source = new SqliteConnection($"Data Source={council};Pooling=False"))
        {
            source.Open();
            using var drop = source.CreateCommand();
            drop.CommandText = "DROP TABLE ssd_ext_management_oversight";
            drop.ExecuteNonQuery();
        }
        await LoadAsync(council, "read-back.db", IndicatorInput.ReadBack);
        await LoadAsync(council, "loaded-rows.db", IndicatorInput.LoadedRows);

        AssertSameRows("fact_indicator", "read-back.db", "loaded-rows.db");
        AssertSameRows("fact_indicator_exception", "read-back.db", "loaded-rows.db");
        using var warehouse = new SqliteConnection($"Data Source={_folder.File("loaded-rows.db")};Mode=ReadOnly;Pooling=False");
        warehouse.Open();
        using var count = warehouse.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM fact_indicator WHERE indicator_id = 'OVERSIGHT-01' AND not_available LIKE '%management oversight%'";
        Assert.That(Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0),
            "the missing table's indicator says why it is not available");
    }

    [Test]
    public async Task A_second_run_over_unchanged_data_feeds_the_engine_the_same_rows()
    {
        var council = Generate(CouncilPreset.Scilly, seed: 3, "council.db");
        await LoadAsync(council, "read-back.db", IndicatorInput.ReadBack);
        await LoadAsync(council, "loaded-rows.db", IndicatorInput.LoadedRows);
        var again = await LoadAsync(council, "loaded-rows.db", IndicatorInput.LoadedRows);

        Assert.That(again.Tables.Sum(t => t.RowsInserted), Is.Zero, "nothing changed, so the swap kept every row");
        AssertSameRows("fact_indicator", "read-back.db", "loaded-rows.db");
        AssertSameRows("fact_indicator_exception", "read-back.db", "loaded-rows.db");
    }

    private string Generate(CouncilPreset preset, int seed, string name)
    {
        var path = _folder.File(name);
        var clock = new ManualTime(new DateTimeOffset(AsOf.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        new CouncilGenerator(clock).Generate(new GeneratorOptions(preset, Seed: seed, Years: 5, AsOf: AsOf, FaultRate: 0.002), path);
        return path;
    }

    private async Task<EtlRunResult> LoadAsync(string source, string warehouse, IndicatorInput input)
    {
        var result = await new EtlRunner().RunAsync(new EtlOptions(
            new DatabaseTarget(DatabaseProvider.Sqlite, source), new DatabaseTarget(DatabaseProvider.Sqlite, _folder.File(warehouse)))
        {
            AsOf = AsOf,
            IndicatorInput = input,
        });
        Assert.That(result.Status, Is.EqualTo("succeeded"));
        return result;
    }

    /// <summary>Every row of <paramref name="table"/> in both warehouses, each written out whole (load_id aside), sorted; the first differences are named.</summary>
    private void AssertSameRows(string table, string expectedFile, string actualFile)
    {
        var expected = Rows(table, expectedFile);
        var actual = Rows(table, actualFile);
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(actual, Has.Count.EqualTo(expected.Count), $"{table}: row count");
            Assert.That(missing, Is.Empty, $"{table}: rows of the read-back run the loaded-rows run lacks");
            Assert.That(extra, Is.Empty, $"{table}: rows of the loaded-rows run the read-back run lacks");
        });
        Assert.That(actual, Is.EqualTo(expected), $"{table}: the same rows, duplicates included");
    }

    private List<string> Rows(string table, string file)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File(file)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(0));
        }
        // quote() keeps NULL, '' and 0 apart; a child_key is written as the person it points to in its own warehouse.
        var values = columns.Where(c => c != "load_id").Select(c => c == "child_key"
            ? "quote((SELECT d.person_id FROM dim_child d WHERE d.child_key = t.child_key))"
            : $"quote(t.{c})");
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(" || '|' || ", values)} FROM {table} t";
        using var rows = command.ExecuteReader();
        var result = new List<string>();
        while (rows.Read()) result.Add(rows.GetString(0));
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
