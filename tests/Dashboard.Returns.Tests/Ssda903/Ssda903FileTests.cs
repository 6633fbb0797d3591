using Dashboard.Returns.Ssda903;
using Dashboard.Returns.Tests.Support;

namespace Dashboard.Returns.Tests.Ssda903;

public class Ssda903FileTests
{
    [TestCase("header_2025.csv", ExpectedResult = 2025)]
    [TestCase("SSDA903_Episodes_2024-25.csv", ExpectedResult = 2025)]
    [TestCase("reviews_2024_2025.csv", ExpectedResult = 2025)]
    [TestCase("oc3_202425.csv", ExpectedResult = 2025)]
    [TestCase("2023-24/episodes.csv", ExpectedResult = 2024)]
    [TestCase("episodes.csv", ExpectedResult = null)]
    public int? The_collection_year_comes_from_the_file_name_or_its_folder(string path) =>
        CollectionYears.Of(Path.Combine(Path.GetTempPath(), "no-year-here", path));

    [TestCase("header_2025.csv", ExpectedResult = Ssda903FileKind.Header)]
    [TestCase("SSDA903_Episodes_2024-25.csv", ExpectedResult = Ssda903FileKind.Episodes)]
    [TestCase("Placed_for_Adoption_2025.csv", ExpectedResult = Ssda903FileKind.PlacedForAdoption)]
    [TestCase("PrevPerm.csv", ExpectedResult = Ssda903FileKind.PreviousPermanence)]
    [TestCase("OC3.CSV", ExpectedResult = Ssda903FileKind.Oc3)]
    [TestCase("sw_episodes_2024.csv", ExpectedResult = Ssda903FileKind.SocialWorkerEpisodes)]
    [TestCase("LAC export (1).csv", ExpectedResult = null)]
    public Ssda903FileKind? The_file_kind_comes_from_its_name(string name) => Ssda903Files.ByName(name);

    [TestCase("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC", ExpectedResult = Ssda903FileKind.Episodes)]
    [TestCase("CHILD,DOB,SW_ID,SW_DECOM,DECOM,SW_DEC,SW_REASON", ExpectedResult = Ssda903FileKind.SocialWorkerEpisodes)]
    [TestCase("child,dob,in_touch,activ,accom", ExpectedResult = Ssda903FileKind.Oc3)]
    [TestCase("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED", ExpectedResult = Ssda903FileKind.PlacedForAdoption)]
    [TestCase("CHILD,NAME", ExpectedResult = null)]
    public Ssda903FileKind? The_file_kind_comes_from_a_column_only_that_file_has(string header) => Ssda903Files.ByColumns(header.Split(','));

    [Test]
    public void A_file_named_otherwise_is_known_by_its_header_row()
    {
        using var source = new ImportedSource(Fixtures.Path("Ssda903", "by-header"));
        Assert.That(source.Rows("SELECT clae_person_id, clae_cla_episode_start_date FROM ssd_cla_episodes"), Is.EqualTo(new[] { "7001|2024-04-01" }));
        Assert.That(source.Rows("SELECT pers_sex, pers_dob FROM ssd_person"), Is.EqualTo(new[] { "F|2020-01-01" }));
        Assert.That(source.Summary.Provenance.Files, Is.EqualTo(new[] { "SSDA903_Header_2024-25.csv", "LAC export (1).csv" }));
    }

    [Test]
    public void A_file_that_cannot_be_read_names_the_file_and_line()
    {
        var error = Assert.Throws<ReturnFileException>(() => _ = new ImportedSource(Fixtures.Path("Ssda903", "broken", "episodes_2024.csv")));
        Assert.That(error!.Message, Is.EqualTo("episodes_2024.csv cannot be read: a quoted field opened on line 2 is not closed before the end of the file."));
    }

    [Test]
    public void A_file_without_a_required_column_names_the_file_line_and_column()
    {
        var error = Assert.Throws<ReturnFileException>(() => _ = new ImportedSource(Fixtures.Path("Ssda903", "broken", "header_2024.csv")));
        Assert.That(error!.Message, Is.EqualTo("header_2024.csv, line 1: the header row has no column DOB, which the SSDA903 header file must have."));
    }

    [Test]
    public void A_given_file_that_is_not_an_SSDA903_file_a_folder_without_any_or_a_missing_path_is_refused_by_name()
    {
        var notes = Fixtures.Path("Ssda903", "two-years", "2024-25", "readme.txt");
        Assert.That(Assert.Throws<ReturnFileException>(() => _ = new ImportedSource(notes))!.Message, Does.StartWith("readme.txt is not an SSDA903 file"));
        using var scratch = new Scratch("ssda903-empty");
        File.WriteAllText(scratch.File("notes.csv"), "A,B\n1,2\n");
        Assert.That(Assert.Throws<ReturnFileException>(() => _ = new ImportedSource(scratch.Path))!.Message, Does.StartWith("No SSDA903 files were found in"));
        var missing = Fixtures.Path("Ssda903", "nowhere");
        Assert.That(Assert.Throws<ReturnFileException>(() => _ = new ImportedSource(missing))!.Message, Does.Contain("nowhere does not exist"));
    }
}
