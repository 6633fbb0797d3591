using Dashboard.Etl.Benchmarks;

namespace Dashboard.Etl.Tests.Unit;

/// <summary>The bare-insert yardstick of <c>bench etl</c> is the mean of a measurement before the run and one after it.</summary>
public sealed class BaselineResultTests
{
    [Test]
    public void The_yardstick_is_the_mean_of_both_measurements_in_all_and_per_table()
    {
        var before = new BaselineResult(300, TimeSpan.FromSeconds(8), [("ssd_person", 100, TimeSpan.FromSeconds(2)), ("ssd_contacts", 200, TimeSpan.FromSeconds(6))]);
        var after = new BaselineResult(300, TimeSpan.FromSeconds(12), [("ssd_contacts", 200, TimeSpan.FromSeconds(9)), ("ssd_person", 100, TimeSpan.FromSeconds(3))]);

        var mean = BaselineResult.MeanOf(before, after);

        Assert.That(mean.Rows, Is.EqualTo(300));
        Assert.That(mean.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(mean.RowsPerSecond, Is.EqualTo(30));
        Assert.That(mean.Tables, Is.EqualTo(new[] { ("ssd_person", 100L, TimeSpan.FromSeconds(2.5)), ("ssd_contacts", 200L, TimeSpan.FromSeconds(7.5)) }));
    }

    [Test]
    public void Two_measurements_of_different_rows_are_refused()
    {
        var before = new BaselineResult(300, TimeSpan.FromSeconds(8), []);
        var after = new BaselineResult(299, TimeSpan.FromSeconds(8), []);

        Assert.That(() => BaselineResult.MeanOf(before, after), Throws.InvalidOperationException.With.Message.Contains("300").And.Message.Contains("299"));
    }
}
