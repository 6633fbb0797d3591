using System.Xml.Linq;
using Dashboard.Core.Ssd;
using Dashboard.Returns.CinCensus;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.CinCensus;

/// <summary>A hand-made SSD source written as census files with an extract date before 31 March.</summary>
public class CinCensusWriterTests
{
    private static string Source(Scratch scratch)
    {
        var path = scratch.File("ssd.db");
        using var ssd = SsdSourceWriter.Create(path);
        void Row(SsdTable table, params (string Column, string? Value)[] values) =>
            ssd.Write(table, values.ToDictionary(v => v.Column, v => v.Value));
        Row(SsdSchema.Persons, ("pers_person_id", "C1"), ("pers_sex", "F"), ("pers_dob", "2015-01-01"));
        Row(SsdSchema.Persons, ("pers_person_id", "C2"), ("pers_sex", "I"), ("pers_dob", "2016-01-01"));
        Row(SsdSchema.Persons, ("pers_person_id", "C3"), ("pers_sex", "M"), ("pers_dob", "2017-01-01"));
        // C1: referred in 2024-25, assessment authorised and episode closed after the extract date.
        Row(SsdSchema.Referrals, ("cine_referral_id", "R1"), ("cine_person_id", "C1"), ("cine_referral_date", "2025-03-03"),
            ("cine_referral_nfa", "N"), ("cine_close_date", "2026-02-01"), ("cine_close_reason", "RC8"));
        Row(SsdSchema.Assessments, ("cina_assessment_id", "A1"), ("cina_person_id", "C1"), ("cina_referral_id", "R1"),
            ("cina_assessment_start_date", "2025-03-04"), ("cina_assessment_auth_date", "2025-04-20"), ("cina_assessment_outcome_nfa", "Y"));
        // C2: referred and closed in 2023-24, before the years written.
        Row(SsdSchema.Referrals, ("cine_referral_id", "R2"), ("cine_person_id", "C2"), ("cine_referral_date", "2023-06-01"),
            ("cine_close_date", "2024-01-10"), ("cine_close_reason", "RC7"));
        // C3: referred after the extract date (the extract should not hold it; the writer must not write it).
        Row(SsdSchema.Referrals, ("cine_referral_id", "R3"), ("cine_person_id", "C3"), ("cine_referral_date", "2026-02-10"));
        ssd.Commit();
        return path;
    }

    [Test]
    public void The_last_census_ends_at_the_extract_date_and_each_year_knows_only_what_happened_by_its_end()
    {
        using var scratch = new Scratch();
        using var source = new SqliteConnection($"Data Source={Source(scratch)};Mode=ReadOnly;Pooling=False");
        source.Open();

        var files = new CinCensusWriter().Write(source, scratch.Folder("out"), new ReturnWriteOptions(new DateOnly(2026, 1, 15), 3), CancellationToken.None);

        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "cin-census-2023-24.xml", "cin-census-2024-25.xml", "cin-census-2025-26.xml" }));
        var first = XDocument.Load(files[0]);
        var earlier = XDocument.Load(files[1]);
        var later = XDocument.Load(files[2]);
        Assert.Multiple(() =>
        {
            Assert.That(earlier.Descendants("ReferenceDate").Single().Value, Is.EqualTo("2025-03-31"));
            Assert.That(later.Descendants("ReferenceDate").Single().Value, Is.EqualTo("2026-01-15"));
            Assert.That(earlier.Descendants("LAchildID").Select(e => e.Value), Is.EqualTo(new[] { "C1" }));
            Assert.That(later.Descendants("LAchildID").Select(e => e.Value), Is.EqualTo(new[] { "C1" }));
            Assert.That(earlier.Descendants("AssessmentAuthorisationDate"), Is.Empty, "authorised after 31 March 2025");
            Assert.That(earlier.Descendants("AssessmentFactors"), Is.Empty);
            Assert.That(later.Descendants("AssessmentAuthorisationDate").Single().Value, Is.EqualTo("2025-04-20"));
            Assert.That(later.Descendants("AssessmentFactors").Single().Value, Is.EqualTo("21"));
            Assert.That(later.Descendants("CINclosureDate"), Is.Empty, "closed after the extract date");
            Assert.That(later.Descendants("ReasonForClosure"), Is.Empty);
            Assert.That(first.Descendants("LAchildID").Select(e => e.Value), Is.EqualTo(new[] { "C2" }));
            Assert.That(first.Descendants("GenderCurrent").Single().Value, Is.EqualTo("9"), "to 2023-24, sex as GenderCurrent's number");
            Assert.That(earlier.Descendants("Sex").Single().Value, Is.EqualTo("F"), "from 2024-25, as Sex");
            Assert.That(earlier.Descendants("GenderCurrent"), Is.Empty);
        });
    }

    [Test]
    public void What_the_writer_wrote_imports_back_to_the_same_episode()
    {
        using var scratch = new Scratch();
        IReadOnlyList<string> files;
        using (var source = new SqliteConnection($"Data Source={Source(scratch)};Mode=ReadOnly;Pooling=False"))
        {
            source.Open();
            files = new CinCensusWriter().Write(source, scratch.Folder("out"), new ReturnWriteOptions(new DateOnly(2026, 1, 15), 3), CancellationToken.None);
        }
        var output = scratch.File("returns.db");
        using (var writer = SsdSourceWriter.Create(output))
        {
            writer.Begin(StatutoryReturn.CinCensus);
            new CinCensusImporter().Import(files, writer, null, CancellationToken.None);
            writer.Commit();
        }

        using var imported = new SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False");
        imported.Open();
        using var command = imported.CreateCommand();
        command.CommandText = "SELECT group_concat(cine_referral_id || ' ' || cine_referral_date || ' ' || ifnull(cine_close_date, '-'), '; ') FROM (SELECT * FROM ssd_cin_episodes ORDER BY 1)";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("C1/REF/20250303 2025-03-03 -; C2/REF/20230601 2023-06-01 2024-01-10"));
    }
}
