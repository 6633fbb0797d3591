using Dashboard.Core.Ssd;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Writing;

public class SsdSourceWriterTests
{
    private static Dictionary<string, string?> Person(string id, string? dob, string? sex = null) =>
        new() { ["pers_person_id"] = id, ["pers_dob"] = dob, ["pers_sex"] = sex };

    [Test]
    public void A_later_year_updates_what_it_holds_and_keeps_what_it_lacks()
    {
        using var scratch = new Scratch();
        var path = scratch.File("source.db");
        using (var writer = SsdSourceWriter.Create(path))
        {
            writer.Begin(StatutoryReturn.CinCensus);
            writer.Write(SsdSchema.Referrals, new Dictionary<string, string?> { ["cine_referral_id"] = "R1", ["cine_person_id"] = "C1", ["cine_referral_date"] = "2024-01-05", ["cine_cin_primary_need_code"] = "N1" });
            writer.Write(SsdSchema.Referrals, new Dictionary<string, string?> { ["cine_referral_id"] = "R1", ["cine_person_id"] = "C1", ["cine_close_date"] = "2024-06-30", ["cine_cin_primary_need_code"] = " " });
            writer.Commit();
        }

        Assert.That(Rows(path, "SELECT cine_referral_date, cine_cin_primary_need_code, cine_close_date FROM ssd_cin_episodes"),
            Is.EqualTo(new[] { "2024-01-05|N1|2024-06-30" }));
    }

    [Test]
    public void A_second_return_fills_gaps_in_a_child_and_never_overwrites()
    {
        using var scratch = new Scratch();
        var path = scratch.File("source.db");
        using (var writer = SsdSourceWriter.Create(path))
        {
            writer.Begin(StatutoryReturn.CinCensus);
            writer.Write(SsdSchema.Persons, Person("C1", "2015-03-01"));
            writer.Begin(StatutoryReturn.Ssda903);
            writer.Write(SsdSchema.Persons, Person("C1", "2015-03-02", "F"), MergeRule.FillGaps);
            writer.Write(SsdSchema.Persons, Person("C2", "2012-01-01", "M"), MergeRule.FillGaps);
            writer.Commit();
        }

        Assert.Multiple(() =>
        {
            Assert.That(Rows(path, "SELECT pers_person_id, pers_dob, pers_sex FROM ssd_person ORDER BY 1"),
                Is.EqualTo(new[] { "C1|2015-03-01|F", "C2|2012-01-01|M" }));
            Assert.That(Rows(path, $"SELECT pret_person_id, pret_return FROM {SourceReturnTables.PersonReturns} ORDER BY 1, 2"),
                Is.EqualTo(new[] { "C1|CIN census", "C1|SSDA903", "C2|SSDA903" }));
        });
    }

    [Test]
    public void Rejections_and_provenance_are_kept_beside_the_tables()
    {
        using var scratch = new Scratch();
        var path = scratch.File("source.db");
        using (var writer = SsdSourceWriter.Create(path))
        {
            writer.Begin(StatutoryReturn.Ssda903);
            writer.Reject(StatutoryReturn.Ssda903, new ReturnLocation("episodes_2025.csv", 12, "column CHILD"), "CHILD", "The row has no child id.", ",01/04/2024,S,C2");
            writer.Record(new ReturnImportSummary(new ReturnProvenance(StatutoryReturn.Ssda903, ["header_2025.csv", "episodes_2025.csv"], "2024-25",
                [new SuppliedTable(SsdSchema.ClaEpisodes, TableCoverage.Complete), new SuppliedTable(SsdSchema.ClaVisits, TableCoverage.LatestOnly, "last visit only")]), 40, 1));
            writer.Commit();
        }

        Assert.Multiple(() =>
        {
            Assert.That(Rows(path, $"SELECT rej_return, rej_file, rej_line, rej_field, rej_reason FROM {SourceReturnTables.Rejections}"),
                Is.EqualTo(new[] { "SSDA903|episodes_2025.csv|12|CHILD|The row has no child id." }));
            Assert.That(Rows(path, $"SELECT srcr_return, srcr_files, srcr_period, srcr_records, srcr_rejected FROM {SourceReturnTables.Returns}"),
                Is.EqualTo(new[] { "SSDA903|header_2025.csv; episodes_2025.csv|2024-25|40|1" }));
            Assert.That(Rows(path, $"SELECT srct_table, srct_coverage FROM {SourceReturnTables.Tables} ORDER BY 1"),
                Is.EqualTo(new[] { "ssd_cla_episodes|complete", "ssd_cla_visits|latest only" }));
        });
    }

    [Test]
    public void An_import_that_fails_leaves_the_previous_output_in_place()
    {
        using var scratch = new Scratch();
        var path = scratch.File("source.db");
        File.WriteAllText(path, "the previous good output");
        using (var writer = SsdSourceWriter.Create(path))
        {
            writer.Write(SsdSchema.Persons, Person("C1", "2015-03-01"));
            // No Commit: the import failed part-way.
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("the previous good output"));
            Assert.That(Directory.GetFiles(scratch.Path), Has.Length.EqualTo(1), "the temporary file is removed");
        });
    }

    [Test]
    public void A_column_the_table_lacks_is_refused_by_name()
    {
        using var scratch = new Scratch();
        using var writer = SsdSourceWriter.Create(scratch.File("source.db"));
        var error = Assert.Throws<ArgumentException>(() => writer.Write(SsdSchema.Persons, new Dictionary<string, string?> { ["pers_shoe_size"] = "4" }));
        Assert.That(error!.Message, Does.Contain("ssd_person has no column pers_shoe_size"));
    }

    private static string[] Rows(string path, string sql) => SqliteRows.Of(path, sql);
}
