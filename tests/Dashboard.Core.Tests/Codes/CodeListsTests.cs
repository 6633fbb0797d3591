using Dashboard.Core.Codes;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Codes;

public class CodeListsTests
{
    [TestCase("2024-04-01", "2024-25")]
    [TestCase("2025-03-31", "2024-25")]
    [TestCase("2015-04-01", "2015-16")]
    [TestCase("2016-01-15", "2015-16")]
    public void A_date_falls_in_the_collection_year_that_starts_on_1_April(string date, string year) =>
        Assert.That(CollectionYear.Of(DateOnly.Parse(date)).ToString(), Is.EqualTo(year));

    [TestCase("2024-2025")]
    [TestCase("2024-26")]
    [TestCase("24-25")]
    public void A_badly_written_collection_year_is_refused(string text) =>
        Assert.That(() => CollectionYear.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains(text));

    [TestCase("A4")]
    [TestCase("A6")]
    [TestCase("K1")]
    [TestCase("P3")]
    [TestCase("T0")]
    [TestCase("T1")]
    [TestCase("T2")]
    [TestCase("T3")]
    [TestCase("T4")]
    public void SSDA903_placement_codes_that_were_quarantined_before_are_accepted_in_every_year(string code)
    {
        for (var start = 2015; start <= 2025; start++)
        {
            Assert.That(CodeLists.Check(CodeLists.PlacementType, code, new CollectionYear(start)).Code, Is.EqualTo(code), $"{code} in {start}");
        }
    }

    [Test]
    public void A_retired_code_passes_in_an_old_year_and_not_in_a_new_one()
    {
        var old = CodeLists.Check(CodeLists.PlacementType, "h5", CollectionYear.Parse("2023-24"));
        var later = CodeLists.Check(CodeLists.PlacementType, "H5", CollectionYear.Parse("2024-25"));

        Assert.That(old.Code, Is.EqualTo("H5"), "stored as the list spells it");
        Assert.That(later.Accepted, Is.False);
        Assert.That(later.OutOfYear, Is.True);
        Assert.That(later.Entry!.Years, Is.EqualTo("up to 2023-24"));
    }

    [Test]
    public void A_code_introduced_later_is_not_accepted_before_its_first_year()
    {
        Assert.That(CodeLists.Check(CodeLists.PlacementType, "K3", CollectionYear.Parse("2023-24")).OutOfYear, Is.True);
        Assert.That(CodeLists.Check(CodeLists.PlacementType, "K3", CollectionYear.Parse("2025-26")).Accepted, Is.True);
    }

    [Test]
    public void With_no_year_any_code_the_list_ever_held_passes_and_an_unknown_one_does_not()
    {
        Assert.That(CodeLists.Check(CodeLists.PlacementType, "H5", null).Accepted, Is.True);
        var unknown = CodeLists.Check(CodeLists.PlacementType, "Q9", null);
        Assert.That(unknown.Accepted || unknown.OutOfYear, Is.False);
    }

    [Test]
    public void Reasons_for_a_new_episode_say_which_keep_the_same_carer()
    {
        Assert.That(CodeLists.Get(CodeLists.ClaStartReason)["T"], Does.Contain("same carer"));
        Assert.That(CodeLists.Get(CodeLists.ClaStartReason)["U"], Does.Contain("same carer"));
        Assert.That(CodeLists.Get(CodeLists.ClaStartReason)["B"], Does.Not.Contain("same carer"));
    }

    [Test]
    public void Review_participation_holds_PN0_to_PN7() =>
        Assert.That(CodeLists.Entries(CodeLists.ReviewParticipation).Select(e => e.Code),
            Is.EqualTo(Enumerable.Range(0, 8).Select(i => $"PN{i}")));

    [Test]
    public void Every_list_names_its_source_and_has_codes_with_labels()
    {
        foreach (var name in CodeLists.Names)
        {
            Assert.That(CodeLists.Info(name).Source, Is.Not.Empty, name);
            Assert.That(CodeLists.Entries(name), Is.Not.Empty, name);
            Assert.That(CodeLists.Entries(name).Select(e => e.Label), Has.All.Not.Empty, name);
        }
    }

    [Test]
    public void A_quoted_field_may_hold_commas_and_quotes() =>
        Assert.That(CodeListFiles.Split("E5,\"Moved, with \"\"support\"\"\",,2023-24", "x.csv", 2),
            Is.EqualTo(new[] { "E5", "Moved, with \"support\"", "", "2023-24" }));

    [Test]
    public void An_unclosed_quote_names_the_file_and_line() =>
        Assert.That(() => CodeListFiles.Split("E5,\"Moved", "cla_ceased_reason.csv", 7),
            Throws.InvalidOperationException.With.Message.Contains("cla_ceased_reason.csv, line 7"));

    [Test]
    public void Generated_docs_code_lists_md_matches_the_list_files() =>
        Repository.AssertGenerated(CodeListDocs.Path, CodeListDocs.Render());
}
