using Dashboard.Returns.Ssda903;
using Dashboard.Returns.Tests.Support;

namespace Dashboard.Returns.Tests.Ssda903;

/// <summary>Two hand-made collection years (Fixtures/Ssda903/two-years, written from the DfE's SSDA903 file
/// specification) in per-year folders: 2023-24 with LF line ends, 2024-25 with CRLF and a byte-order mark.</summary>
public class Ssda903ImporterTests
{
    private static ImportedSource _source = null!;

    [OneTimeSetUp]
    public void Import() => _source = new ImportedSource(Fixtures.Path("Ssda903", "two-years"));

    [OneTimeTearDown]
    public void CleanUp() => _source.Dispose();

    [Test]
    public void Episodes_from_two_years_make_one_period_of_care_and_the_later_year_closes_the_open_episode()
    {
        Assert.That(_source.Rows("""
            SELECT clae_cla_episode_start_date, clae_cla_episode_start_reason, clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason,
                clae_cla_id, clae_cla_placement_id, clae_entered_care_date, clae_cla_primary_need_code
            FROM ssd_cla_episodes WHERE clae_person_id = '1001' ORDER BY 1
            """), Is.EqualTo(new[]
        {
            "2023-05-10|S|2023-09-01|X1|1001/CLA/20230510|1001/PL/20230510|2023-05-10|N1",
            "2023-09-01|P|2024-01-15|X1|1001/CLA/20230510|1001/PL/20230901|2023-05-10|N1",
            "2024-01-15|L|2024-06-10|X1|1001/CLA/20230510|1001/PL/20230901|2023-05-10|N1",
            "2024-06-10|T|2024-12-20|E4A|1001/CLA/20230510|1001/PL/20240610|2023-05-10|N1",
        }));
    }

    [Test]
    public void A_placement_starts_with_each_change_of_placement_and_ends_with_the_reason_on_its_last_episode()
    {
        Assert.That(_source.Rows("""
            SELECT clap_cla_placement_start_date, clap_cla_placement_end_date, clap_cla_placement_type, clap_cla_placement_change_reason,
                clap_cla_placement_urn, clap_cla_placement_postcode, clap_cla_placement_provider, clap_cla_id
            FROM ssd_cla_placement WHERE clap_person_id = '1001' ORDER BY 1
            """), Is.EqualTo(new[]
        {
            "2023-05-10|2023-09-01|U3|CARPL|XXXXXXX|EX2|PR1|1001/CLA/20230510",
            // H5 (semi-independent living) was retired after 2023-24: the placement that started in that year keeps it.
            "2023-09-01|2024-06-10|H5|CHILD|SC123456|PL1|PR4|1001/CLA/20230510",
            "2024-06-10|2024-12-20|U4||XXXXXXX|TQ1|PR1|1001/CLA/20230510",
        }));
    }

    [Test]
    public void A_legal_status_runs_until_the_legal_status_changes_or_care_ends()
    {
        Assert.That(_source.Rows("""
            SELECT lega_legal_status, lega_legal_status_start_date, lega_legal_status_end_date FROM ssd_legal_status
            WHERE lega_person_id = '1001' ORDER BY 2
            """), Is.EqualTo(new[] { "C1|2023-05-10|2024-01-15", "C2|2024-01-15|2024-12-20" }));
    }

    [Test]
    public void Missing_optional_columns_and_values_load_empty_and_an_invalid_date_is_kept_as_found_for_the_ETL()
    {
        Assert.That(_source.Rows("""
            SELECT clae_cla_episode_start_date, clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason FROM ssd_cla_episodes
            WHERE clae_person_id = '1003' ORDER BY 1
            """), Is.EqualTo(new[] { "2024-07-01|2024-12-01|X1", "2024-12-01|31/02/2025|E13" }));
        Assert.That(_source.Rows("""
            SELECT clap_cla_placement_type, clap_cla_placement_provider, clap_cla_placement_urn, clap_cla_placement_postcode, clap_cla_placement_end_date
            FROM ssd_cla_placement WHERE clap_person_id = '1003' ORDER BY clap_cla_placement_start_date
            """), Is.EqualTo(new[] { "U6||||2024-12-01", "K3|PR1|||31/02/2025" }));
        // The 2024-25 header has no UPN, MOTHER or MC_DOB columns; 1003's date of birth is not a date.
        Assert.That(_source.Rows("SELECT pers_person_id, pers_sex, pers_dob, pers_ethnicity FROM ssd_person WHERE pers_person_id IN ('1001', '1003') ORDER BY 1"),
            Is.EqualTo(new[] { "1001|M|2012-02-14|WBRI", "1003|F|not known|BAFR" }));
    }

