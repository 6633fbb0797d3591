using System.Text.Json.Nodes;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts.Tests;

public class SpcChartTests
{
    private const string Title = "Child protection visits on time";

    private static ChartSpec Shifting(decimal? target = 85m, decimal? england = 80m, ChartOptions? options = null) =>
        SpcChart.Build(Title, Fixtures.ShiftingDown(), IndicatorUnit.Percent, Polarity.HigherIsBetter, target, england, options);

    [Test]
    public void Spec_is_vega_lite_v6_with_container_width_and_description_and_no_title()
    {
        var chart = Shifting();
        var spec = new Spec(chart);
        Assert.Multiple(() =>
        {
            Assert.That((string?)spec.Root["$schema"], Is.EqualTo(Spec.Schema));
            Assert.That((string?)spec.Root["width"], Is.EqualTo("container"));
            Assert.That((int?)spec.Root["height"], Is.EqualTo(SpcChart.DefaultHeight));
            Assert.That((string?)spec.Root["description"], Is.EqualTo(chart.Description));
            Assert.That(spec.Root.ContainsKey("title"), Is.False);
            Assert.That((string?)spec.Root["config"]!["font"], Does.StartWith("system-ui"));
            Assert.That(chart.Id, Is.EqualTo("spc-child-protection-visits-on-time"));
        });
    }

    [Test]
    public void Layers_hold_limits_mean_values_points_and_both_reference_lines()
    {
        var spec = new Spec(Shifting());
        Assert.That(spec.LayerNames, Is.EquivalentTo(new[] { "upper-limit", "lower-limit", "mean", "target", "england", "values", "points" }));
        Assert.Multiple(() =>
        {
            Assert.That((string?)spec.Layer("upper-limit")["mark"]!["interpolate"], Is.EqualTo("step"));
            Assert.That(spec.Layer("upper-limit")["mark"]!["strokeDash"], Is.Not.Null);
            Assert.That(spec.Layer("mean")["mark"]!["strokeDash"], Is.Null);
            Assert.That(spec.Layer("england")["mark"]!["strokeDash"], Is.Not.Null);
            Assert.That((decimal?)spec.Layer("target")["data"]!["values"]![0]!["value"], Is.EqualTo(85m));
            Assert.That((decimal?)spec.Layer("england")["data"]!["values"]![0]!["value"], Is.EqualTo(80m));
            Assert.That((string?)spec.Layer("values")["encoding"]!["x"]!["type"], Is.EqualTo("temporal"));
            Assert.That((string?)spec.Layer("values")["encoding"]!["y"]!["title"], Is.EqualTo("%"));
        });
    }

    /// <summary>The text mark of the reference label starting <paramref name="labelStart"/> ("Target", "England").</summary>
    private static JsonNode LabelMark(ChartSpec chart, string labelStart) => new Spec(chart).Root["layer"]!.AsArray()
        .Single(l => (string?)l!["mark"]?["type"] == "text"
            && ((string?)l!["data"]?["values"]?[0]?["label"])?.StartsWith(labelStart, StringComparison.Ordinal) == true)!["mark"]!;

    private static string? LabelBaseline(ChartSpec chart, string labelStart) => (string?)LabelMark(chart, labelStart)["baseline"];

    [Test]
    public void Target_label_goes_under_its_line_when_the_last_months_run_above_it()
    {
        // Steady runs 74-76 with limits 60-90: a target of 70 has the data above it and room beneath.
        var chart = SpcChart.Build(Title, Fixtures.Steady(8), IndicatorUnit.Percent, Polarity.HigherIsBetter, 70m, null);
        Assert.That(LabelBaseline(chart, "Target"), Is.EqualTo("top"));
    }

    [Test]
    public void Target_label_stays_over_its_line_when_the_last_months_are_below_it()
    {
        // ShiftingDown ends around 70, under a target of 85.
        Assert.That(LabelBaseline(Shifting(), "Target"), Is.EqualTo("bottom"));
    }

