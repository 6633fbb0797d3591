using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>One row of the "Children to follow up" list as a person reads it (child, team, what was due).</summary>
public sealed record FollowUpRow(string Child, string Team, string Worker, string What)
{
    /// <summary>"12 working days" as the browser shows it; not part of the comparison with the CSV (which splits it in two).</summary>
    public string Overdue { get; init; } = "";

    public bool Equals(FollowUpRow? other) =>
        other is not null && Child == other.Child && Team == other.Team && Worker == other.Worker && What == other.What;

    public override int GetHashCode() => HashCode.Combine(Child, Team, Worker, What);
}

/// <summary>Reads the follow-up list's rows and links out of an indicator page, and the rows out of its CSV.</summary>
public static partial class FollowUpListHtml
{
    public static IReadOnlyList<FollowUpRow> Rows(string html) =>
        [.. Row().Matches(html).Select(m => new FollowUpRow(
            m.Groups["child"].Success ? Decode(m.Groups["child"].Value) : "(no child)", Decode(m.Groups["team"].Value), Decode(m.Groups["worker"].Value), Decode(m.Groups["what"].Value)))];

    /// <summary>"123 rows" from "Download CSV (123 rows; ...".</summary>
    public static int Total(string html) => int.Parse(CsvCount().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public static string CsvLink(string html) => Decode(CsvHref().Match(html).Groups[1].Value);

    /// <summary>The href of the list's link with this text (a column header, Next, Previous).</summary>
    public static string? Link(string html, string text)
    {
        var m = Regex.Match(html, "<a href=\"([^\"]+)\"[^>]*>" + Regex.Escape(text) + "</a>");
        return m.Success ? Decode(m.Groups[1].Value) : null;
    }

    /// <summary>The CSV's data rows (header left out), as the list shows them.</summary>
    public static IReadOnlyList<FollowUpRow> CsvRows(string csv)
    {
        var lines = Parse(csv.TrimStart('\uFEFF'));
        Assert.That(lines[0][0], Is.EqualTo("Person id"));
        return [.. lines.Skip(1).Select(c => new FollowUpRow(c[0].Length == 0 ? "(no child)" : c[0], c[1], c[3].Length == 0 ? c[2].Length == 0 ? "unallocated" : c[2] : c[3], c[4]))];
    }

    private static List<string[]> Parse(string csv)
    {
        var lines = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                cells.Add(cell.ToString()); cell.Clear();
                lines.Add([.. cells]); cells.Clear();
                i++;
            }
            else cell.Append(ch);
        }
        return lines;
    }

    private static string Decode(string text) => WebUtility.HtmlDecode(text);

    [GeneratedRegex("<tr>\\s*<td>(?:<a href=\"/children/[^\"]*\">(?<child>[^<]*)</a>|<span>\\(no child\\)</span>)</td>\\s*<td>(?<team>[^<]*)</td>\\s*<td>(?<worker>[^<]*)</td>\\s*<td>(?<what>[^<]*)</td>")]
    private static partial Regex Row();

    [GeneratedRegex("Download CSV</a> \\(([0-9]+) rows?;")]
    private static partial Regex CsvCount();

    [GeneratedRegex("<a href=\"([^\"]+/exceptions\\.csv[^\"]*)\"")]
    private static partial Regex CsvHref();
}