    [Test]
    public void A_child_id_is_kept_exactly_as_found_so_an_id_whose_leading_zeros_Excel_dropped_is_another_child()
    {
        // The header (kept as text) says 0042; the episodes file, saved through Excel, says 42. Guessing the zeros back
        // could merge two children, so both ids load and the mismatch shows as a looked-after child without details.
        Assert.That(_source.Rows("SELECT pers_person_id, COALESCE(pers_dob, '') FROM ssd_person WHERE pers_person_id IN ('0042', '42') ORDER BY 1"),
            Is.EqualTo(new[] { "0042|2015-01-01", "42|" }));
        Assert.That(_source.Rows("SELECT clae_person_id FROM ssd_cla_episodes WHERE clae_cla_episode_start_date = '2024-08-01'"), Is.EqualTo(new[] { "42" }));
    }

    [Test]
    public void Reviews_fall_in_their_period_of_care_with_labels_taken_off_their_codes()
    {
        Assert.That(_source.Rows("SELECT clar_cla_review_id, clar_cla_id, clar_cla_review_date, clar_cla_review_participation, COALESCE(clar_cla_review_due_date, '') FROM ssd_cla_reviews ORDER BY 3"),
            Is.EqualTo(new[]
            {
                "1001/CLAR/20230607|1001/CLA/20230510|2023-06-07|PN1|",
                "1001/CLAR/20230905|1001/CLA/20230510|2023-09-05|PN4|",
                "1001/CLAR/20240820|1001/CLA/20230510|2024-08-20|PN1|",
            }));
    }

    [Test]
    public void The_latest_years_care_leavers_load_with_accommodation_and_suitability_split_and_earlier_years_do_not()
    {
        Assert.That(_source.Rows("""
            SELECT clea_person_id, clea_care_leaver_in_touch, clea_care_leaver_activity, clea_care_leaver_accommodation,
                COALESCE(clea_care_leaver_accom_suitable, '-') FROM ssd_care_leavers ORDER BY 1
            """), Is.EqualTo(new[] { "2001|NO|G5|0|-", "2002|YES|F2|B|N" }));
        Assert.That(_source.Rows("SELECT COUNT(*) FROM ssd_person WHERE pers_person_id = '2099'"), Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public void Rows_that_cannot_be_placed_are_rejected_with_file_line_and_field_while_the_rest_loads()
    {
        Assert.That(_source.Rows("SELECT rej_return, rej_file, rej_line, COALESCE(rej_field, ''), rej_reason FROM ssd_ext_import_rejections ORDER BY rej_file, rej_line"),
            Is.EqualTo(new[]
            {
                "SSDA903|2024-25/episodes.csv|6||the row has 4 fields where the header row has 13; the row cannot be read column by column",
                "SSDA903|2024-25/episodes.csv|7|CHILD|no child id: the row cannot be joined to a child",
                "SSDA903|2024-25/episodes.csv|8|DECOM|DECOM is not a date: the episode cannot be ordered or keyed",
                "SSDA903|2024-25/reviews.csv|3|REVIEW|the review date lies in no period of care of this child in the episodes files",
            }));
        Assert.That(_source.Summary.Rejected, Is.EqualTo(4));
    }

    [Test]
    public void The_provenance_names_the_files_years_and_tables_and_files_without_an_SSD_table_are_read_and_counted()
    {
        var provenance = _source.Summary.Provenance;
        Assert.That(provenance.Period, Is.EqualTo("2023-24 to 2024-25"));
        Assert.That(provenance.Files, Does.Contain("2024-25/missing.csv").And.Not.Contain("2024-25/readme.txt"));
        Assert.That(provenance.Tables.Select(t => (t.Table.Name, t.Coverage)), Is.EquivalentTo(new[]
        {
            ("ssd_person", TableCoverage.Complete), ("ssd_cla_episodes", TableCoverage.Complete), ("ssd_cla_placement", TableCoverage.Complete),
            ("ssd_legal_status", TableCoverage.Complete), ("ssd_cla_reviews", TableCoverage.Complete), ("ssd_care_leavers", TableCoverage.LatestOnly),
        }));
        // 2023-24: 2 + 3 + 2 + 2; 2024-25: 3 + 8 + 2 + 2 + 1 (missing).
        Assert.That(_source.Summary.Records, Is.EqualTo(25));
        Assert.That(_source.Reports[^1].BytesDone, Is.EqualTo(_source.Reports[^1].BytesTotal).And.GreaterThan(0));
    }
}
