using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts.Tests;

public class BarChartTests
{
    private static readonly (string Category, decimal? Value)[] Agencies = [("Police", 92.5m), ("Health", 61.2m), ("Education", null), ("Probation", 40m)];

    [Test]
    public void Bars_are_horizontal_in_the_given_order_with_value_labels()
    {
        var spec = new Spec(BarChart.Build("Attendance by agency", Agencies, IndicatorUnit.Percent, null));
        var y = spec.Layer("bars")["encoding"]!["y"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)y["field"], Is.EqualTo("category"));
            Assert.That(y["sort"]!.AsArray().Select(s => (string?)s), Is.EqualTo(Agencies.Select(a => a.Category)));
            Assert.That((string?)spec.Layer("bars")["encoding"]!["x"]!["field"], Is.EqualTo("value"));
            Assert.That((string?)spec.Layer("value-labels")["encoding"]!["text"]!["field"], Is.EqualTo("valueText"));
            Assert.That(spec.LayerNames, Does.Not.Contain("target"));
        });
    }

    [Test]
    public void Data_equals_the_input_and_a_hidden_value_is_no_number()
    {
        var spec = new Spec(BarChart.Build("Attendance by agency", Agencies, IndicatorUnit.Percent, 85m));
        Assert.That(spec.Rows.Select(r => Spec.Number(r, "value")), Is.EqualTo(Agencies.Select(a => a.Value)));
        Assert.That(spec.Rows[2].ContainsKey("value"), Is.False);
        Assert.That(spec.NullNumbers("value"), Is.Empty);
        Assert.That((decimal?)spec.Layer("target")["data"]!["values"]![0]!["value"], Is.EqualTo(85m));
    }

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

    [Test]
    public void Counts_are_whole_numbers_on_an_axis_from_zero()
    {
        var chart = BarChart.Build("Open assessments", [("North", 12m), ("South", 30m)], IndicatorUnit.Count, null);
        var x = new Spec(chart).Layer("bars")["encoding"]!["x"]!;
        Assert.That((string?)x["title"], Is.EqualTo("Count"));
        Assert.That((decimal?)x["scale"]!["domain"]![0], Is.Zero);
        Assert.That(chart.Table.Rows[1][1], Is.EqualTo("30"));
    }

    [Test]
    public void A_label_that_the_target_line_would_strike_through_goes_inside_its_bar()
    {
        (string, decimal?)[] bars = [("Police", 77.9m), ("Health", 85.7m), ("Education", 52.5m), ("Other", null), ("Housing", 8m)];
        var spec = new Spec(BarChart.Build("Attendance by agency", bars, IndicatorUnit.Percent, 80m));
        Assert.That(spec.Rows.Where(r => (bool?)r["labelInside"] == true).Select(r => (string?)r["category"]), Is.EqualTo(new[] { "Police" }));
        Assert.That((string?)spec.Layer("value-labels-inside")["mark"]!["align"], Is.EqualTo("right"));
        Assert.That((string?)spec.Layer("value-labels")["transform"]![0]!["filter"], Does.Contain("labelInside !== true"));
    }

    [TestCase(77.9, 80, true)]
    [TestCase(80.5, 80, false)]
    [TestCase(60, 80, false)]
    [TestCase(5, 10, false)]
    public void Label_inside_only_for_a_long_bar_just_short_of_the_target(decimal value, decimal target, bool inside) =>
        Assert.That(BarChart.LabelInside(value, target, 0m, 100m), Is.EqualTo(inside));
}
