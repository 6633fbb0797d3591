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

    [Test]
    public void Every_value_is_hashed_as_its_documented_bytes()
    {
        // The stored hashes depend on this exact byte sequence; the reference below spells it out one byte at a time.
        var random = new Random(16);
        for (var n = 0; n < 500; n++)
        {
            var row = new object?[random.Next(0, 12)];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = random.Next(7) switch
                {
                    0 => null,
                    1 => new string([.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(0, 0x3000))]),
                    2 => random.NextInt64(long.MinValue, long.MaxValue),
                    3 => random.Next(int.MinValue, int.MaxValue),
                    4 => (random.NextDouble() - 0.5) * 1e9,
                    5 => random.Next(2) == 1,
                    _ => "",
                };
            }
            Assert.That(RowHash.Compute(row), Is.EqualTo(Reference(row)), $"row {n}");
        }
    }

    private static long Reference(object?[] row)
    {
        var bytes = new List<byte>();
        foreach (var value in row)
        {
            switch (value)
            {
                case null: bytes.Add(0); break;
                case string s:
                    bytes.Add(1);
                    foreach (var c in s) bytes.AddRange(BitConverter.GetBytes(c));
                    bytes.Add(0xFF);
                    break;
                case long l: bytes.Add(2); bytes.AddRange(BitConverter.GetBytes(l)); break;
                case int i: bytes.Add(2); bytes.AddRange(BitConverter.GetBytes((long)i)); break;
                case double d: bytes.Add(3); bytes.AddRange(BitConverter.GetBytes(d)); break;
                case bool b: bytes.Add(2); bytes.AddRange(BitConverter.GetBytes(b ? 1L : 0L)); break;
            }
        }
        var hash = 14695981039346656037UL;
        foreach (var b in bytes) hash = unchecked((hash ^ b) * 1099511628211UL);
        return unchecked((long)hash);
    }
}
