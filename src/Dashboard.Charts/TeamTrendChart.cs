using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using ScottPlot;

namespace Dashboard.Charts;

/// <summary>
/// Teams' monthly values over the latest <see cref="MaxMonths"/> months. Up to <see cref="MaxLines"/> teams
/// share one chart, each with its own colour and point shape; more than that become small multiples, three to
/// a row, because a tangle of nine lines reads worse than nine small charts. Teams are in name order; a month
/// without a value (suppressed or missing) leaves a gap. A team with no value in any month is not drawn (an empty
/// panel says nothing); the description says how many and why ("4 teams hidden: small numbers"). A team that had no
/// such cases at all in the months charted (an assessment team on child protection visits) is not drawn either, and
/// the description names it apart ("2 teams have no such cases: ..."): a zero is no small number, and hides nothing.
/// </summary>
public static class TeamTrendChart
{
    public const int MaxMonths = 24;
    /// <summary>More lines than this on one chart tangle (eight teams on one read as noise): small multiples instead.</summary>
    public const int MaxLines = 5;
    public const int Columns = 3;
    public const int DefaultHeight = 340;

    /// <summary>Colours of at least 3:1 on white that differ in lightness too, each paired with a marker shape and a line
    /// pattern, so no line depends on colour alone (in greyscale or for a colour-blind reader).</summary>
    private static readonly Color[] Colours =
        [Color.FromHex("#1D70B8"), Color.FromHex("#C25400"), Color.FromHex("#0B0C0C"), Color.FromHex("#912B88"), Color.FromHex("#00703C")];

    private static readonly (MarkerShape Shape, LinePattern Pattern)[] Marks =
    [
        (MarkerShape.FilledCircle, LinePattern.Solid), (MarkerShape.FilledSquare, LinePattern.Dashed), (MarkerShape.FilledDiamond, LinePattern.Solid),
        (MarkerShape.FilledTriangleUp, LinePattern.Dotted), (MarkerShape.OpenCircle, LinePattern.DenselyDashed),
    ];

    /// <summary>Why a councillor's team has no value in any month.</summary>
    public const string SuppressedReason = "small numbers";

    /// <summary>Why a team with exact figures has no value in any month.</summary>
    public const string NoValueReason = "no value in these months";

