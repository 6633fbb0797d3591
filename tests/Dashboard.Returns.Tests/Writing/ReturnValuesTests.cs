namespace Dashboard.Returns.Tests.Writing;

public class ReturnValuesTests
{
    [TestCase("2024-03-31", "2024-03-31")]
    [TestCase("2024-03-31T00:00:00", "2024-03-31")]
    [TestCase("31/03/2024", "2024-03-31")]
    [TestCase("1/4/2024", "2024-04-01")]
    [TestCase("45382", "2024-03-31")]        // an Excel serial number
    [TestCase("45382.5", "2024-03-31")]      // with a time of day
    [TestCase("31/02/2024", "31/02/2024")]   // no such day: kept as found, for the ETL to quarantine
    [TestCase("next week", "next week")]
    [TestCase("  ", null)]
    public void Dates_become_iso_or_stay_as_found(string raw, string? expected) =>
        Assert.That(ReturnValues.Date(raw), Is.EqualTo(expected));

    [TestCase("j) A6: Placed for adoption - order - not foster", "A6")]
    [TestCase("N1 - Abuse or neglect", "N1")]
    [TestCase("a) rc8", "RC8")]
    [TestCase("U1", "U1")]
    [TestCase("", null)]
    public void Codes_lose_their_prefixes_and_labels(string raw, string? expected) =>
        Assert.That(ReturnValues.Code(raw), Is.EqualTo(expected));

    [TestCase("a) Yes", "Y")]
    [TestCase("no", "N")]
    [TestCase("1", "Y")]
    [TestCase("maybe", "maybe")]
    public void Flags_become_y_or_n(string raw, string expected) =>
        Assert.That(ReturnValues.Flag(raw), Is.EqualTo(expected));
}
