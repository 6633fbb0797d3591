using Dashboard.Core.Indicators;

namespace Dashboard.Core.Tests.Indicators;

public class ReportingMonthsTests
{
    private static readonly Month November = new(2026, 11);
    private static readonly Month December = new(2026, 12);

    /// <summary>Months from <paramref name="first"/>, each counted to its last day, with the given volumes.</summary>
    private static List<StoredMonth> Complete(Month first, params long[] denominators) =>
        [.. denominators.Select((d, i) => new StoredMonth(first.AddMonths(i), first.AddMonths(i).Last, d))];

    [Test]
    public void The_default_is_the_latest_complete_month_and_the_running_month_is_offered_as_the_month_so_far()
    {
        var stored = Complete(new Month(2026, 1), Enumerable.Repeat(400L, 11).ToArray());
        stored.Add(new StoredMonth(December, new DateOnly(2026, 12, 4), 90));

        var months = ReportingMonths.From(stored)!;

        Assert.That(months.Default, Is.EqualTo(November));
        Assert.That(months.Running, Is.EqualTo(December));
        Assert.That(months.Latest, Is.EqualTo(December), "still offered");
        Assert.That(months.IsComplete(November) && !months.IsComplete(December));
        Assert.That(months.Label(December), Is.EqualTo("December 2026: month so far (to 4 December)"));
        Assert.That(months.Covers(December), Is.EqualTo("month so far, to 4 December 2026"));
        Assert.That(months.Label(November), Is.EqualTo("November 2026"));
    }

    [Test]
    public void A_month_counted_to_its_last_day_is_complete()
    {
        var months = ReportingMonths.From(Complete(new Month(2026, 1), 400, 400, 400, 400))!;

        Assert.That(months.Running, Is.Null);
        Assert.That(months.Default, Is.EqualTo(new Month(2026, 4)));
    }

    [Test]
    public void With_only_a_running_month_that_month_is_shown()
    {
        var months = ReportingMonths.From([new StoredMonth(December, new DateOnly(2026, 12, 4), 90)])!;

        Assert.That(months.Default, Is.EqualTo(December));
        Assert.That(months.LatestComplete, Is.Null);
    }

    [Test]
    public void Nothing_stored_or_nothing_counted_offers_no_months()
    {
        Assert.That(ReportingMonths.From([]), Is.Null);
        Assert.That(ReportingMonths.From([new StoredMonth(November, November.Last, 0)]), Is.Null);
    }

    [Test]
    public void The_months_start_where_three_months_in_a_row_reach_half_the_usual_volume()
    {
        // A new system: 2 cases, then 30, 150, 260 (one month at half), then the usual 400 or so.
        var months = ReportingMonths.From(Complete(new Month(2011, 10), 2, 30, 150, 260, 390, 410, 400, 405, 398, 402))!;

        Assert.That(months.First, Is.EqualTo(new Month(2012, 1)), "260 is over half of the usual 400; 150 is not");
        Assert.That(months.Available, Has.Count.EqualTo(7));
    }

    [Test]
    public void A_later_dip_does_not_hide_the_years_before_it()
    {
        var months = ReportingMonths.From(Complete(new Month(2024, 1), 400, 400, 400, 400, 100, 400, 400, 400))!;

        Assert.That(months.First, Is.EqualTo(new Month(2024, 1)));
    }

    [Test]
    public void The_running_month_is_not_part_of_the_usual_volume()
    {
        var stored = Complete(new Month(2026, 1), 10, 400, 400, 400);
        stored.Add(new StoredMonth(new Month(2026, 5), new DateOnly(2026, 5, 2), 1));

        var months = ReportingMonths.From(stored)!;

        Assert.That(months.First, Is.EqualTo(new Month(2026, 2)));
        Assert.That(months.Latest, Is.EqualTo(new Month(2026, 5)), "the thin running month is still offered as the month so far");
    }

    [Test]
    public void A_council_setting_fixes_the_start()
    {
        var stored = Complete(new Month(2011, 10), 2, 30, 150, 260, 390, 410);

        Assert.That(ReportingMonths.From(stored, fixedStart: new Month(2011, 11))!.First, Is.EqualTo(new Month(2011, 11)));
        Assert.That(ReportingMonths.From(stored, fixedStart: new Month(2030, 1))!.Available, Is.EqualTo(new[] { new Month(2012, 3) }),
            "a start after the data offers the latest month rather than nothing");
    }

    [TestCase(null, "2026-11")]
    [TestCase("", "2026-11")]
    [TestCase("2026-03", "2026-03")]
    [TestCase("2026-12", "2026-12")]
    public void Resolve_takes_an_offered_month_or_the_default(string? asked, string expected)
    {
        var stored = Complete(new Month(2026, 1), Enumerable.Repeat(400L, 11).ToArray());
        stored.Add(new StoredMonth(December, new DateOnly(2026, 12, 4), 90));

        Assert.That(ReportingMonths.From(stored)!.Resolve(asked).ToString(), Is.EqualTo(expected));
    }

    [TestCase("2025-12", "figures are offered from January 2026 (2026-01) to December 2026 (2026-12).")]
    [TestCase("2027-01", "figures are offered from January 2026 (2026-01) to December 2026 (2026-12).")]
    [TestCase("2026-13", "a month is written year-month, such as 2026-11, from 2026-01 to 2026-12.")]
    [TestCase("Search", "a month is written year-month, such as 2026-11, from 2026-01 to 2026-12.")]
    public void A_month_not_offered_is_refused_naming_what_is(string asked, string message)
    {
        var stored = Complete(new Month(2026, 1), Enumerable.Repeat(400L, 11).ToArray());
        stored.Add(new StoredMonth(December, new DateOnly(2026, 12, 4), 90));
        var months = ReportingMonths.From(stored)!;

        Assert.That(() => months.Resolve(asked), Throws.TypeOf<MonthNotOfferedException>().With.Message.EqualTo(message));
    }

    [Test]
    public void A_rolling_window_ends_at_a_complete_month_inside_the_months_offered()
    {
        // June to November complete, December running: 3-month windows end from August to November.
        var stored = Complete(new Month(2026, 6), 100, 100, 100, 100, 100, 100);
        stored.Add(new StoredMonth(December, new DateOnly(2026, 12, 4), 90));
        var months = ReportingMonths.From(stored, fixedStart: new Month(2026, 6))!;
        var three = Dashboard.Core.Indicators.Rolling.FigureLength.ThreeMonths;

        Assert.Multiple(() =>
        {
            Assert.That(months.AvailableFor(three), Is.EqualTo(Month.Range(new Month(2026, 8), November)));
            Assert.That(months.DefaultFor(three), Is.EqualTo(November));
            Assert.That(months.ResolveFor(new Month(2026, 8), three), Is.EqualTo(new Month(2026, 8)));
            Assert.That(() => months.ResolveFor(December, three), Throws.TypeOf<MonthNotOfferedException>().With.Message.Contains("December 2026 is still running"));
            Assert.That(() => months.ResolveFor(new Month(2026, 7), three),
                Throws.TypeOf<MonthNotOfferedException>().With.Message.Contains("3-month figures start at August 2026"));
            Assert.That(() => months.DefaultFor(Dashboard.Core.Indicators.Rolling.FigureLength.TwelveMonths),
                Throws.TypeOf<MonthNotOfferedException>().With.Message.Contains("not yet 12 complete months"));
            Assert.That(months.AvailableFor(Dashboard.Core.Indicators.Rolling.FigureLength.OneMonth), Is.EqualTo(months.Available));
        });
    }
}
