using Dashboard.Charts;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Tests.Pdf;

/// <summary>A printed chart's data table, read row by row as the chart's accessible name.</summary>
public sealed class ChartAlternativeTests
{
    private static readonly DataTable Table = new("Visits: monthly values with the average and limits",
        ["Month", "Value", "Average"], [["March 2026", "81.0%", "79.5%"], ["April 2026", "c", "79.5%"]]);

    [Test]
    public void The_text_is_the_caption_then_each_row_with_its_column_names()
    {
        Assert.That(ChartAlternative.Text(Table), Is.EqualTo(
            "Visits: monthly values with the average and limits. March 2026: value 81.0%, average 79.5%; April 2026: value c, average 79.5%."));
    }

    [Test]
    public void The_svg_is_an_image_named_by_its_numbers_instead_of_hidden_from_assistive_technology()
    {
        var drawing = new ChartDrawing("visits", () => new ScottPlot.Plot(), 100, 60);
        var chart = new ChartSpec("visits", "Visits", "Visits rose.", Table with { Caption = "Visits \"seen\" & <alone>" }, drawing);
        var svg = ChartAlternative.LabelledSvg(chart);
        Assert.That(svg, Does.Not.Contain("aria-hidden"));
        Assert.That(svg, Does.StartWith("<svg ").And.Contain(" role=\"img\" ")
            .And.Contain("aria-label=\"Visits &quot;seen&quot; &amp; &lt;alone&gt;. March 2026: value 81.0%"));
    }
}
