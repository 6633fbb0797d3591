using Dashboard.Etl.Validation;

namespace Dashboard.Etl.Tests.Unit;

public class ValueParsersTests
{
    [TestCase("2024-02-29")]
    [TestCase("2024-02-29 13:45:10")]
    [TestCase("2024-02-29T13:45:10")]
    [TestCase("2024-02-29T13:45:10.123")]
    [TestCase("2024-02-29 13:45:10.1234567")]
    [TestCase(" 2024-02-29 ")]
    public void An_iso_date_with_or_without_a_time_is_accepted(string text)
    {
        Assert.That(ValueParsers.TryDate(text, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(2024, 2, 29)));
    }

    [TestCase("29/02/2024")]
    [TestCase("2023-02-29")]
    [TestCase("2024-13-01")]
    [TestCase("2024-2-9")]
    [TestCase("20240229")]
    [TestCase("2024-02-29T25:00:00")]
    [TestCase("2024-02-29 13:45")]
    [TestCase("2024-02-29T13:45:10Z")]
    [TestCase("2024-02-29T13:45:10.")]
    [TestCase("yesterday")]
    public void Anything_else_is_not_a_date(string text) =>
        Assert.That(ValueParsers.TryDate(text, out _), Is.False);

    [Test]
    public void Sql_server_date_values_are_accepted()
    {
        Assert.That(ValueParsers.TryDate(new DateTime(2024, 5, 6, 23, 59, 0), out var fromDateTime), Is.True);
        Assert.That(fromDateTime, Is.EqualTo(new DateOnly(2024, 5, 6)));
        Assert.That(ValueParsers.TryDate(new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.FromHours(1)), out var fromOffset), Is.True);
        Assert.That(fromOffset, Is.EqualTo(new DateOnly(2024, 5, 6)));
        Assert.That(ValueParsers.TryDate(20240506L, out _), Is.False, "a number is not a date");
    }

    [TestCase("Y", true)]
    [TestCase("n", false)]
    [TestCase("Yes", true)]
    [TestCase("NO", false)]
    [TestCase("1", true)]
    [TestCase("0", false)]
    [TestCase("TRUE", true)]
    [TestCase("false", false)]
    [TestCase(" y ", true)]
    public void Flag_text_variants_are_accepted_in_any_case(string text, bool expected)
    {
        Assert.That(ValueParsers.TryFlag(text, out var flag), Is.True);
        Assert.That(flag, Is.EqualTo(expected));
    }

    [Test]
    public void Sql_server_bits_and_integers_are_flags()
    {
        Assert.That(ValueParsers.TryFlag(true, out var bit) && bit, Is.True);
        Assert.That(ValueParsers.TryFlag(1L, out var one) && one, Is.True);
        Assert.That(ValueParsers.TryFlag(0, out var zero), Is.True);
        Assert.That(zero, Is.False);
        Assert.That(ValueParsers.TryFlag((byte)0, out var tiny), Is.True);
        Assert.That(tiny, Is.False);
    }

    [TestCase("maybe")]
    [TestCase("2")]
    [TestCase("T")]
    public void Other_flag_text_is_refused(string text) => Assert.That(ValueParsers.TryFlag(text, out _), Is.False);

    [Test]
    public void An_integer_other_than_one_or_zero_is_not_a_flag() => Assert.That(ValueParsers.TryFlag(2L, out _), Is.False);

    [Test]
    public void Numbers_parse_from_numeric_values_and_invariant_text()
    {
        Assert.That(ValueParsers.TryNumber("0.75", out var fte) ? fte : double.NaN, Is.EqualTo(0.75));
        Assert.That(ValueParsers.TryNumber(3L, out var three) ? three : double.NaN, Is.EqualTo(3.0));
        Assert.That(ValueParsers.TryNumber(2.5m, out var dec) ? dec : double.NaN, Is.EqualTo(2.5));
        Assert.That(ValueParsers.TryNumber("0,75", out _), Is.False);
        Assert.That(ValueParsers.TryNumber("abc", out _), Is.False);
        Assert.That(ValueParsers.TryNumber("NaN", out _), Is.False);
    }

    [Test]
    public void Whole_numbers_accept_integral_values_only()
    {
        Assert.That(ValueParsers.TryWholeNumber("12", out var twelve) ? twelve : -1, Is.EqualTo(12));
        Assert.That(ValueParsers.TryWholeNumber("12.0", out var alsoTwelve) ? alsoTwelve : -1, Is.EqualTo(12));
        Assert.That(ValueParsers.TryWholeNumber(12.0, out var fromDouble) ? fromDouble : -1, Is.EqualTo(12));
        Assert.That(ValueParsers.TryWholeNumber("12.5", out _), Is.False);
        Assert.That(ValueParsers.TryWholeNumber("twelve", out _), Is.False);
    }

    [Test]
    public void An_outcome_json_object_parses_and_keeps_its_flags()
    {
        Assert.That(ValueParsers.TryJson("""{"NEW_REFERRAL_FLAG":"Y","NFA_FLAG":false,"OTHER":1,"NOTE":"text","NESTED":{"A":"Y"}}""", out var outcome), Is.True);
        Assert.That(outcome!.Flag("NEW_REFERRAL_FLAG"), Is.True);
        Assert.That(outcome.Flag("new_referral_flag"), Is.True, "member names compare case-insensitively");
        Assert.That(outcome.Flag("NFA_FLAG"), Is.False);
        Assert.That(outcome.Flag("OTHER"), Is.True);
        Assert.That(outcome.Flag("NOTE"), Is.Null);
        Assert.That(outcome.Flag("MISSING"), Is.Null);
    }

    [TestCase("{\"A\":")]
    [TestCase("[1,2]")]
    [TestCase("\"Y\"")]
    [TestCase("{\"A\":\"Y\"} trailing")]
    [TestCase("NEW_REFERRAL_FLAG=Y")]
    public void Text_that_is_not_a_json_object_is_refused(string text) => Assert.That(ValueParsers.TryJson(text, out _), Is.False);

    [Test]
    public void Ids_are_trimmed_text_and_blank_is_missing()
    {
        Assert.That(ValueParsers.Id("  P1 "), Is.EqualTo("P1"));
        Assert.That(ValueParsers.Id(42L), Is.EqualTo("42"));
        Assert.That(ValueParsers.Id("   "), Is.Null);
        Assert.That(ValueParsers.IsMissing(" "), Is.True);
        Assert.That(ValueParsers.IsMissing(DBNull.Value), Is.True);
    }
}
