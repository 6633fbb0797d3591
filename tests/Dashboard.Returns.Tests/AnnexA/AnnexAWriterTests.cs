using Dashboard.Core.Ssd;
using Dashboard.Returns.AnnexA;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.AnnexA;

public class AnnexAWriterTests
{
    [Test]
    public void The_workbook_is_laid_out_as_the_template_with_prefixed_codes_and_real_dates()
    {
        using var scratch = new Scratch();
        var source = scratch.File("ssd.db");
        using (var ssd = SsdSourceWriter.Create(source))
        {
            ssd.Write(SsdSchema.Persons, new Dictionary<string, string?> { ["pers_person_id"] = "C1", ["pers_sex"] = "F", ["pers_dob"] = "2014-05-06" });
            ssd.Write(SsdSchema.Departments, new Dictionary<string, string?> { ["dept_team_id"] = "T1", ["dept_team_name"] = "Assessment North" });
            ssd.Write(SsdSchema.Referrals, new Dictionary<string, string?>
            {
                ["cine_referral_id"] = "R1", ["cine_person_id"] = "C1", ["cine_referral_date"] = "2026-02-03 00:00:00", ["cine_referral_source_code"] = "2A",
                ["cine_referral_nfa"] = "Yes", ["cine_referral_team"] = "T1",
            });
            // Before the 6-month window: not listed, but counted in "Number of Referrals in Last 12 Months".
            ssd.Write(SsdSchema.Referrals, new Dictionary<string, string?> { ["cine_referral_id"] = "R0", ["cine_person_id"] = "C1", ["cine_referral_date"] = "2025-09-30" });
            ssd.Commit();
        }
        string file;
        using (var connection = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            file = new AnnexAWriter().Write(connection, scratch.Path, new ReturnWriteOptions(new DateOnly(2026, 3, 31)), CancellationToken.None).Single();
        }

        using var workbook = new WorkbookReader(file);
        var rows = workbook.Rows("List_3").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(file), Is.EqualTo("annex-a-2026-03-31.xlsx"));
            Assert.That(workbook.SheetNames, Is.EqualTo(Enumerable.Range(1, 11).Select(n => $"List_{n}")));
            Assert.That(rows[0][0], Is.EqualTo("List 3: Referrals"));
            Assert.That(rows[1][0], Is.EqualTo("The 6 months from 1 October 2025 to 31 March 2026 (reference date 31 March 2026)"));
            Assert.That(rows[2].Cells.Values.Take(6), Is.EqualTo(new[] { "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of referral" }));
            Assert.That(rows, Has.Count.EqualTo(4), "one referral in the window");
            Assert.That(rows[3].Cells.Values, Is.EqualTo(new[]
            {
                "C1", "b) F: Female", "2014-05-06", "11", "2026-02-03", "e) 2A: Schools", "a) Yes", "2", "Assessment North",
            }).AsCollection);
        });
    }
}
