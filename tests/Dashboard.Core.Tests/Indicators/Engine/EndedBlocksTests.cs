using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Tests.Indicators.Engine;

public class EndedBlocksTests
{
    private static readonly DateOnly Origin = new(2020, 1, 1);

    [Test]
    public void Walking_with_the_blocks_keeps_exactly_the_items_a_full_walk_keeps_in_the_same_order()
    {
        var random = new Random(16);
        foreach (var size in new[] { 0, 1, 31, 32, 33, 100, 1_000 })
        {
            // Mostly long-ended history with a few plans still open, as in a council's five years.
            var plans = Enumerable.Range(0, size).Select(i =>
            {
                var start = Origin.AddDays(random.Next(0, 1_800));
                DateOnly? end = random.Next(10) == 0 ? null : start.AddDays(random.Next(0, 400));
                return new CpPlan($"CP{i:D5}", $"P{random.Next(300)}", start, end);
            }).ToList();
            var list = new DatedList<CpPlan>(plans, p => p.Start, p => p.CpPlanId);
            var blocks = EndedBlocks.Of(list, p => p.End);
            for (var day = -5; day < 2_300; day += 7)
            {
                var date = Origin.AddDays(day);
                var last = list.LastIndexOnOrBefore(date);
                var everyItem = new List<string>();
                for (var i = 0; i <= last; i++)
                {
                    if (list[i].End is null || list[i].End >= date) everyItem.Add(list[i].CpPlanId);
                }
                var skipping = new List<string>();
                for (var i = blocks.NextNotEndedBefore(0, date); i <= last; i = blocks.NextNotEndedBefore(i + 1, date))
                {
                    if (list[i].End is null || list[i].End >= date) skipping.Add(list[i].CpPlanId);
                }
                Assert.That(skipping, Is.EqualTo(everyItem), $"{size} plans, as at {date}");
            }
        }
    }

    [Test]
    public void A_block_whose_items_all_ended_before_the_date_is_stepped_over_and_one_still_open_is_not()
    {
        var plans = Enumerable.Range(0, 96).Select(i => new CpPlan($"CP{i:D3}", "P1", Origin.AddDays(i), Origin.AddDays(i + 1))).ToList();
        plans[70] = plans[70] with { End = null };
        var list = new DatedList<CpPlan>(plans, p => p.Start, p => p.CpPlanId);
        var blocks = EndedBlocks.Of(list, p => p.End);

        var date = Origin.AddDays(200);
        Assert.That(blocks.NextNotEndedBefore(0, date), Is.EqualTo(64), "items 0-63 all ended; the third block holds the open plan");
        Assert.That(blocks.NextNotEndedBefore(65, date), Is.EqualTo(65), "within a block every item is offered");
        Assert.That(blocks.NextNotEndedBefore(96, date), Is.GreaterThanOrEqualTo(96));
        Assert.That(blocks.NextNotEndedBefore(0, Origin.AddDays(3)), Is.EqualTo(0), "an item ending on the date is not skipped");
    }
}
