using Dashboard.Returns.AnnexA;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;
using static Dashboard.Returns.Tests.AnnexA.WorkbookBuilder;

namespace Dashboard.Returns.Tests.AnnexA;

/// <summary>Hand-made workbooks laid out as Ofsted's Annex A template (2019 update), filled as councils fill them.</summary>
public class AnnexAImporterTests
{
    private static readonly object?[] Title = ["Annex A List 3: Referrals (6 months to 31/03/2026)"];

    private static string Import(Scratch scratch, params string[] workbooks)
    {
        var path = scratch.File("source.db");
        using var writer = SsdSourceWriter.Create(path);
        writer.Begin(StatutoryReturn.AnnexA);
        new AnnexAImporter().Import(workbooks, writer, null, CancellationToken.None);
        writer.Commit();
        return path;
    }

    private static string[] Rows(string path, string sql) => SqliteRows.Of(path, sql);

    [Test]
    public void Referrals_are_found_by_their_headings_whatever_the_sheet_name_title_rows_extra_columns_and_blank_rows()
    {
        using var scratch = new Scratch();
        var file = new WorkbookBuilder()
            .Sheet("Cover", ["Annex A"])
            .Sheet("List 3 - Referrals", Title, [],
                // A byte-order mark pasted into the first heading, a CRLF inside another, an extra column, no Age column.
                ["\uFEFFChild Unique ID", "GENDER", "Ethnicity", "Date of Birth", "Notes", "Date of\r\nreferral", "Referral Source", "Referral NFA?", "Allocated Team", "Allocated Worker"],
                ["C001", "a) Male", "WBRI", new DateCell(new(2015, 4, 2)), "extra", new DateCell(new(2026, 1, 5)), "a) 1A: Individual: family member", "b) No", "Assessment North", "Jo Bloggs"],
                [],
                ["C002", "b) F: Female", "a) WBRI: White British", "02/05/2012", null, "15/02/2026", "5A", "a) Yes", null, null])
            .Save(scratch.File("annex-a.xlsx"));

        var source = Import(scratch, file);

        Assert.Multiple(() =>
        {
            Assert.That(Rows(source, "SELECT cine_referral_id, cine_referral_date, cine_referral_source_code, cine_referral_nfa, cine_referral_team, cine_referral_worker_id FROM ssd_cin_episodes ORDER BY 1"),
                Is.EqualTo(new[] { "C001/REF/20260105|2026-01-05|1A|N|Assessment North|Jo Bloggs", "C002/REF/20260215|2026-02-15|5A|Y||" }));
            Assert.That(Rows(source, "SELECT pers_person_id, pers_sex, pers_ethnicity, pers_dob FROM ssd_person ORDER BY 1"),
                Is.EqualTo(new[] { "C001|M|WBRI|2015-04-02", "C002|F|WBRI|2012-05-02" }));
            Assert.That(Rows(source, "SELECT dept_team_id, dept_team_name FROM ssd_department"), Is.EqualTo(new[] { "Assessment North|Assessment North" }));
        });
    }

    [Test]
    public void A_row_without_a_child_id_or_a_date_is_rejected_with_its_place_and_the_rest_imports()
    {
        using var scratch = new Scratch();
        var file = new WorkbookBuilder()
            .Sheet("List_1", ["List 1: Contacts"], ["Child Unique ID", "Date of Contact", "Contact Source"],
                ["C001", "03/03/2026", "2A"], [null, "04/03/2026", "2A"], ["C003", null, "2A"])
            .Save(scratch.File("annex-a.xlsx"));

        var source = Import(scratch, file);

        Assert.Multiple(() =>
        {
            Assert.That(Rows(source, "SELECT cont_person_id, cont_contact_date FROM ssd_contacts"), Is.EqualTo(new[] { "C001|2026-03-03" }));
            Assert.That(Rows(source, "SELECT rej_file, rej_line, rej_element, rej_reason FROM ssd_ext_import_rejections ORDER BY rej_line"), Is.EqualTo(new[]
            {
                "annex-a.xlsx|4|List 1 Contacts, column Child Unique ID|the row has no child id, so it cannot be placed",
                "annex-a.xlsx|5|List 1 Contacts, column Date of Contact|the row has no Date of Contact, so the record cannot be keyed",
            }));
        });
    }

