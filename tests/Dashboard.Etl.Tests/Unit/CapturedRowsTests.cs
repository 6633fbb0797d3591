using Dashboard.Etl.Load;

namespace Dashboard.Etl.Tests.Unit;

/// <summary>
/// What <see cref="LoadedFacts"/> keeps of a staged fact row until the engine's records are built: every value comes back
/// as it was staged, in the order the rows came, across chunk boundaries; repeated texts become one shared string.
/// </summary>
public sealed class CapturedRowsTests
{
    private static readonly string[] Columns = ["visit_id", "cp_plan_id", "child_key", "visit_date_key", "seen", "note"];

    [Test]
    public void Every_kept_value_comes_back_as_staged_in_staging_order_across_chunks()
    {
        var texts = new CapturedTexts();
        var rows = new CapturedRows("fact_cp_visit", Columns, texts);
        int id = rows.Id("visit_id"), plan = rows.Text("cp_plan_id"), child = rows.Value("child_key"), date = rows.Value("visit_date_key"),
            seen = rows.Value("seen"), note = rows.Text("note");
        const int count = 20_000;   // more than two chunks
        for (var i = 0; i < count; i++)
        {
            rows.Add(
            [
                $"V{i}", $"P{i % 7}", (long)i * 3, 20260000L + i, i % 3 == 0 ? null : (object)(i % 2 == 0), i % 5 == 0 ? null : $"n{i % 4}", 1L, 99L,
            ]);
        }
        Assert.That(rows.Count, Is.EqualTo(count));

        var seenRows = 0;
        rows.Build(r =>
        {
            var i = seenRows++;
            Assert.That(r.Id(id), Is.EqualTo($"V{i}"));
            Assert.That(r.Text(plan), Is.EqualTo($"P{i % 7}"));
            Assert.That(r.Long(child), Is.EqualTo(i * 3L));
            Assert.That(r.Long(date), Is.EqualTo(20260000L + i));
            Assert.That(r.Flag(seen), Is.EqualTo(i % 3 == 0 ? null : i % 2 == 0));
            Assert.That(r.Text(note), Is.EqualTo(i % 5 == 0 ? null : $"n{i % 4}"));
        });
        Assert.That(seenRows, Is.EqualTo(count));
        Assert.That(rows.Count, Is.Zero, "the slots are let go once built");
    }

    [Test]
    public void A_repeated_text_becomes_one_string_shared_by_every_row_and_table()
    {
        var texts = new CapturedTexts();
        var visits = new CapturedRows("fact_cp_visit", Columns, texts);
        var reviews = new CapturedRows("fact_cp_review", ["review_id", "cp_plan_id"], texts);
        int visitPlan = visits.Text("cp_plan_id"), reviewPlan = reviews.Text("cp_plan_id");
        visits.Add(["V1", new string('P', 1) + "1", 1L, 20260101L, true, null]);
        visits.Add(["V2", "P" + 1.ToString(System.Globalization.CultureInfo.InvariantCulture), 1L, 20260102L, true, null]);
        reviews.Add(["R1", string.Concat("P", "1")]);

        var strings = new List<string>();
        visits.Build(r => strings.Add(r.Text(visitPlan)!));
        reviews.Build(r => strings.Add(r.Text(reviewPlan)!));

        Assert.That(strings, Is.EqualTo(new[] { "P1", "P1", "P1" }));
        Assert.That(ReferenceEquals(strings[0], strings[1]) && ReferenceEquals(strings[1], strings[2]), Is.True);
    }

    [Test]
    public void Ints_bools_and_nulls_are_kept_as_numbers_and_read_back_by_kind()
    {
        var rows = new CapturedRows("fact_strategy_discussion", ["meeting_id", "agencies_invited", "police_attended", "end_date_key"], new CapturedTexts());
        int id = rows.Id("meeting_id"), invited = rows.Value("agencies_invited"), police = rows.Value("police_attended"), end = rows.Value("end_date_key");
        rows.Add(["M1", 4, 1L, null]);
        rows.Add(["M2", 0, false, 0L]);

        var read = new List<(string, int, bool?, long?)>();
        rows.Build(r => read.Add((r.Id(id), r.Int(invited), r.Flag(police), r.NullableLong(end))));

        Assert.That(read, Is.EqualTo(new[] { ("M1", 4, (bool?)true, (long?)null), ("M2", 0, (bool?)false, (long?)0) }));
    }

    [Test]
    public void A_value_of_a_kind_the_column_does_not_keep_is_refused_naming_the_table_and_column()
    {
        var rows = new CapturedRows("fact_contact", ["contact_id", "contact_date_key"], new CapturedTexts());
        rows.Id("contact_id");
        rows.Value("contact_date_key");

        var wrongKind = Assert.Throws<InvalidOperationException>(() => rows.Add(["C1", "2026-01-01"]));
        Assert.That(wrongKind!.Message, Does.Contain("fact_contact.contact_date_key").And.Contain("String"));
        var tooLarge = Assert.Throws<InvalidOperationException>(() => rows.Add(["C2", 3_000_000_000L]));
        Assert.That(tooLarge!.Message, Does.Contain("fact_contact.contact_date_key").And.Contain("3000000000"));
        var noId = Assert.Throws<InvalidOperationException>(() => rows.Add([null, 20260101L]));
        Assert.That(noId!.Message, Does.Contain("fact_contact.contact_id").And.Contain("no id"));
    }

    [Test]
    public void A_required_value_that_is_missing_fails_when_its_record_is_built()
    {
        var plans = new CapturedRows("fact_cp_visit", Columns, new CapturedTexts());
        var plan = plans.Text("cp_plan_id");
        plans.Add(["V1", null, null, 20260101L, true, null]);
        Assert.That(() => plans.Build(r => _ = r.RequiredText(plan)), Throws.InvalidOperationException.With.Message.Contain("fact_cp_visit"));

        var children = new CapturedRows("fact_cp_visit", Columns, new CapturedTexts());
        var child = children.Value("child_key");
        children.Add(["V1", null, null, 20260101L, true, null]);
        Assert.That(() => children.Build(r => _ = r.Long(child)), Throws.InvalidOperationException.With.Message.Contain("no key"));
    }

    [Test]
    public void Columns_are_declared_before_the_first_row_and_must_exist()
    {
        var rows = new CapturedRows("fact_contact", ["contact_id"], new CapturedTexts());
        Assert.That(() => rows.Value("no_such_column"), Throws.InvalidOperationException.With.Message.Contain("no_such_column"));
        rows.Id("contact_id");
        rows.Add(["C1"]);
        Assert.That(() => rows.Text("contact_id"), Throws.InvalidOperationException.With.Message.Contain("before its first row"));
    }
}
