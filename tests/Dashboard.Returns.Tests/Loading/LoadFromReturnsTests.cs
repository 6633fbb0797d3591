using Dashboard.Core.Ssd;
using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Loading;

/// <summary>
/// A source made from returns, loaded by the real ETL: what the returns lack is "not available from these sources",
/// never 0% or an unexplained x; a table filled only with latest records is measured for the latest month only; the
/// load records which returns it came from and keeps the elements the import could not place.
/// </summary>
public class LoadFromReturnsTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 31);

    private static Dictionary<string, string?> Row(params (string Column, string? Value)[] values) => values.ToDictionary(v => v.Column, v => v.Value);

    private static void WriteCensusLikeSource(string path, bool withLatestVisits)
    {
        using var writer = SsdSourceWriter.Create(path);
        writer.Begin(StatutoryReturn.CinCensus);
        writer.Write(SsdSchema.Persons, Row(("pers_person_id", "C1"), ("pers_sex", "F"), ("pers_dob", "2015-05-01")));
        writer.Write(SsdSchema.Referrals, Row(("cine_referral_id", "C1/REF/20250106"), ("cine_person_id", "C1"), ("cine_referral_date", "2025-01-06"),
            ("cine_referral_source_code", "5A"), ("cine_cin_primary_need_code", "N1")));
        writer.Write(SsdSchema.CpPlans, Row(("cppl_cp_plan_id", "C1/CPP/20250203"), ("cppl_person_id", "C1"), ("cppl_cp_plan_start_date", "2025-02-03"),
            ("cppl_cp_plan_initial_category", "NEG"), ("cppl_cp_plan_latest_category", "NEG")));
        writer.Reject(StatutoryReturn.CinCensus, new ReturnLocation("cin-2025.xml", 88, "Child"), "LAchildID", "The Child element has no LAchildID.", "<Child>...</Child>");
        SuppliedTable[] tables = [new(SsdSchema.Persons, TableCoverage.Complete), new(SsdSchema.Referrals, TableCoverage.Complete), new(SsdSchema.CpPlans, TableCoverage.Complete)];
        writer.Record(new ReturnImportSummary(new ReturnProvenance(StatutoryReturn.CinCensus, ["cin-2025.xml"], "2024-25", tables), 2, 1) { ReferenceDate = AsOf });
        if (withLatestVisits)
        {
            writer.Begin(StatutoryReturn.AnnexA);
            writer.Write(SsdSchema.CpVisits, Row(("cppv_cp_visit_id", "C1/VIS/20250325"), ("cppv_person_id", "C1"), ("cppv_cp_plan_id", "C1/CPP/20250203"),
                ("cppv_cp_visit_date", "2025-03-25"), ("cppv_cp_visit_seen", "Y")));
            writer.Record(new ReturnImportSummary(new ReturnProvenance(StatutoryReturn.AnnexA, ["annex-a.xlsx"], "6 months to 31 March 2025",
                [new SuppliedTable(SsdSchema.CpVisits, TableCoverage.LatestOnly, "the date of the last statutory visit")]), 1, 0));
        }
        writer.Commit();
    }

    private static async Task<EtlRunResult> LoadAsync(string source, string warehouse, bool asOfFromSource = false)
    {
        var options = new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={source}"),
            new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={warehouse}")) { AsOf = asOfFromSource ? null : AsOf };
        return await new EtlRunner(TimeProvider.System).RunAsync(options);
    }

    private static string? Scalar(string warehouse, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={warehouse};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is { } v and not DBNull ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [Test]
    public async Task What_the_returns_lack_is_not_available_from_these_sources_and_says_why()
    {
        using var scratch = new Scratch();
        WriteCensusLikeSource(scratch.File("source.db"), withLatestVisits: false);

        var result = await LoadAsync(scratch.File("source.db"), scratch.File("warehouse.db"));
        var warehouse = scratch.File("warehouse.db");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("succeeded"));
            Assert.That(result.Warnings, Has.Some.StartsWith("ssd_cp_visits is not in these sources (the CIN census)"));
            Assert.That(Scalar(warehouse, "SELECT not_available FROM fact_indicator WHERE indicator_id = 'SEEN-01' AND scope_level = 'council' AND period = '2025-03'"),
                Is.EqualTo("Not available from these sources: the CIN census carries no child protection visits (ssd_cp_visits)."));
            Assert.That(Scalar(warehouse, "SELECT not_available FROM fact_indicator WHERE indicator_id = 'RISK-05' AND scope_level = 'council' AND period = '2025-03'"),
                Is.Null, "repeat CP plans read only plans, which the census carries");
            Assert.That(Scalar(warehouse, "SELECT return_name || '|' || files || '|' || period || '|' || records || '|' || rejected FROM etl_load_return"),
                Is.EqualTo("CIN census|cin-2025.xml|2024-25|2|1"));
            Assert.That(Scalar(warehouse, "SELECT COUNT(*) FROM etl_load_return_table"), Is.EqualTo("3"));
            Assert.That(Scalar(warehouse, "SELECT file_name || '|' || line_number || '|' || field || '|' || reason FROM etl_load_return_rejection"),
                Is.EqualTo("cin-2025.xml|88|LAchildID|The Child element has no LAchildID."));
        });
    }

    [Test]
    public async Task A_table_filled_only_with_latest_records_is_measured_for_the_latest_month_only()
    {
        using var scratch = new Scratch();
        WriteCensusLikeSource(scratch.File("source.db"), withLatestVisits: true);

        await LoadAsync(scratch.File("source.db"), scratch.File("warehouse.db"));
        var warehouse = scratch.File("warehouse.db");

        Assert.Multiple(() =>
        {
            Assert.That(Scalar(warehouse, "SELECT not_available FROM fact_indicator WHERE indicator_id = 'SEEN-01' AND scope_level = 'council' AND period = '2025-03'"),
                Is.Null);
            Assert.That(Scalar(warehouse, "SELECT numerator || '/' || denominator FROM fact_indicator WHERE indicator_id = 'SEEN-01' AND scope_level = 'council' AND period = '2025-03'"),
                Is.EqualTo("1/1"), "the child on a plan was seen on 25 March, within 10 working days of the 31st");
            Assert.That(Scalar(warehouse, "SELECT not_available FROM fact_indicator WHERE indicator_id = 'SEEN-01' AND scope_level = 'council' AND period = '2025-02'"),
                Is.EqualTo("Not available for this month: Annex A holds only each child's latest record of child protection visits (ssd_cp_visits), so only the latest month can be measured."));
        });
    }

    [Test]
    public async Task Without_a_date_given_the_source_is_loaded_as_at_its_latest_reference_date_not_today()
    {
        using var scratch = new Scratch();
        WriteCensusLikeSource(scratch.File("source.db"), withLatestVisits: false);

        await LoadAsync(scratch.File("source.db"), scratch.File("warehouse.db"), asOfFromSource: true);

        Assert.That(Scalar(scratch.File("warehouse.db"), "SELECT as_of_date FROM etl_load_run"), Is.EqualTo("2025-03-31"));
    }

    [Test]
    public async Task An_ssd_extract_records_no_returns()
    {
        using var scratch = new Scratch();
        new Synthetic.CouncilGenerator(TimeProvider.System).Generate(new Synthetic.GeneratorOptions(Synthetic.CouncilPreset.Scilly, Years: 1, AsOf: AsOf), scratch.File("ssd.db"));

        var result = await LoadAsync(scratch.File("ssd.db"), scratch.File("warehouse.db"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("succeeded"));
            Assert.That(Scalar(scratch.File("warehouse.db"), "SELECT COUNT(*) FROM etl_load_return"), Is.EqualTo("0"));
            Assert.That(result.Warnings, Has.None.Contains("not in these sources"));
        });
    }
}