    [Test]
    public void A_label_is_never_pushed_under_the_lowest_line_onto_the_month_axis()
    {
        // A target on the lower limit is the lowest thing drawn: the data is above it, but in a chart 62px tall there is
        // no room for a line of text between it and the month axis.
        var chart = SpcChart.Build(Title, Fixtures.Steady(8), IndicatorUnit.Percent, Polarity.HigherIsBetter, 60m, null,
            new ChartOptions { Height = 62 });
        Assert.That(LabelBaseline(chart, "Target"), Is.EqualTo("bottom"));
    }

    [Test]
    public void Close_target_and_England_lines_take_their_labels_apart_so_neither_sits_on_the_other_line()
    {
        // Both 85 and 84.5 have ShiftingDown's months beneath them, which alone would put both labels over their lines,
        // England's onto the target line half a point above it.
        var chart = Shifting(target: 85m, england: 84.5m);
        Assert.Multiple(() =>
        {
            Assert.That(LabelBaseline(chart, "Target"), Is.EqualTo("bottom"));
            Assert.That(LabelBaseline(chart, "England"), Is.EqualTo("top"));
        });
    }

    [Test]
    public void Target_and_England_labels_sit_at_opposite_ends_so_close_figures_never_overlap()
    {
        var chart = Shifting(target: 85m, england: 84.5m);
        Assert.Multiple(() =>
        {
            Assert.That((string?)LabelMark(chart, "Target")["align"], Is.EqualTo("right"));
            Assert.That((string?)LabelMark(chart, "England")["align"], Is.EqualTo("left"));
        });
    }

    [TestCase(84.5, "bottom")]
    [TestCase(60, "top")]
    public void The_England_label_sits_on_the_side_of_its_line_away_from_the_first_months(decimal england, string baseline)
    {
        // The first five months are 76, 55, 78, 58 and 80: all under 84.5, mostly over 60.
        var label = LabelMark(Shifting(target: null, england: england), "England");
        Assert.That((string?)label["baseline"], Is.EqualTo(baseline));
        Assert.That((int?)label["dy"], Is.EqualTo(baseline == "top" ? 3 : -3));
    }

    [Test]
    public void Target_and_England_lines_are_absent_when_not_given()
    {
        var spec = new Spec(Shifting(target: null, england: null));
        Assert.That(spec.LayerNames, Does.Not.Contain("target").And.Not.Contain("england"));
    }

