using Dashboard.Core.Suppression;

namespace Dashboard.Core.Tests.Suppression;

public class SuppressionRuleTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void Counts_from_1_to_5_are_hidden_by_default(int count)
    {
        var cell = PublishedCell.Of(count, SuppressionRule.Default);

        Assert.That(cell.Status, Is.EqualTo(CellStatus.Primary));
        Assert.That(cell.Text, Is.EqualTo("c"));
        Assert.That(cell.Value, Is.Null, "a hidden cell does not carry its value");
        Assert.That(cell.IsHidden, Is.True);
    }

    [TestCase(0, "0")]
    [TestCase(6, "6")]
    [TestCase(1234, "1,234")]
    public void Zero_and_counts_above_the_threshold_are_shown(int count, string text)
    {
        var cell = PublishedCell.Of(count, SuppressionRule.Default);

        Assert.That(cell.Status, Is.EqualTo(CellStatus.Shown));
        Assert.That(cell.Value, Is.EqualTo(count));
        Assert.That(cell.Text, Is.EqualTo(text));
        Assert.That(cell.IsHidden, Is.False);
    }

    [TestCase(6, true)]
    [TestCase(7, true)]
    [TestCase(8, false)]
    [TestCase(0, false)]
    public void A_council_using_7_hides_6_and_7_but_shows_8(int count, bool hidden)
    {
        var rule = new SuppressionRule(7);

        Assert.That(PublishedCell.Of(count, rule).IsHidden, Is.EqualTo(hidden));
        Assert.That(rule.Describe(), Does.StartWith("Counts from 1 to 7 are shown as c"));
    }

    [Test]
    public void The_default_rule_is_described_in_plain_words()
    {
        Assert.That(SuppressionRule.Default.Threshold, Is.EqualTo(5));
        Assert.That(SuppressionRule.Default.Describe(), Is.EqualTo(
            "Counts from 1 to 5 are shown as c, with a further count hidden where needed so a hidden count cannot be "
            + "worked out from totals. Percentages built from a hidden count are hidden too. Zero is shown as 0."));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(100)]
    public void A_threshold_outside_1_to_99_is_refused(int threshold)
    {
        Assert.That(() => new SuppressionRule(threshold), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => SuppressionRule.Default with { Threshold = threshold }, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_setting_of_0_means_suppression_is_off()
    {
        Assert.That(SuppressionRule.FromSetting(0), Is.Null);
        Assert.That(SuppressionRule.FromSetting(9), Is.EqualTo(new SuppressionRule(9)));
    }

    [Test]
    public void The_symbol_key_has_the_four_DfE_symbols()
    {
        Assert.That(SuppressionRule.SymbolKey.Select(s => s.Symbol), Is.EqualTo(new[] { "c", "z", "x", "k" }));
        Assert.That(SuppressionRule.SymbolKey.Single(s => s.Symbol == "x").Meaning, Is.EqualTo("not available"));
    }

    [Test]
    public void An_unset_cell_claims_nothing_it_is_not_available()
    {
        Assert.That(default(PublishedCell).Text, Is.EqualTo("x"));
        Assert.That(default(PublishedCell).Status, Is.EqualTo(CellStatus.NotAvailable));
    }
}