    [Test]
    public void An_invalid_date_is_written_as_found_a_retired_code_passes_and_missing_optional_columns_stay_empty()
    {
        using var scratch = new Scratch();
        var file = new WorkbookBuilder()
            .Sheet("List 8", ["Child Unique ID", "Date Started to be Looked After", "Date Ceased to be Looked After", "Placement Type", "Date of Latest Placement Start", "Date of Last Social Work Visit"],
                // Excel dropped the leading zeros of the id typed as a number: 00123 reads back as 123.
                [123, new DateCell(new(2021, 6, 1)), "31/02/2026", "e) H5: Semi-independent living", new DateCell(new(2021, 6, 1)), new DateCell(new(2026, 3, 2))])
            .Save(scratch.File("annex-a.xlsx"));

        var source = Import(scratch, file);

        Assert.Multiple(() =>
        {
            Assert.That(Rows(source, "SELECT clae_person_id, clae_cla_episode_start_date, clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason FROM ssd_cla_episodes"),
                Is.EqualTo(new[] { "123|2021-06-01|31/02/2026|" }));
            Assert.That(Rows(source, "SELECT clap_cla_placement_type FROM ssd_cla_placement"), Is.EqualTo(new[] { "H5" }));
            Assert.That(Rows(source, "SELECT clav_cla_visit_date, clav_cla_visit_seen FROM ssd_cla_visits"), Is.EqualTo(new[] { "2026-03-02|Y" }));
        });
    }

    [Test]
    public void Of_two_workbooks_the_later_one_wins_and_the_earlier_fills_what_it_lacks()
    {
        using var scratch = new Scratch();
        object?[] headings = ["Child Unique ID", "Child Protection Plan Start Date", "Latest Category of Abuse", "Child Protection Plan End Date", "Date of latest review conference"];
        var earlier = new WorkbookBuilder().Sheet("List_7", headings, ["C9", "2025-06-01", "a) NEG: Neglect", null, "2025-09-01"]).Save(scratch.File("annex-a-2025-09.xlsx"));
        var later = new WorkbookBuilder().Sheet("List_7", headings, ["C9", "2025-06-01", "EMO", "2026-02-20", null]).Save(scratch.File("annex-a-2026-03.xlsx"));

        var source = Import(scratch, earlier, later);

        Assert.Multiple(() =>
        {
            Assert.That(Rows(source, "SELECT cppl_cp_plan_id, cppl_cp_plan_latest_category, cppl_cp_plan_end_date FROM ssd_cp_plans"), Is.EqualTo(new[] { "C9/CPP/20250601|EMO|2026-02-20" }));
            Assert.That(Rows(source, "SELECT cppr_cp_plan_id, cppr_cp_review_date FROM ssd_cp_reviews"), Is.EqualTo(new[] { "C9/CPP/20250601|2025-09-01" }));
        });
    }

    [Test]
    public void A_file_that_is_not_a_workbook_is_named_in_one_sentence()
    {
        using var scratch = new Scratch();
        var file = scratch.File("annex-a.xlsx");
        File.WriteAllText(file, "Child Unique ID,Date of referral\r\nC1,01/01/2026\r\n");

        var error = Assert.Throws<ReturnFileException>(() => Import(scratch, file));

        Assert.That(error!.Message, Does.StartWith("annex-a.xlsx cannot be read as an Excel workbook (.xlsx)"));
    }

    [Test]
    public void A_list_sheet_missing_a_required_heading_names_the_file_sheet_row_and_column()
    {
        using var scratch = new Scratch();
        var file = new WorkbookBuilder().Sheet("List 4", ["List 4"], ["Child Unique ID", "Allocated Team"], ["C1", "A"]).Save(scratch.File("annex-a.xlsx"));

        var error = Assert.Throws<ReturnFileException>(() => Import(scratch, file));

        Assert.That(error!.Message, Is.EqualTo("annex-a.xlsx, sheet \"List 4\", row 2: the heading row has no column \"Continuous Assessment Start Date\", which list 4 needs."));
    }

    [Test]
    public void Adoption_lists_are_read_and_counted_but_not_loaded()
    {
        using var scratch = new Scratch();
        var file = new WorkbookBuilder()
            .Sheet("List 10", ["Child Unique ID", "Date of Adoption Order"], ["C1", "2025-12-01"], ["C2", "2026-01-10"])
            .Save(scratch.File("annex-a.xlsx"));
        var path = scratch.File("source.db");
        using var writer = SsdSourceWriter.Create(path);
        writer.Begin(StatutoryReturn.AnnexA);

        var summary = new AnnexAImporter().Import([file], writer, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Records, Is.EqualTo(2));
            Assert.That(writer.Written(Core.Ssd.SsdSchema.Persons), Is.Zero);
        });
    }
}