    /// <param name="emptyReason">Why a team with no value in any month has none, for the description: <see cref="SuppressedReason"/>
    /// for a councillor, <see cref="NoValueReason"/> otherwise.</param>
    /// <param name="withoutCases">Teams that had no such cases in any month charted: not drawn, and named in the description.</param>
    public static ChartSpec Build(string title, IReadOnlyList<(string Team, Month Month, decimal? Value)> series, IndicatorUnit unit,
        decimal? target, ChartOptions? options = null, string emptyReason = NoValueReason, IReadOnlyCollection<string>? withoutCases = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(series);
        options ??= ChartOptions.Default;
        var months = Window(series);
        var values = series.Where(s => s.Value is not null && months.Contains(s.Month)).GroupBy(s => (s.Team, s.Month)).ToDictionary(g => g.Key, g => g.Last().Value);
        decimal? At(string team, Month month) => values.GetValueOrDefault((team, month));
        var none = (withoutCases ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        var all = series.Select(s => s.Team).Distinct().Where(t => !none.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var teams = all.Where(t => months.Any(m => At(t, m) is not null)).ToList();
        var hidden = all.Count - teams.Count;

        var description = Describe(title, teams, months, At, unit, target, options)
            + (hidden == 0 ? "" : $" {ChartStyle.Count(hidden, "team", "teams")} hidden: {emptyReason}.")
            + (none.Count == 0 ? "" : $" {ChartStyle.Count(none.Count, "team has", "teams have")} no such cases in these months: {Names(none)}.");
        var table = new DataTable($"{title}: monthly values by team", ["Month", .. teams],
            months.Select(m => (IReadOnlyList<string>)[ChartStyle.Long(m), .. teams.Select(t => options.Text(unit, At(t, m)))]).ToList());

        var id = "teams-" + ChartStyle.Slug(title);
        var axisTitle = options.AxisTitle(unit);
        var (lo, hi) = ChartStyle.Domain(values.Values.OfType<decimal>().Concat(new[] { target }.OfType<decimal>()), unit);
        decimal?[] Series(string team) => months.Select(m => At(team, m)).ToArray();
        ChartDrawing drawing;
        if (teams.Count <= MaxLines)
        {
            var width = options.Width ?? DefaultWidth;
            var height = options.Height ?? DefaultHeight;
            var lines = teams.Select(t => (t, Series(t))).ToList();
            var targetText = target is { } tt ? $"Target {options.Text(unit, tt)}" : null;
            drawing = new ChartDrawing(id, () => DrawLines(lines, months, unit, lo, hi, target, targetText, axisTitle, width, height), width, height);
        }
        else
        {
            // Small multiples: the same value axis in every panel, so panels compare at a glance.
            var panelWidth = (options.Width ?? DefaultWidth) / Columns;
            var panelHeight = options.Height ?? PanelHeight;
            drawing = new ChartDrawing(id, teams.Select(t => (Func<Plot>)(() => DrawPanel(t, Series(t), months, unit, lo, hi, target, panelWidth))).ToList(),
                Columns, panelWidth, panelHeight);
        }
        return new ChartSpec(id, title, description, table, drawing);
    }

    public const int DefaultWidth = 720;

    /// <summary>Each small multiple's height in pixels.</summary>
    public const int PanelHeight = 190;

    private static Plot DrawLines(List<(string Team, decimal?[] Values)> lines, List<Month> months, IndicatorUnit unit, decimal lo, decimal hi,
        decimal? target, string? targetText, string axisTitle, int width, int height)
    {
        var plot = ChartStyle.NewPlot();
        var (yLo, yHi) = ChartStyle.ValueTicks(plot.Axes.Left, lo, hi, unit);
        plot.YLabel(axisTitle);
        ChartStyle.MonthTicks(plot.Axes.Bottom, months, width - ChartStyle.AxisAllowance);
        var xHi = Math.Max(1, months.Count) - 0.5;
        plot.Axes.SetLimits(-0.5, xHi, yLo - ChartStyle.MarkerRoom(yLo, yHi), yHi + ChartStyle.MarkerRoom(yLo, yHi));
        if (target is { } t) plot.Add.HorizontalLine((double)t, 1.5f, ChartStyle.Text, LinePattern.Dashed);
        var legend = new List<LegendItem>();
        // Every team's line first, then every team's markers (on top of all the lines). ScottPlot carries a dashed
        // line's pattern over to the filled markers drawn next, which SkiaSharp's SVG writer then reports on standard
        // error once a marker ("Unsupported path effect in addPaint"); a solid stroke in between clears it.
        for (var k = 0; k < lines.Count; k++)
        {
            var (_, values) = lines[k];
            foreach (var (xs, ys) in ChartStyle.Runs(values)) ChartStyle.Line(plot, xs, ys, Colours[k % Colours.Length], 1.75f, Marks[k % Marks.Length].Pattern);
        }
        ChartStyle.ClearLinePattern(plot);
        for (var k = 0; k < lines.Count; k++)
        {
            var (team, values) = lines[k];
            var colour = Colours[k % Colours.Length];
            var (shape, pattern) = Marks[k % Marks.Length];
            var shown = values.Select((v, i) => (v, i)).Where(x => x.v is not null).ToList();
            plot.Add.Markers(shown.Select(x => (double)x.i).ToArray(), shown.Select(x => (double)x.v!.Value).ToArray(), shape, 8, colour);
            legend.Add(ChartStyle.LegendEntry(team, colour, shape, pattern));
        }
        ChartStyle.LegendBelow(plot, legend);
        if (target is { } tv && targetText is not null)
        {
            var area = ChartLayout.DataArea(plot, width, height);
            var latest = Enumerable.Range(0, months.Count).Select(i => lines.Select(l => l.Values[i]).OfType<decimal>().DefaultIfEmpty().Max()).Select(v => (decimal?)v).ToList();
            var below = RollingLineChart.TargetLabelBelow(latest, tv, (decimal)yLo, (decimal)yHi, area.Height);
            ChartStyle.Label(plot, targetText, xHi, (double)tv, below ? Alignment.UpperRight : Alignment.LowerRight, -3, below ? 3 : -3);
        }
        return plot;
    }

    private static Plot DrawPanel(string team, decimal?[] values, List<Month> months, IndicatorUnit unit, decimal lo, decimal hi, decimal? target,
        int width)
    {
        var plot = ChartStyle.NewPlot();
        plot.Axes.Title.Label.Text = team.Length > 30 ? team[..29].TrimEnd() + "\u2026" : team;
        plot.Axes.Title.Label.FontName = ChartStyle.FontName;
        plot.Axes.Title.Label.FontSize = ChartStyle.FontSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = ChartStyle.Text;
        var (yLo, yHi) = ChartStyle.ValueTicks(plot.Axes.Left, lo, hi, unit, maxTicks: 4);
        ChartStyle.MonthTicks(plot.Axes.Bottom, months, width - ChartStyle.AxisAllowance + 20);
        plot.Axes.SetLimits(-0.5, Math.Max(1, months.Count) - 0.5, yLo - ChartStyle.MarkerRoom(yLo, yHi), yHi + ChartStyle.MarkerRoom(yLo, yHi));
        if (target is { } t) plot.Add.HorizontalLine((double)t, 1.25f, ChartStyle.Text, LinePattern.Dashed);
        foreach (var (xs, ys) in ChartStyle.Runs(values)) ChartStyle.Line(plot, xs, ys, ChartStyle.Ink, 1.75f);
        ChartStyle.ClearLinePattern(plot);
        var shown = values.Select((v, i) => (v, i)).Where(x => x.v is not null).ToList();
        plot.Add.Markers(shown.Select(x => (double)x.i).ToArray(), shown.Select(x => (double)x.v!.Value).ToArray(), MarkerShape.FilledCircle, 5, ChartStyle.Ink);
        return plot;
    }

    /// <summary>"A, B and C"; beyond four names, "A, B, C, D and 3 more".</summary>
    private static string Names(List<string> names)
    {
        const int shown = 4;
        if (names.Count == 1) return names[0];
        if (names.Count <= shown) return $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return $"{string.Join(", ", names.Take(shown))} and {names.Count - shown} more";
    }

    /// <summary>Every month of the latest <see cref="MaxMonths"/> up to the last month in the series.</summary>
    private static List<Month> Window(IReadOnlyList<(string Team, Month Month, decimal? Value)> series)
    {
        if (series.Count == 0) return [];
        var last = series.Max(s => s.Month);
        var first = series.Min(s => s.Month);
        var earliest = last.AddMonths(1 - MaxMonths);
        return Month.Range(first > earliest ? first : earliest, last).ToList();
    }

    private static string Describe(string title, List<string> teams, List<Month> months, Func<string, Month, decimal?> at, IndicatorUnit unit,
        decimal? target, ChartOptions options)
    {
        if (months.Count == 0) return $"{title}: no team has a value.";
        var span = $"{title} for {ChartStyle.Count(teams.Count, "team", "teams")}, monthly from {ChartStyle.Long(months[0])} to {ChartStyle.Long(months[^1])}.";
        var last = months[^1];
        var latest = teams.Where(t => at(t, last) is not null).Select(t => (Team: t, Value: at(t, last)!.Value))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Team, StringComparer.Ordinal).ToList();
        var detail = latest.Count switch
        {
            0 => $"No team has a value in {ChartStyle.Long(last)}",
            1 => $"In {ChartStyle.Long(last)} only {latest[0].Team} has a value, {options.Text(unit, latest[0].Value)}",
            _ => $"In {ChartStyle.Long(last)} the highest is {latest[0].Team} at {options.Text(unit, latest[0].Value)} and the lowest "
                 + $"{latest[^1].Team} at {options.Text(unit, latest[^1].Value)}",
        };
        if (target is { } t && latest.Count > 0)
        {
            detail += $"; {latest.Count(x => x.Value >= t)} of the {ChartStyle.Count(latest.Count, "team", "teams")} with a value are at or above the target of {options.Text(unit, t)}";
        }
        var hidden = teams.Sum(team => months.Count(m => at(team, m) is null));
        var gaps = hidden == 0 ? "" : $" {ChartStyle.Count(hidden, "team-month has", "team-months have")} no value, shown as {options.Text(unit, null)}.";
        return $"{span} {detail}.{gaps}";
    }
}
