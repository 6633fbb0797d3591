using Dashboard.Data.Indicators;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Services.Indicators;

namespace Dashboard.Web.Tests.Indicators;

public sealed class ExceptionCsvTests
{
    [TestCase("=SUM(A1)", "'=SUM(A1)")]
    [TestCase("+44 1234", "'+44 1234")]
    [TestCase("-2", "'-2")]
    [TestCase("@cmd", "'@cmd")]
    [TestCase("\tx", "'\tx")]
    [TestCase("plain", "plain")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("\rx", "\"'\rx\"")]
    public void Cells_that_a_spreadsheet_would_run_are_neutralised(string value, string expected) =>
        Assert.That(ExceptionCsv.Cell(value), Is.EqualTo(expected));

    [Test]
    public void A_row_is_written_with_its_dates_and_a_neutralised_worker_name()
    {
        var row = new StoredExceptionRow("SEEN-01", null, "2026-03", new DateOnly(2026, 3, 2), "P001", "V1", "T1", "Team one",
            "W1", "=HYPERLINK(\"x\")", "SA01", "Visit", new DateOnly(2026, 3, 1), 4, "working days");
        var csv = ExceptionCsv.Write([row]);
        var lines = csv.Split("\r\n");
        Assert.That(lines[1], Is.EqualTo("P001,Team one,W1,\"'=HYPERLINK(\"\"x\"\")\",Visit,2026-03-01,4,working days,2026-03-02,V1"));
    }

    [Test]
    public void Links_leave_out_empty_parameters_and_escape_values() =>
        Assert.That(QueryLinks.With("/x", ("period", "2026-03"), ("team", null), ("q", "a b&c")), Is.EqualTo("/x?period=2026-03&q=a%20b%26c"));

    [TestCase(null, null)]
    [TestCase("  ", null)]
    [TestCase("P0", "%P0%")]
    [TestCase("50%_", "%50\\%\\_%")]
    public void Search_text_is_matched_literally(string? search, string? pattern) =>
        Assert.That(ScopeSeriesQueries.LikePattern(search), Is.EqualTo(pattern));
}
