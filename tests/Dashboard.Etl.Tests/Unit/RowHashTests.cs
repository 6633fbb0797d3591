using Dashboard.Etl.Load;

namespace Dashboard.Etl.Tests.Unit;

public class RowHashTests
{
    [Test]
    public void The_hash_is_fnv1a_and_the_same_in_every_process()
    {
        // Pinned values: a change here would make every stored row look changed on the next load.
        Assert.That(RowHash.Compute([]), Is.EqualTo(unchecked((long)14695981039346656037UL)));
        object?[] row = ["C1", 1L, null, 2.5];
        var copy = (object?[])row.Clone();
        Assert.That(RowHash.Compute(copy), Is.EqualTo(RowHash.Compute(row)));
        Assert.That(RowHash.Compute(["C1", 20250101L]), Is.EqualTo(-5078442435342708618L));
    }

    [Test]
    public void Null_empty_text_and_zero_hash_differently()
    {
        var hashes = new[] { RowHash.Compute([null]), RowHash.Compute([""]), RowHash.Compute([0L]), RowHash.Compute([0.0]) };
        Assert.That(hashes, Is.Unique);
    }

    [Test]
    public void Moving_a_value_between_columns_changes_the_hash() =>
        Assert.That(RowHash.Compute(["ab", "c"]), Is.Not.EqualTo(RowHash.Compute(["a", "bc"])));

    [Test]
    public void Any_changed_value_changes_the_hash() =>
        Assert.That(RowHash.Compute(["V1", 1L, 20260401L]), Is.Not.EqualTo(RowHash.Compute(["V1", 1L, 20260402L])));
}