    [Test]
    public void Data_rows_carry_each_month_and_its_value_limits_and_meaning()
    {
        var spc = Fixtures.ShiftingDown();
        var rows = new Spec(Shifting()).Rows;
        Assert.That(rows, Has.Count.EqualTo(spc.Points.Count));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.That((string?)rows[i]["month"], Is.EqualTo(spc.Points[i].Month.ToString()));
            Assert.That(Spec.Number(rows[i], "value"), Is.EqualTo(spc.Points[i].Value));
            Assert.That(Spec.Number(rows[i], "upper"), Is.EqualTo(spc.Points[i].Upper));
            Assert.That(Spec.Number(rows[i], "lower"), Is.EqualTo(spc.Points[i].Lower));
        }
        Assert.That((string?)rows[1]["signal"], Is.EqualTo("Concern"));
        Assert.That((string?)rows[0]["signal"], Is.EqualTo("Usual variation"));
    }

    [Test]
    public void Special_causes_differ_in_shape_as_well_as_colour()
    {
        var points = new Spec(Shifting()).Layer("points")["encoding"]!;
        var colours = points["color"]!["scale"]!["range"]!.AsArray().Select(c => (string?)c).ToList();
        var shapes = points["shape"]!["scale"]!["range"]!.AsArray().Select(c => (string?)c).ToList();
        Assert.That(colours, Is.Unique);
        Assert.That(shapes, Is.Unique);
    }

    [Test]
    public void A_month_missing_between_others_is_a_gap_with_no_number()
    {
        var chart = SpcChart.Build(Title, Fixtures.Steady(6, gapInMonthThree: true), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        var spec = new Spec(chart);
        var june = spec.Rows.Single(r => (string?)r["month"] == "2024-06");
        Assert.Multiple(() =>
        {
            Assert.That(june.ContainsKey("value"), Is.False);
            Assert.That(june.ContainsKey("upper"), Is.False);
            Assert.That((string?)june["valueText"], Is.EqualTo("c"));
            Assert.That(spec.NullNumbers("value", "mean", "upper", "lower"), Is.Empty);
            Assert.That(chart.Table.Rows[2][1], Is.EqualTo("c"));
            Assert.That(chart.Description, Does.Contain("1 month without a value, shown as c"));
        });
    }

    [Test]
    public void Description_names_latest_value_target_England_mean_and_signals()
    {
        Assert.That(Shifting().Description, Is.EqualTo(
            "Child protection visits on time, monthly from April 2024 to September 2025. " +
            "Latest 71.2% in September 2025, below the target of 85.0% and the England figure of 80.0%. " +
            "The average is 75.0%; 2 months fall below the lower limit and the last 7 months are below the average; " +
            "verdict: getting worse; consistently below the target."));
    }

    [Test]
    public void Description_of_a_steady_process_says_there_is_no_signal()
    {
        var chart = SpcChart.Build(Title, Fixtures.Steady(), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        Assert.That(chart.Description, Does.Contain("no month is outside the limits and there is no run or steady rise or fall; verdict: no real change."));
        Assert.That(chart.Description, Does.Not.Contain("target"));
    }

    [Test]
    public void Description_warns_when_limits_rest_on_fewer_months_than_recommended()
    {
        var chart = SpcChart.Build(Title, Fixtures.Steady(6), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null);
        Assert.That(chart.Description, Does.Contain("fewer than 15 months"));
    }

    [Test]
    public void Table_rows_hold_the_same_numbers_as_the_chart()
    {
        var chart = Shifting();
        Assert.That(chart.Table.Headers, Is.EqualTo(new[] { "Month", "Value", "Average", "Lower limit", "Upper limit", "Limits from", "Variation" }));
        Assert.That(chart.Table.Rows[^1], Is.EqualTo(new[]
        {
            "September 2025", "71.2%", "75.0%", "60.0%", "90.0%", "April 2024", "Concern: 7 or more on one side of the average",
        }));
        Assert.That(chart.Table.Rows[1][6], Is.EqualTo("Concern: outside the limits"));
    }

    [Test]
    public void A_caller_format_controls_every_text()
    {
        var options = new ChartOptions { Format = v => v is null ? "[x]" : $"{v:0.00}" };
        var chart = SpcChart.Build(Title, Fixtures.Steady(6, gapInMonthThree: true), IndicatorUnit.Percent, Polarity.HigherIsBetter, null, null, options);
        Assert.That(chart.Table.Rows[2][1], Is.EqualTo("[x]"));
        Assert.That(chart.Table.Rows[0][1], Is.EqualTo("74.00"));
        Assert.That(chart.Description, Does.Contain("shown as [x]"));
    }

    [Test]
    public void A_measure_with_no_better_direction_shows_higher_or_lower_than_usual()
    {
        var chart = SpcChart.Build(Title, Fixtures.ShiftingDown(), IndicatorUnit.Count, Polarity.Neither, null, null);
        Assert.That((string?)new Spec(chart).Rows[1]["signal"], Is.EqualTo("Lower than usual"));
        Assert.That((string?)new Spec(chart).Layer("values")["encoding"]!["y"]!["title"], Is.EqualTo("Count"));
    }

    [Test]
    public void The_same_input_gives_identical_json()
    {
        var first = Shifting();
        var second = Shifting();
        Assert.That(second.Json, Is.EqualTo(first.Json));
        Assert.That(second.Description, Is.EqualTo(first.Description));
    }

    private static ChartSpec Phased() =>
        SpcChart.Build(Title, Fixtures.Phased(), IndicatorUnit.Percent, Polarity.HigherIsBetter, 85m, null);

    [Test]
    public void The_mean_and_limits_are_drawn_per_phase_so_one_phase_is_never_joined_to_the_next()
    {
        var spec = new Spec(Phased());
        foreach (var layer in new[] { "mean", "upper-limit", "lower-limit" })
        {
            Assert.That((string?)spec.Layer(layer)["encoding"]!["detail"]!["field"], Is.EqualTo("phase"), layer);
        }
        Assert.That(spec.Layer("values")["encoding"]!.AsObject().ContainsKey("detail"), Is.False, "the monthly values run on across phases");
        Assert.That(spec.Rows.Select(r => (int?)r["phase"]), Is.EqualTo(Enumerable.Repeat<int?>(0, 10).Concat(Enumerable.Repeat<int?>(1, 7)).Concat(Enumerable.Repeat<int?>(2, 3))));
        Assert.That(spec.Rows.Skip(17).All(r => !r.ContainsKey("upper") && !r.ContainsKey("lower")), Is.True, "no limits where a phase has too few months");
        Assert.That(Spec.Number(spec.Rows[9], "mean"), Is.EqualTo(60m));
        Assert.That(Spec.Number(spec.Rows[10], "mean"), Is.EqualTo(80m));
    }

    [Test]
    public void Each_new_phase_has_a_marked_boundary_half_way_between_months_with_its_label()
    {
        var spec = new Spec(Phased());
        var rules = spec.Layer("phase-boundaries");
        var boundaries = rules["data"]!["values"]!.AsArray();

        Assert.That((string?)rules["mark"]!["type"], Is.EqualTo("rule"));
        Assert.That(boundaries.Select(b => (string?)b!["date"]), Is.EqualTo(new[] { "2025-01-16", "2025-08-16" }), "between January and February 2025, and between August and September 2025");
        Assert.That((long?)boundaries[0]!["at"], Is.EqualTo(new DateTimeOffset(2025, 1, 16, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()), "a UTC time value");
        Assert.That(boundaries.Select(b => (string?)b!["label"]), Is.EqualTo(new[] { "Limits recalculated", "New locality teams" }));
        Assert.That((string?)spec.Layer("phase-labels")["data"]!["values"]![0]!["label"], Is.EqualTo("Limits recalculated"));
        Assert.That((string?)spec.Layer("phase-labels-2")["data"]!["values"]![0]!["label"], Is.EqualTo("New locality teams"),
            "close boundaries put their labels on two lines");
        Assert.That((int?)spec.Layer("phase-labels-2")["mark"]!["y"], Is.GreaterThan((int)spec.Layer("phase-labels")["mark"]!["y"]!));
    }

    [Test]
    public void A_single_phase_draws_no_boundary() =>
        Assert.That(new Spec(Shifting()).LayerNames, Has.None.StartsWith("phase-"));

    [Test]
    public void The_description_says_where_phases_start_and_why_and_judges_the_latest_phase()
    {
        Assert.That(Phased().Description, Is.EqualTo(
            "Child protection visits on time, monthly from April 2024 to November 2025. " +
            "Latest 89.0% in November 2025, above the target of 85.0%. " +
            "The limits were recalculated from February 2025, after a sustained rise (7 or more months above the earlier average); " +
            "and from September 2025, when the council recorded a change (New locality teams). " +
            "3 months since September 2025: too few to set limits, so too few months to judge yet; the average is 89.0%."));
    }

    [Test]
    public void The_table_says_which_months_each_month_s_limits_come_from()
    {
        var table = Phased().Table;

        Assert.That(table.Rows.Select(r => r[5]).Distinct(), Is.EqualTo(new[]
        {
            "April 2024", "February 2025 (Limits recalculated)", "September 2025 (too few months for limits)",
        }));
        Assert.That(table.Rows[^1][3], Is.Empty);
    }
}
