using Dashboard.Core.Ssd;
using Dashboard.Returns.CinCensus;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.CinCensus;

/// <summary>
/// Hand-made census files (Fixtures/CinCensus, written from the DfE's CIN census guide): the 2016-17 file has a byte
/// order mark, CRLF line ends, codes with labels, ids with and without leading zeros, an impossible date, a retired
/// abuse category, missing optional elements and three elements that cannot be placed; the 2017-18 file updates the
/// same episode (closed, plan ended, latest category changed).
/// </summary>
public class CinCensusImporterTests
{
    private const string Earlier = "cin-2016-17-bom-crlf.xml";
    private const string Later = "cin-2017-18.xml";

    private static (string Path, ReturnImportSummary Summary) Import(Scratch scratch, params string[] paths)
    {
        var output = scratch.File("source.db");
        using var writer = SsdSourceWriter.Create(output);
        writer.Begin(StatutoryReturn.CinCensus);
        var summary = new CinCensusImporter().Import(paths, writer, null, CancellationToken.None);
        writer.Commit();
        return (output, summary);
    }

    private static string[] Rows(string path, string sql) => SqliteRows.Of(path, sql);

    [Test]
    public void Children_keep_their_ids_exactly_codes_lose_labels_and_sex_numbers_become_letters()
    {
        using var scratch = new Scratch();
        var bytes = File.ReadAllBytes(Fixtures.Path("CinCensus", Earlier));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "the fixture keeps its byte order mark");
        Assert.That(bytes.AsSpan().IndexOf("\r\n"u8), Is.GreaterThan(0), "the fixture keeps its CRLF line ends");
        var (path, _) = Import(scratch, Fixtures.Path("CinCensus", Earlier));

