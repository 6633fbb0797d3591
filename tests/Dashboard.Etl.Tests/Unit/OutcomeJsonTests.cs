using Dashboard.Etl.Validation;

namespace Dashboard.Etl.Tests.Unit;

/// <summary>The outcome JSON reader (no string per member, no dictionary per row) and the validator's memo of texts.</summary>
public class OutcomeJsonTests
{
    [Test]
    public void A_member_named_twice_counts_its_last_value_whatever_the_case_of_its_name()
    {
        Assert.That(JsonOutcome.TryParse("""{"NFA_FLAG":"Y","nfa_flag":"N"}""", out var outcome), Is.True);
        Assert.That(outcome!.Flag("NFA_FLAG"), Is.False);
        Assert.That(JsonOutcome.TryParse("""{"NFA_FLAG":"N","Nfa_Flag":true}""", out outcome), Is.True);
        Assert.That(outcome!.Flag("nfa_flag"), Is.True);
    }

    [Test]
    public void Escaped_names_and_flag_texts_read_as_their_characters()
    {
        Assert.That(JsonOutcome.TryParse("""{"NEW\u005FREFERRAL_FLAG":"\u0059","ADVICE_FLAG":" No "}""", out var outcome), Is.True);
        Assert.That(outcome!.Flag("NEW_REFERRAL_FLAG"), Is.True);
        Assert.That(outcome.Flag("ADVICE_FLAG"), Is.False, "a flag text is trimmed of spaces, as a flag column is");
    }

    [Test]
    public void Names_and_texts_longer_than_the_stack_buffer_are_read_too()
    {
        var name = new string('A', 300) + "_FLAG";
        var padded = new string(' ', 200) + "Yes" + new string(' ', 200);
        Assert.That(JsonOutcome.TryParse($$"""{"{{name}}":"{{padded}}","NOTE":"{{new string('x', 500)}}"}""", out var outcome), Is.True);
        Assert.That(outcome!.Flag(name), Is.True);
        Assert.That(outcome.Flag("NOTE"), Is.Null);
    }

    [Test]
    public void An_object_without_flags_parses_and_answers_null()
    {
        Assert.That(JsonOutcome.TryParse("""{}""", out var empty), Is.True);
        Assert.That(empty!.Flag("NFA_FLAG"), Is.Null);
        Assert.That(JsonOutcome.TryParse("""{"NOTE":"text","LIST":[1,"Y"]}""", out var noFlags), Is.True);
        Assert.That(noFlags!.Flag("LIST"), Is.Null);
        Assert.That(noFlags.Text, Is.EqualTo("""{"NOTE":"text","LIST":[1,"Y"]}"""));
    }

    [Test]
    public void The_memo_gives_equal_texts_one_outcome_and_keeps_the_answers_of_a_fresh_parse()
    {
        var memo = new OutcomeMemo();
        const string text = """{"NEW_REFERRAL_FLAG":"Y","NFA_FLAG":"N","CP_ENQUIRY_FLAG":"N"}""";
        Assert.That(memo.TryJson(text, out var first), Is.True);
        // A data reader hands each row a string of its own.
        Assert.That(memo.TryJson(new string(text.AsSpan()), out var second), Is.True);
        Assert.That(second, Is.SameAs(first));
        Assert.That(memo.Count, Is.EqualTo(1));
        Assert.That(second!.Flag("NEW_REFERRAL_FLAG"), Is.True);
        Assert.That(second.Flag("NFA_FLAG"), Is.False);

        Assert.That(memo.TryJson("""{"NEW_REFERRAL_FLAG":"N"}""", out var other), Is.True);
        Assert.That(other!.Flag("NEW_REFERRAL_FLAG"), Is.False);
        Assert.That(memo.Count, Is.EqualTo(2));
    }

    [Test]
    public void The_memo_refuses_what_the_parser_refuses_every_time_and_does_not_remember_it()
    {
        var memo = new OutcomeMemo();
        Assert.That(memo.TryJson("""{"NFA_FLAG":""", out _), Is.False);
        Assert.That(memo.TryJson("""{"NFA_FLAG":""", out _), Is.False);
        Assert.That(memo.TryJson(42L, out _), Is.False);
        Assert.That(memo.Count, Is.Zero);
    }

    [Test]
    public void The_memo_stops_remembering_at_its_capacity_and_still_parses_every_text()
    {
        var memo = new OutcomeMemo();
        for (var i = 0; i < OutcomeMemo.Capacity + 50; i++)
        {
            Assert.That(memo.TryJson($$"""{"N{{i}}":"Y"}""", out var outcome), Is.True);
            Assert.That(outcome!.Flag($"N{i}"), Is.True);
        }
        Assert.That(memo.Count, Is.EqualTo(OutcomeMemo.Capacity));
    }
}
