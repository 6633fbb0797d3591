using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts.Tests;

public class BarChartTests
{
    private static readonly (string Category, decimal? Value)[] Agencies = [("Police", 92.5m), ("Health", 61.2m), ("Education", null), ("Probation", 40m)];

    [Test]
    public void Description_and_table_show_values_the_target_and_the_hidden_category()
    {
        var chart = BarChart.Build("Attendance by agency", Agencies, IndicatorUnit.Percent, 85m);
        Assert.That(chart.Description, Is.EqualTo(
            "Attendance by agency: 4 categories. Highest Police at 92.5%, lowest Probation at 40.0%; 1 of 3 at or above the target of 85.0%. " +
            "1 category has no value, shown as c."));
        Assert.That(chart.Table.Rows, Is.EqualTo(new[]
        {
            new[] { "Police", "92.5%" }, new[] { "Health", "61.2%" }, new[] { "Education", "c" }, new[] { "Probation", "40.0%" },
        }));
    }
}
