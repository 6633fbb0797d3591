using Dashboard.Etl.Text;

namespace Dashboard.Etl.Tests.Unit;

/// <summary>The set must behave exactly as the <c>HashSet&lt;string&gt;</c> it replaces, under the same comparer.</summary>
public sealed class TextSetTests
{
    private static readonly StringComparer[] Comparers = [StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase];

    // Letters with and without case (ß, ø, Greek), digits and punctuation, so that case-blind comparison is tested beyond ASCII.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/ éÉßøØσΣ";

    [Test]
    public void Adding_a_text_twice_keeps_one_member()
    {
        var set = new TextSet(StringComparer.Ordinal);
        var key = "P0001";

        Assert.That(set.Add(key), Is.True);
        Assert.That(set.Add(key), Is.False);
        Assert.That(set.Count, Is.EqualTo(1));
        Assert.That(set.Contains(key), Is.True);
        Assert.That(set.Contains("P0002"), Is.False);
    }

    [Test]
    public void Under_OrdinalIgnoreCase_spellings_differing_in_case_are_one_member_and_the_first_is_kept()
    {
        var set = new TextSet(StringComparer.OrdinalIgnoreCase);

        Assert.That(set.Add("Child-Ab"), Is.True);
        Assert.That(set.Add("CHILD-AB"), Is.False);
        Assert.That(set.Intern("child-ab"), Is.Zero);

        Assert.That(set.Count, Is.EqualTo(1));
        Assert.That(set.Contains("cHiLd-aB"), Is.True);
        Assert.That(set[0].ToString(), Is.EqualTo("Child-Ab"));
    }

    [Test]
    public void Under_Ordinal_spellings_differing_in_case_are_different_members()
    {
        var set = new TextSet(StringComparer.Ordinal);

        Assert.That(set.Add("abc"), Is.True);
        Assert.That(set.Add("ABC"), Is.True);

        Assert.That(set.Count, Is.EqualTo(2));
        Assert.That(set.Contains("Abc"), Is.False);
    }

    [Test]
    public void Intern_returns_the_index_of_the_first_addition_and_the_index_gives_the_text_back()
    {
        var set = new TextSet(StringComparer.Ordinal);

        var a = set.Intern("A1");
        var b = set.Intern("B2");
        var c = set.Intern("");
        var again = set.Intern("A1");

        Assert.That(new[] { a, b, c, again }, Is.EqualTo(new[] { 0, 1, 2, 0 }));
        Assert.That(set[a].ToString(), Is.EqualTo("A1"));
        Assert.That(set[b].ToString(), Is.EqualTo("B2"));
        Assert.That(set[c].IsEmpty, Is.True);
    }

    [Test]
    public void Null_is_the_empty_text()
    {
        var set = new TextSet(StringComparer.Ordinal);
        string? none = null;

        Assert.That(set.Add(none), Is.True);
        Assert.That(set.Add(""), Is.False);
        Assert.That(set.Contains(""), Is.True);
        Assert.That(set[0].IsEmpty, Is.True);
    }

    [TestCaseSource(nameof(Comparers))]
    public void Add_Contains_and_Intern_agree_with_HashSet_on_200000_random_texts_with_many_duplicates(StringComparer comparer)
    {
        var random = new Random(20_260_401);
        var set = new TextSet(comparer);

        var expected = RunAgainstHashSet(set, comparer, random, operations: 200_000);

        Assert.That(expected.Count, Is.InRange(20_000, 40_000), "the pool of texts is drawn from many times over");
        var fresh = Enumerable.Range(0, 20_000).Select(_ => RandomText(random)).ToArray();
        foreach (var text in fresh)
        {
            if (set.Contains(text) != expected.Contains(text)) Assert.Fail($"Contains(\"{text}\") disagrees with HashSet");
        }
    }

    [TestCaseSource(nameof(Comparers))]
    public void Growing_from_capacity_0_keeps_every_member_at_its_index(StringComparer comparer)
    {
        var set = new TextSet(comparer, capacity: 0);
        var texts = Enumerable.Range(0, 100_000).Select(i => $"K{i}").ToArray();

        for (var i = 0; i < texts.Length; i++)
        {
            if (set.Intern(texts[i]) != i) Assert.Fail($"\"{texts[i]}\" was not numbered {i}");
        }

        Assert.That(set.Count, Is.EqualTo(texts.Length));
        Assert.That(set.SlotCount, Is.EqualTo(262_144), "grown by doubling from 8 slots, never more than half full");
        for (var i = 0; i < texts.Length; i++)
        {
            if (set.Intern(texts[i]) != i || !set[i].SequenceEqual(texts[i])) Assert.Fail($"\"{texts[i]}\" lost its index {i}");
        }
        Assert.That(set.Count, Is.EqualTo(texts.Length));
        Assert.That(set.Contains("K100000"), Is.False);
    }

