using Dashboard.Etl.Text;

namespace Dashboard.Etl.Tests.Unit;

/// <summary>The arena gives every text back exactly, whichever page it landed in.</summary>
public sealed class TextArenaTests
{
    [Test]
    public void Texts_come_back_exactly_as_appended_and_numbered_in_order()
    {
        var arena = new TextArena();
        string[] texts = ["P001", "", "é É ß", "a", "", "x\0y", new string('z', 5000)];

        var indices = texts.Select(text => arena.Append(text)).ToArray();

        Assert.That(indices, Is.EqualTo(Enumerable.Range(0, texts.Length)));
        Assert.That(arena.Count, Is.EqualTo(texts.Length));
        Assert.That(arena.Chars, Is.EqualTo(texts.Sum(text => (long)text.Length)));
        for (var i = 0; i < texts.Length; i++) Assert.That(arena[i].ToString(), Is.EqualTo(texts[i]), $"text {i}");
    }

    [Test]
    public void An_empty_text_round_trips_as_empty_and_takes_no_page()
    {
        var arena = new TextArena();

        var index = arena.Append("");

        Assert.That(arena[index].IsEmpty, Is.True);
        Assert.That(arena.PageCount, Is.Zero);
        Assert.That(arena.Chars, Is.Zero);
    }

    [Test]
    public void A_text_longer_than_a_page_gets_a_page_of_its_own_and_the_current_page_goes_on_filling()
    {
        var arena = new TextArena();
        var random = new Random(1);
        var huge = RandomText(random, TextArena.PageSize + 1);

        var before = arena.Append("before");
        var big = arena.Append(huge);
        var after = arena.Append("after");

        Assert.That(arena[before].ToString(), Is.EqualTo("before"));
        Assert.That(arena[big].ToString(), Is.EqualTo(huge));
        Assert.That(arena[after].ToString(), Is.EqualTo("after"));
        Assert.That(arena.PageCount, Is.EqualTo(2), "one ordinary page for the short texts and one for the long");
        Assert.That(arena.Chars, Is.EqualTo(huge.Length + 11L));
    }

    [Test]
    public void Texts_start_a_new_page_only_when_the_rest_of_the_current_one_is_too_short()
    {
        var arena = new TextArena();
        var random = new Random(2);
        // A text of exactly a page is not "longer than a page": it starts a new current page, filling it, so the
        // one-character text after it needs a fifth page even though the third page still has room.
        int[] lengths = [TextArena.PageSize - 10, 11, TextArena.PageSize - 11, 5, TextArena.PageSize, 1];
        int[] pagesAfter = [1, 2, 2, 3, 4, 5];
        var texts = lengths.Select(length => RandomText(random, length)).ToArray();

        for (var i = 0; i < texts.Length; i++)
        {
            arena.Append(texts[i]);
            Assert.That(arena.PageCount, Is.EqualTo(pagesAfter[i]), $"pages after the text of {lengths[i]} characters");
        }

        for (var i = 0; i < texts.Length; i++) Assert.That(arena[i].ToString(), Is.EqualTo(texts[i]), $"text {i}");
        Assert.That(arena.Chars, Is.EqualTo(lengths.Sum(length => (long)length)));
    }

    [Test]
    public void Many_texts_over_several_pages_all_round_trip()
    {
        var arena = new TextArena();
        var random = new Random(3);
        var texts = Enumerable.Range(0, 300_000).Select(_ => RandomText(random, random.Next(0, 21))).ToArray();

        foreach (var text in texts) arena.Append(text);

        Assert.That(arena.PageCount, Is.GreaterThan(2));
        for (var i = 0; i < texts.Length; i++)
        {
            if (!arena[i].SequenceEqual(texts[i])) Assert.Fail($"text {i} came back as \"{arena[i]}\", not \"{texts[i]}\"");
        }
    }

    [Test]
    public void An_index_outside_the_texts_is_refused()
    {
        var arena = new TextArena();
        arena.Append("only");

        Assert.That(() => arena[1].ToString(), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => arena[-1].ToString(), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Clear_lets_go_of_everything_and_numbering_starts_again()
    {
        var arena = new TextArena();
        arena.Append("one");
        arena.Append(new string('w', TextArena.PageSize + 5));

        arena.Clear();

        Assert.That(arena.Count, Is.Zero);
        Assert.That(arena.Chars, Is.Zero);
        Assert.That(arena.PageCount, Is.Zero);
        Assert.That(() => arena[0].ToString(), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(arena.Append("two"), Is.Zero);
        Assert.That(arena[0].ToString(), Is.EqualTo("two"));
    }

    private static string RandomText(Random random, int length) =>
        string.Create(length, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = (char)r.Next(32, 0x3000);
        });
}