        Assert.Multiple(() =>
        {
            // XML is not opened in Excel: "007" and "7" are two children, as the council's system says.
            Assert.That(Rows(path, "SELECT pers_person_id, pers_sex, pers_ethnicity, pers_dob FROM ssd_person ORDER BY 1"),
                Is.EqualTo(new[] { "007|F|WBRI|2010-05-04", "7|M|MWBC|2012-01-31" }));
            Assert.That(Rows(path, "SELECT disa_person_id, disa_disability_code FROM ssd_disability ORDER BY 2"),
                Is.EqualTo(new[] { "007|AUT", "007|LD" }));
            Assert.That(Rows(path, "SELECT cine_referral_id, cine_referral_source_code, cine_cin_primary_need_code, cine_referral_nfa, cine_close_date FROM ssd_cin_episodes ORDER BY 1"),
                Is.EqualTo(new[] { "007/REF/20160601|1A|N1|N|", "7/REF/20161110|6|N4|N|2017-02-30" }),
                "a missing close date stays empty; an impossible one reaches the ETL as found, to be quarantined naming the field");
        });
    }

    [Test]
    public void An_enquiry_its_conference_and_the_plan_it_started_are_linked_as_the_SSD_links_them()
    {
        using var scratch = new Scratch();
        var (path, _) = Import(scratch, Fixtures.Path("CinCensus", Earlier));

        Assert.Multiple(() =>
        {
            Assert.That(Rows(path, "SELECT s47e_s47_enquiry_id, s47e_referral_id, s47e_s47_start_date, s47e_s47_end_date, s47e_s47_outcome_json FROM ssd_s47_enquiry"),
                Is.EqualTo(new[] { "007/S47/20160603|007/REF/20160601|2016-06-03||{\"CP_CONFERENCE_FLAG\":\"Y\"}" }));
            Assert.That(Rows(path, "SELECT icpc_icpc_id, icpc_s47_enquiry_id, icpc_cp_plan_id, icpc_icpc_transfer_in, icpc_icpc_target_date, icpc_icpc_date, icpc_icpc_outcome_cp_flag FROM ssd_initial_cp_conference"),
                Is.EqualTo(new[] { "007/ICPC/20160622|007/S47/20160603|007/CPP/20160622|N|2016-06-24|2016-06-22|Y" }));
            Assert.That(Rows(path, "SELECT cppl_cp_plan_id, cppl_icpc_id, cppl_cp_plan_initial_category, cppl_cp_plan_latest_category FROM ssd_cp_plans"),
                Is.EqualTo(new[] { "007/CPP/20160622|007/ICPC/20160622|MUL|MUL" }),
                "a category the later lists retired reaches the output unchanged, for the ETL to check against its year");
            Assert.That(Rows(path, "SELECT cppr_cp_plan_id, cppr_cp_review_date FROM ssd_cp_reviews ORDER BY 2"),
                Is.EqualTo(new[] { "007/CPP/20160622|2016-09-20", "007/CPP/20160622|2017-03-14" }));
        });
    }

    [Test]
    public void An_assessment_outcome_follows_its_factors_or_else_the_episode_closing_after_it()
    {
        using var scratch = new Scratch();
        var (path, _) = Import(scratch, Fixtures.Path("CinCensus", Earlier));

        Assert.That(Rows(path, "SELECT cina_assessment_id, cina_referral_id, cina_assessment_auth_date, cina_assessment_outcome_nfa FROM ssd_cin_assessments ORDER BY 1"),
            Is.EqualTo(new[] { "007/ASM/20160602|007/REF/20160601|2016-07-15|N", "7/ASM/20161111|7/REF/20161110|2016-12-20|Y" }),
            "007's factors 3A and 1B found need; 7's episode closed RC8 after its (last placeable) assessment");
    }

    [Test]
    public void Elements_that_cannot_be_placed_are_rejected_with_file_line_and_element_while_the_rest_loads()
    {
        using var scratch = new Scratch();
        var (path, summary) = Import(scratch, Fixtures.Path("CinCensus", Earlier));

        Assert.Multiple(() =>
        {
            Assert.That(summary.Records, Is.EqualTo(3), "three Child elements read");
            Assert.That(summary.Rejected, Is.EqualTo(3));
            Assert.That(Rows(path, $"SELECT rej_return, rej_file, rej_line, rej_element, rej_field FROM {SourceReturnTables.Rejections} ORDER BY rej_line"),
                Is.EqualTo(new[]
                {
                    $"CIN census|{Earlier}|86|Assessments|AssessmentActualStartDate",
                    $"CIN census|{Earlier}|90|CINdetails|CINreferralDate",
                    $"CIN census|{Earlier}|95|Child|LAchildID",
                }));
            Assert.That(Rows(path, $"SELECT rej_original FROM {SourceReturnTables.Rejections} WHERE rej_element = 'CINdetails'").Single(),
                Does.Contain("<ReferralSource>2A</ReferralSource>"));
        });
    }

    [Test]
    public void A_later_census_year_updates_the_same_episode_and_plan_whatever_order_the_files_are_given_in()
    {
        using var scratch = new Scratch();
        var (path, summary) = Import(scratch, Fixtures.Path("CinCensus", Later), Fixtures.Path("CinCensus", Earlier));

        Assert.Multiple(() =>
        {
            Assert.That(summary.Provenance.Files, Is.EqualTo(new[] { Earlier, Later }), "read in census-year order");
            Assert.That(summary.Provenance.Period, Is.EqualTo("2016-17 to 2017-18"));
            Assert.That(Rows(path, "SELECT cine_referral_source_code, cine_cin_primary_need_code, cine_close_date, cine_close_reason FROM ssd_cin_episodes WHERE cine_person_id = '007'"),
                Is.EqualTo(new[] { "1A|N1|2017-10-02|RC7" }), "the later year closes the episode; the need code it left out is kept");
            Assert.That(Rows(path, "SELECT cppl_icpc_id, cppl_cp_plan_end_date, cppl_cp_plan_initial_category, cppl_cp_plan_latest_category FROM ssd_cp_plans"),
                Is.EqualTo(new[] { "007/ICPC/20160622|2017-09-12|MUL|NEG" }));
            Assert.That(Rows(path, "SELECT count(*) FROM ssd_cp_reviews"), Is.EqualTo(new[] { "3" }));
            Assert.That(Rows(path, $"SELECT srct_table FROM {SourceReturnTables.Tables} ORDER BY 1"),
                Is.EqualTo(CinCensusImporter.Supplies.Select(s => s.Table.Name).Order(StringComparer.Ordinal).ToArray()));
        });
    }

    [Test]
    public void A_folder_means_every_census_file_in_it()
    {
        using var scratch = new Scratch();
        var folder = scratch.Folder("census");
        File.Copy(Fixtures.Path("CinCensus", Earlier), Path.Combine(folder, Earlier));
        File.Copy(Fixtures.Path("CinCensus", Later), Path.Combine(folder, Later));

        var (path, summary) = Import(scratch, folder);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Records, Is.EqualTo(4));
            Assert.That(Rows(path, "SELECT cine_close_date FROM ssd_cin_episodes WHERE cine_person_id = '007'"), Is.EqualTo(new[] { "2017-10-02" }));
        });
    }

    [Test]
    public void A_file_that_is_not_well_formed_names_the_file_and_line_and_leaves_no_output()
    {
        using var scratch = new Scratch();
        var output = scratch.File("source.db");

        var error = Assert.Throws<ReturnFileException>(() => Import(scratch, Fixtures.Path("CinCensus", Earlier), Fixtures.Path("CinCensus", "broken.xml")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("broken.xml, line 7: the CIN census file cannot be read as XML"));
            Assert.That(error.Message, Does.Contain("ChildIdentifier"));
            Assert.That(File.Exists(output), Is.False);
        });
    }

    [Test]
    public void A_namespace_elements_out_of_order_and_unwrapped_factors_and_reviews_still_read()
    {
        using var scratch = new Scratch();
        var file = scratch.File("cin-variant.xml");
        File.WriteAllText(file, """
            <?xml version="1.0" encoding="UTF-8"?>
            <Message xmlns="http://www.example.org/cin">
              <Children>
                <Child>
                  <CINdetails>
                    <ReferralNFA>false</ReferralNFA>
                    <CINreferralDate>2024-05-01</CINreferralDate>
                    <Assessments>
                      <AssessmentAuthorisationDate>2024-06-01</AssessmentAuthorisationDate>
                      <AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate>
                      <AssessmentFactors>21</AssessmentFactors>
                    </Assessments>
                    <ChildProtectionPlans>
                      <CPPstartDate>2024-07-01</CPPstartDate>
                      <CPPreviewDate>2024-09-30</CPPreviewDate>
                    </ChildProtectionPlans>
                  </CINdetails>
                  <ChildIdentifiers>
                    <Sex>U</Sex>
                    <LAchildID>A-1</LAchildID>
                  </ChildIdentifiers>
                </Child>
              </Children>
            </Message>
            """);

        var (path, summary) = Import(scratch, file);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Rejected, Is.Zero);
            Assert.That(summary.Provenance.Period, Is.EqualTo("census years not stated in the files"));
            Assert.That(Rows(path, "SELECT pers_person_id, pers_sex FROM ssd_person"), Is.EqualTo(new[] { "A-1|U" }));
            Assert.That(Rows(path, "SELECT cina_assessment_start_date, cina_assessment_outcome_nfa FROM ssd_cin_assessments"), Is.EqualTo(new[] { "2024-05-02|Y" }));
            Assert.That(Rows(path, "SELECT cppr_cp_plan_id, cppr_cp_review_date FROM ssd_cp_reviews"), Is.EqualTo(new[] { "A-1/CPP/20240701|2024-09-30" }));
        });
    }

    [Test]
    public void Progress_is_reported_by_bytes_and_ends_at_the_files_total()
    {
        using var scratch = new Scratch();
        var reports = new List<ImportProgress>();
        using var writer = SsdSourceWriter.Create(scratch.File("source.db"));
        writer.Begin(StatutoryReturn.CinCensus);

        new CinCensusImporter().Import([Fixtures.Path("CinCensus", Earlier), Fixtures.Path("CinCensus", Later)], writer,
            new SynchronousProgress<ImportProgress>(reports.Add), CancellationToken.None);

        var total = new FileInfo(Fixtures.Path("CinCensus", Earlier)).Length + new FileInfo(Fixtures.Path("CinCensus", Later)).Length;
        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => r.File), Is.EqualTo(new[] { Earlier, Later }));
            Assert.That(reports.Select(r => r.BytesDone), Is.Ordered);
            Assert.That(reports[^1].BytesDone, Is.EqualTo(total));
            Assert.That(reports.All(r => r.BytesTotal == total && r.Return == StatutoryReturn.CinCensus), Is.True);
        });
    }

    [Test]
    public void An_empty_file_is_refused_by_name()
    {
        using var scratch = new Scratch();
        var empty = scratch.File("cin-empty.xml");
        File.WriteAllText(empty, "");

        Assert.That(() => Import(scratch, empty),
            Throws.TypeOf<ReturnFileException>().With.Message.EqualTo("The CIN census file cin-empty.xml is empty."));
    }

    [Test]
    public void A_file_of_another_return_or_a_missing_file_is_refused_by_name()
    {
        using var scratch = new Scratch();

        Assert.Multiple(() =>
        {
            Assert.That(() => Import(scratch, Fixtures.Path("CinCensus", "not-a-census.xml")),
                Throws.TypeOf<ReturnFileException>().With.Message.EqualTo("not-a-census.xml, line 2: the file is not a CIN census: its first element is EXPSSDA903, not Message."));
            Assert.That(() => Import(scratch, Fixtures.Path("CinCensus", "cin-2030-31.xml")),
                Throws.TypeOf<ReturnFileException>().With.Message.EqualTo("The CIN census file cin-2030-31.xml does not exist."));
        });
    }
}
