using Dashboard.Core.Ssd;
using Dashboard.Returns.Ssda903;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Ssda903;

public class Ssda903WriterTests
{
    private static Dictionary<string, string?> Row(params (string Column, string? Value)[] values) => values.ToDictionary(v => v.Column, v => v.Value);

    /// <summary>A tiny SSD source: one child looked after from January to September 2024 with two placements, and a care leaver.</summary>
    private static void WriteSource(string path)
    {
        using var ssd = SsdSourceWriter.Create(path);
        ssd.Write(SsdSchema.Persons, Row(("pers_person_id", "C1"), ("pers_sex", "F"), ("pers_dob", "2012-02-14"), ("pers_ethnicity", "WBRI")));
        ssd.Write(SsdSchema.Persons, Row(("pers_person_id", "C2"), ("pers_sex", "M"), ("pers_dob", "2006-01-01")));
        ssd.Write(SsdSchema.LegalStatuses, Row(("lega_legal_status_id", "LS1"), ("lega_person_id", "C1"), ("lega_legal_status", "C1"),
            ("lega_legal_status_start_date", "2024-01-10"), ("lega_legal_status_end_date", "2024-09-01")));
        ssd.Write(SsdSchema.Placements, Row(("clap_cla_placement_id", "PL1"), ("clap_cla_id", "CLA1"), ("clap_person_id", "C1"),
            ("clap_cla_placement_start_date", "2024-01-10 00:00:00"), ("clap_cla_placement_type", "U3"), ("clap_cla_placement_urn", "XXXXXXX"),
            ("clap_cla_placement_provider", "PR1"), ("clap_cla_placement_postcode", "EX2"), ("clap_cla_placement_end_date", "2024-05-01 00:00:00"),
            ("clap_cla_placement_change_reason", "CARPL")));
        ssd.Write(SsdSchema.Placements, Row(("clap_cla_placement_id", "PL2"), ("clap_cla_id", "CLA1"), ("clap_person_id", "C1"),
            ("clap_cla_placement_start_date", "2024-05-01 00:00:00"), ("clap_cla_placement_type", "U4"), ("clap_cla_placement_provider", "PR4"),
            ("clap_cla_placement_end_date", "2024-09-01 00:00:00")));
        ssd.Write(SsdSchema.ClaEpisodes, Row(("clae_cla_episode_id", "E1"), ("clae_person_id", "C1"), ("clae_cla_episode_start_date", "2024-01-10 00:00:00"),
            ("clae_cla_episode_start_reason", "S"), ("clae_cla_primary_need_code", "N1"), ("clae_cla_episode_ceased_date", "2024-05-01 00:00:00"),
            ("clae_cla_episode_ceased_reason", "X1"), ("clae_cla_id", "CLA1"), ("clae_cla_placement_id", "PL1")));
        ssd.Write(SsdSchema.ClaEpisodes, Row(("clae_cla_episode_id", "E2"), ("clae_person_id", "C1"), ("clae_cla_episode_start_date", "2024-05-01 00:00:00"),
            ("clae_cla_episode_start_reason", "P"), ("clae_cla_primary_need_code", "N1"), ("clae_cla_episode_ceased_date", "2024-09-01 00:00:00"),
            ("clae_cla_episode_ceased_reason", "E4A"), ("clae_cla_id", "CLA1"), ("clae_cla_placement_id", "PL2")));
        ssd.Write(SsdSchema.ClaReviews, Row(("clar_cla_review_id", "R1"), ("clar_cla_id", "CLA1"), ("clar_cla_review_due_date", "2024-02-07"),
            ("clar_cla_review_date", "2024-02-05"), ("clar_cla_review_cancelled", "false"), ("clar_cla_review_participation", "PN1")));
        ssd.Write(SsdSchema.ClaReviews, Row(("clar_cla_review_id", "R2"), ("clar_cla_id", "CLA1"), ("clar_cla_review_date", "2024-03-01"),
            ("clar_cla_review_cancelled", "true")));
        ssd.Write(SsdSchema.CareLeavers, Row(("clea_person_id", "C2"), ("clea_care_leaver_in_touch", "YES"), ("clea_care_leaver_activity", "F1"),
            ("clea_care_leaver_accommodation", "D"), ("clea_care_leaver_accom_suitable", "Yes")));
        ssd.Commit();
    }

    [Test]
    public void Each_year_holds_what_the_case_system_knew_at_its_end_in_the_SSDA903s_own_forms()
    {
        using var scratch = new Scratch("ssda903-writer");
        WriteSource(scratch.File("ssd.db"));
        IReadOnlyList<string> files;
        using (var source = new SqliteConnection($"Data Source={scratch.File("ssd.db")};Mode=ReadOnly;Pooling=False"))
        {
            source.Open();
            files = new Ssda903Writer().Write(source, scratch.Folder("out"), new ReturnWriteOptions(new DateOnly(2025, 3, 31), Years: 2), CancellationToken.None);
        }
        string[] Lines(string name) => File.ReadAllText(files.Single(f => Path.GetFileName(f) == name)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[]
        {
            "header_2024.csv", "episodes_2024.csv", "reviews_2024.csv", "header_2025.csv", "episodes_2025.csv", "reviews_2025.csv", "oc3_2025.csv",
        }));
        Assert.That(Lines("header_2024.csv"), Is.EqualTo(new[] { "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "C1,2,14/02/2012,WBRI,,," }));
        // At 31 March 2024 the first episode was still open: no ceased date, reason or reason for placement change.
        Assert.That(Lines("episodes_2024.csv")[1..], Is.EqualTo(new[] { "C1,10/01/2024,S,C1,N1,U3,PR1,,,,,EX2,XXXXXXX" }));
        Assert.That(Lines("episodes_2025.csv")[1..], Is.EqualTo(new[]
        {
            "C1,10/01/2024,S,C1,N1,U3,PR1,01/05/2024,X1,CARPL,,EX2,XXXXXXX",
            "C1,01/05/2024,P,C1,N1,U4,PR4,01/09/2024,E4A,,,,",
        }));
        // The cancelled review is not a review held.
        Assert.That(Lines("reviews_2024.csv"), Is.EqualTo(new[] { "CHILD,DOB,REVIEW,REVIEW_CODE", "C1,14/02/2012,05/02/2024,PN1" }));
        Assert.That(Lines("reviews_2025.csv"), Is.EqualTo(new[] { "CHILD,DOB,REVIEW,REVIEW_CODE" }));
        Assert.That(Lines("oc3_2025.csv"), Is.EqualTo(new[] { "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", "C2,01/01/2006,YES,F1,D1" }));
    }
}