    [TestCaseSource(nameof(Comparers))]
    public void EnsureCapacity_then_adding_that_many_neither_grows_the_table_nor_changes_behaviour(StringComparer comparer)
    {
        const int members = 30_000;
        var presized = new TextSet(comparer);
        presized.EnsureCapacity(members);
        var fromConstructor = new TextSet(comparer, members);
        var slots = presized.SlotCount;
        var texts = Enumerable.Range(0, members).Select(i => $"row-{i}").ToArray();

        foreach (var set in new[] { presized, fromConstructor })
        {
            for (var i = 0; i < members; i++)
            {
                if (set.Intern(texts[i]) != i) Assert.Fail($"\"{texts[i]}\" was not numbered {i}");
            }
            Assert.That(set.SlotCount, Is.EqualTo(slots), "the presized table did not grow");
            Assert.That(set.Add(texts[members - 1]), Is.False);
            Assert.That(set.Contains($"row-{members}"), Is.False);
            Assert.That(set.Count, Is.EqualTo(members));
        }

        // Under random use a presized set agrees with HashSet just as one grown from nothing does.
        var grown = RunAgainstHashSet(new TextSet(comparer), comparer, new Random(7), operations: 100_000);
        var presizedRun = new TextSet(comparer);
        presizedRun.EnsureCapacity(members);
        var expected = RunAgainstHashSet(presizedRun, comparer, new Random(7), operations: 100_000);
        Assert.That(expected, Is.EquivalentTo(grown));
    }

    [TestCaseSource(nameof(Comparers))]
    public void Distinct_texts_with_equal_hashes_stay_separate_members(StringComparer comparer)
    {
        var pairs = CollidingPairs(comparer, new Random(11), count: 8);
        var set = new TextSet(comparer);
        var firsts = new TextSet(comparer);
        var expectedFirsts = new HashSet<string>(comparer);
        foreach (var (first, second) in pairs)
        {
            set.Add(first);
            set.Add(second);
            firsts.Add(first);
            expectedFirsts.Add(first);
        }

        var distinct = new HashSet<string>(pairs.SelectMany(pair => new[] { pair.First, pair.Second }), comparer);
        Assert.That(set.Count, Is.EqualTo(distinct.Count));
        foreach (var (first, second) in pairs)
        {
            Assert.That(set[set.Intern(first)].ToString(), Is.EqualTo(first));
            Assert.That(set[set.Intern(second)].ToString(), Is.EqualTo(second));
            Assert.That(firsts.Contains(second), Is.EqualTo(expectedFirsts.Contains(second)), $"\"{second}\" has the hash of \"{first}\" but is not it");
        }
        Assert.That(set.Count, Is.EqualTo(distinct.Count), "looking the members up added nothing");
    }

    [TestCaseSource(nameof(Comparers))]
    public void Probing_wraps_round_from_the_end_of_the_table(StringComparer comparer)
    {
        // With capacity 4 the table has 8 slots; texts whose hashes all point at the last slot must wrap to the first.
        var set = new TextSet(comparer, capacity: 4);
        Assert.That(set.SlotCount, Is.EqualTo(8));
        var random = new Random(5);
        var lastSlot = new List<string>();
        while (lastSlot.Count < 5)
        {
            var text = RandomText(random);
            if ((HashOf(comparer, text) & 7) == 7 && !lastSlot.Contains(text, comparer)) lastSlot.Add(text);
        }

        foreach (var text in lastSlot.Take(4)) Assert.That(set.Add(text), Is.True);

        Assert.That(set.SlotCount, Is.EqualTo(8), "four members fit in eight slots without growing");
        for (var i = 0; i < 4; i++) Assert.That(set[set.Intern(lastSlot[i])].ToString(), Is.EqualTo(lastSlot[i]));
        Assert.That(set.Contains(lastSlot[4]), Is.False);
        Assert.That(set.Count, Is.EqualTo(4));
    }

