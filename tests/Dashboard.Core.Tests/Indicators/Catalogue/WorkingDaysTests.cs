using Dashboard.Core.Calendar;
using Dashboard.Core.Indicators.Catalogue.Rules;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class WorkingDaysTests
{
    [Test]
    public void The_fast_working_day_addition_agrees_with_the_calendar_for_every_day_of_2020_to_2026()
    {
        for (var d = new DateOnly(2020, 1, 1); d <= new DateOnly(2026, 12, 31); d = d.AddDays(1))
        {
            foreach (var n in new[] { 0, 1, 10, 15, 20, 45 })
            {
                Assert.That(WorkingDays.Add(d, n), Is.EqualTo(WorkingDayCalendar.AddWorkingDays(d, n)), $"{d} + {n}");
            }
        }
    }

    [Test]
    public void Dates_before_the_calendar_are_clamped_not_thrown_so_an_old_plan_is_simply_very_overdue()
    {
        Assert.That(WorkingDays.Between(new DateOnly(1998, 6, 1), new DateOnly(2000, 1, 4)), Is.EqualTo(1));
        Assert.That(() => WorkingDays.Add(new DateOnly(1998, 6, 1), 20), Throws.Nothing);
    }

    [Test]
    public void A_CIN_plan_that_started_before_2000_is_counted_and_late_rather_than_an_error()
    {
        var data = Support.CouncilBuilder.AsAt(new DateOnly(2025, 3, 31))
            .WithChild("C1", c => c.OnCinPlan(new DateOnly(1999, 5, 1)).CinVisit(new DateOnly(2025, 1, 6)))
            .Build();

        Assert.That(Support.Measure.Of("SEEN-03", data, new DateOnly(2025, 3, 31)).Ratio, Is.EqualTo("0/1"));
    }
}
