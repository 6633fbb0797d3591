using Dashboard.Returns.CinCensus;

namespace Dashboard.Returns.Tests.CinCensus;

public class CinValuesTests
{
    [TestCase("1", "M")]
    [TestCase("2", "F")]
    [TestCase("0", "U")]
    [TestCase("9", "I")]
    [TestCase("m", "M")]
    [TestCase("F", "F")]
    [TestCase(" ", null)]
    [TestCase("3", "3")]
    public void Sex_numbers_and_letters_become_the_SSD_letters_and_anything_else_is_kept_as_found(string raw, string? expected) =>
        Assert.That(CinValues.Sex(raw), Is.EqualTo(expected));

    [TestCase("M", "1", "M")]
    [TestCase("F", "2", "F")]
    [TestCase("U", "0", "U")]
    [TestCase("I", "9", "U")]
    public void The_writer_codes_sex_as_each_census_year_does(string ssd, string genderCurrent, string sex)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CinValues.GenderCurrent(ssd), Is.EqualTo(genderCurrent));
            Assert.That(CinValues.SexCode(ssd), Is.EqualTo(sex));
        });
    }

    [TestCase(2024, 3, 31, 2024, "2023-24")]
    [TestCase(2024, 4, 1, 2025, "2024-25")]
    [TestCase(2000, 1, 15, 2000, "1999-00")]
    public void A_census_year_runs_from_1_April_and_is_named_by_its_31_March(int y, int m, int d, int year, string label)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CensusYears.YearEnding(new DateOnly(y, m, d)), Is.EqualTo(year));
            Assert.That(CensusYears.Label(year), Is.EqualTo(label));
        });
    }
}