    [Test]
    public void An_unsupported_comparer_is_refused()
    {
        StringComparer?[] refused = [StringComparer.InvariantCulture, StringComparer.InvariantCultureIgnoreCase, StringComparer.CurrentCulture, null];

        foreach (var comparer in refused)
        {
            Assert.That(() => new TextSet(comparer!), Throws.ArgumentException
                .With.Property(nameof(ArgumentException.ParamName)).EqualTo("comparer")
                .And.Message.Contains("only the two ordinal comparers"));
        }
    }

    [Test]
    public void A_negative_capacity_is_refused() =>
        Assert.That(() => new TextSet(StringComparer.Ordinal, -1), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCaseSource(nameof(Comparers))]
    public void Clear_empties_the_set_and_numbering_starts_again(StringComparer comparer)
    {
        var set = new TextSet(comparer, capacity: 1000);
        for (var i = 0; i < 5000; i++) set.Add($"row-{i}");

        set.Clear();

        Assert.That(set.Count, Is.Zero);
        Assert.That(set.Contains("row-1"), Is.False);
        Assert.That(() => set[0].ToString(), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(set.Add("row-1"), Is.True);
        Assert.That(set.Intern("row-1"), Is.Zero);
        Assert.That(set.Count, Is.EqualTo(1));
    }

    /// <summary>
    /// Runs random Add, Contains and Intern calls on <paramref name="set"/> and on a <c>HashSet&lt;string&gt;</c>, failing at
    /// the first disagreement, then checks every member against the spelling the HashSet kept. Texts are drawn from a pool
    /// so that most calls repeat one; under OrdinalIgnoreCase each draw is re-cased at random.
    /// </summary>
    private static HashSet<string> RunAgainstHashSet(TextSet set, StringComparer comparer, Random random, int operations)
    {
        var pool = Enumerable.Range(0, operations / 5).Select(_ => RandomText(random)).ToArray();
        var ignoreCase = ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase);
        var expected = new HashSet<string>(comparer);
        var index = new Dictionary<string, int>(comparer);

        for (var n = 0; n < operations; n++)
        {
            var text = pool[random.Next(pool.Length)];
            if (ignoreCase) text = Recase(text, random);
            switch (random.Next(3))
            {
                case 0:
                    var added = expected.Add(text);
                    if (added) index.Add(text, index.Count);
                    if (set.Add(text) != added) Assert.Fail($"operation {n}: Add(\"{text}\") should be {added}");
                    break;
                case 1:
                    if (set.Contains(text) != expected.Contains(text)) Assert.Fail($"operation {n}: Contains(\"{text}\") disagrees with HashSet");
                    break;
                default:
                    if (expected.Add(text)) index.Add(text, index.Count);
                    if (set.Intern(text) != index[text]) Assert.Fail($"operation {n}: Intern(\"{text}\") should be {index[text]}");
                    break;
            }
        }

        Assert.That(set.Count, Is.EqualTo(expected.Count));
        foreach (var member in expected)
        {
            var i = index[member];
            if (!set[i].SequenceEqual(member)) Assert.Fail($"member {i} is \"{set[i]}\"; HashSet kept \"{member}\"");
        }
        return expected;
    }

    /// <summary>Pairs of texts that are different members but have equal hashes under <paramref name="comparer"/>.</summary>
    private static List<(string First, string Second)> CollidingPairs(StringComparer comparer, Random random, int count)
    {
        var seen = new Dictionary<int, string>();
        var pairs = new List<(string, string)>();
        while (pairs.Count < count)
        {
            var text = RandomText(random, 10);
            var hash = HashOf(comparer, text);
            if (!seen.TryAdd(hash, text) && !comparer.Equals(seen[hash], text)) pairs.Add((seen[hash], text));
        }
        return pairs;
    }

    /// <summary>The hash the set computes, so that the tests aimed at collisions and at the table's end hit what they aim at.</summary>
    private static int HashOf(StringComparer comparer, string text) =>
        ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase) ? string.GetHashCode(text, StringComparison.OrdinalIgnoreCase) : string.GetHashCode(text.AsSpan());

    private static string RandomText(Random random) => RandomText(random, random.Next(0, 13));

    private static string RandomText(Random random, int length) =>
        string.Create(length, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[r.Next(Alphabet.Length)];
        });

    private static string Recase(string text, Random random) =>
        string.Create(text.Length, (text, random), (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var c = state.text[i];
                chars[i] = state.random.Next(3) switch { 0 => char.ToUpperInvariant(c), 1 => char.ToLowerInvariant(c), _ => c };
            }
        });
}
