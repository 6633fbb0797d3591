using Dashboard.Etl.Conform;
using Dashboard.Etl.Facts;

namespace Dashboard.Etl.Tests.Unit;

public class WorkerSpellTests
{
    private static (DateOnly, string, string) Involvement(string date, string id, string team) => (DateOnly.Parse(date), id, team);

    [Test]
    public void A_worker_who_moved_team_has_two_spells_split_at_the_first_involvement_in_the_new_team()
    {
        var spells = WorkerDimension.Spells(
            [Involvement("2025-09-01", "I1", "T1"), Involvement("2025-12-01", "I3", "T1"), Involvement("2026-03-01", "I2", "T2")], "T2");
        Assert.That(spells, Is.EqualTo(new[]
        {
            new Spell(new DateOnly(2025, 9, 1), new DateOnly(2026, 2, 28), "T1"),
            new Spell(new DateOnly(2026, 3, 1), null, "T2"),
        }));
    }

    [Test]
    public void A_worker_without_involvements_has_one_current_spell_in_their_department() =>
        Assert.That(WorkerDimension.Spells([], "T1"), Is.EqualTo(new[] { new Spell(WorkerDimension.BeginningOfTime, null, "T1") }));

    [Test]
    public void A_department_that_differs_from_the_last_involvement_starts_a_current_spell_the_day_after_it()
    {
        var spells = WorkerDimension.Spells([Involvement("2025-09-01", "I1", "T1")], "T2");
        Assert.That(spells[0], Is.EqualTo(new Spell(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 1), "T1")));
        Assert.That(spells[1], Is.EqualTo(new Spell(new DateOnly(2025, 9, 2), null, "T2")));
    }

    [Test]
    public void A_worker_without_a_department_keeps_the_last_involvement_team() =>
        Assert.That(WorkerDimension.Spells([Involvement("2025-09-01", "I1", "T1")], null).Single().TeamId, Is.EqualTo("T1"));

    [Test]
    public void Two_teams_on_one_day_give_one_spell_for_the_later_involvement()
    {
        var spells = WorkerDimension.Spells([Involvement("2025-09-01", "I1", "T1"), Involvement("2025-09-01", "I2", "T2")], "T2");
        Assert.That(spells, Is.EqualTo(new[] { new Spell(new DateOnly(2025, 9, 1), null, "T2") }));
    }

    [Test]
    public void Moving_back_to_a_team_opens_a_third_spell()
    {
        var spells = WorkerDimension.Spells(
            [Involvement("2024-01-01", "I1", "T1"), Involvement("2024-06-01", "I2", "T2"), Involvement("2025-01-01", "I3", "T1")], "T1");
        Assert.That(spells.Select(s => s.TeamId), Is.EqualTo(new[] { "T1", "T2", "T1" }));
        Assert.That(spells[1].ValidTo, Is.EqualTo(new DateOnly(2024, 12, 31)));
    }

    [Test]
    public void A_fact_takes_the_spell_valid_at_its_date_and_an_earlier_fact_the_first_spell()
    {
        var lookup = new WorkerSpells();
        lookup.Add("W1", [new WorkerSpells.Entry(new DateOnly(2025, 9, 1), 1, 10), new WorkerSpells.Entry(new DateOnly(2026, 3, 1), 2, 20)]);
        Assert.That(lookup.At("W1", new DateOnly(2026, 2, 28))!.Value.WorkerKey, Is.EqualTo(1));
        Assert.That(lookup.At("W1", new DateOnly(2026, 3, 1))!.Value.WorkerKey, Is.EqualTo(2));
        Assert.That(lookup.At("W1", new DateOnly(2020, 1, 1))!.Value.WorkerKey, Is.EqualTo(1));
        Assert.That(lookup.At("W1", null)!.Value.WorkerKey, Is.EqualTo(2), "no date: the current spell");
        Assert.That(lookup.At("W9", new DateOnly(2026, 1, 1)), Is.Null);
    }
}

public class StableKeysTests
{
    [Test]
    public void Existing_members_keep_their_keys_and_new_ones_get_max_plus_one_in_key_order()
    {
        var existing = new Dictionary<string, long> { ["P2"] = 7, ["P5"] = 3 };
        var keys = StableKeys.Assign(["P9", "P2", "P1", "P5"], existing, maxExisting: 7);
        Assert.That(keys["P2"], Is.EqualTo(7));
        Assert.That(keys["P5"], Is.EqualTo(3));
        Assert.That(keys["P1"], Is.EqualTo(8));
        Assert.That(keys["P9"], Is.EqualTo(9));
    }

    [Test]
    public void An_empty_warehouse_numbers_from_one_never_zero() =>
        Assert.That(StableKeys.Assign(["B", "A"], new Dictionary<string, long>(), 0).Values.Order(), Is.EqualTo(new long[] { 1, 2 }));
}

public class StrategyDiscussionTests
{
    private static LoadContext WithS47s(params (string Person, string Start, string Id)[] enquiries)
    {
        var context = new LoadContext();
        foreach (var (person, start, id) in enquiries) context.NoteS47(person, DateOnly.Parse(start), id);
        return context;
    }

    [Test]
    public void The_s47_starting_on_or_soonest_after_the_meeting_within_ten_days_is_matched()
    {
        var context = WithS47s(("P1", "2026-03-01", "S-before"), ("P1", "2026-03-08", "S-later"), ("P1", "2026-03-04", "S-soonest"),
            ("P2", "2026-03-03", "S-other-child"));
        Assert.That(StrategyDiscussions.MatchS47(context, "P1", new DateOnly(2026, 3, 2)), Is.EqualTo("S-soonest"));
    }

    [Test]
    public void An_s47_on_the_tenth_day_matches_and_on_the_eleventh_does_not()
    {
        Assert.That(StrategyDiscussions.MatchS47(WithS47s(("P1", "2026-03-12", "S1")), "P1", new DateOnly(2026, 3, 2)), Is.EqualTo("S1"));
        Assert.That(StrategyDiscussions.MatchS47(WithS47s(("P1", "2026-03-13", "S1")), "P1", new DateOnly(2026, 3, 2)), Is.Null);
    }

    [Test]
    public void Agencies_are_counted_once_per_meeting_and_other_meeting_types_ignored()
    {
        var strategy = new StrategyDiscussions();
        var date = new DateOnly(2026, 3, 2);
        strategy.Add("M1", "STRAT", date, "P1", "POLICE", invited: true, attended: true);
        strategy.Add("M1", "STRAT", date, "P1", "POLICE", invited: true, attended: true);
        strategy.Add("M1", "STRAT", date, "P1", "HEALTH", invited: true, attended: false);
        strategy.Add("M2", "ICPC", date, "P1", "HEALTH", invited: true, attended: true);
        var context = WithS47s();
        context.ChildKeys["P1"] = 5;
        var row = strategy.Rows(context, loadId: 1).Single();
        Assert.That(row[0], Is.EqualTo("M1"));
        Assert.That(row[1], Is.EqualTo(5L));
        Assert.That(row[4..9], Is.EqualTo(new object?[] { 2L, 1L, 1L, 0L, 0L }));
    }
}
