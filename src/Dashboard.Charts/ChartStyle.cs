using System.Globalization;
using System.Text;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using ScottPlot;

namespace Dashboard.Charts;

/// <summary>
/// What every chart shares: a white ScottPlot plot with DejaVu Sans text of at least 12 px in GOV.UK black (19.6:1 on
/// white), axis lines in dark grey (7.1:1), light grid lines, no frame on the top and right; colours of at least 3:1
/// on white that stay apart in greyscale and for colour-blind readers, always paired with a marker shape or line
/// pattern; and the words every builder uses (months, counts, slugs).
/// </summary>
internal static class ChartStyle
{
    /// <summary>Debian's fonts-dejavu-core (installed by .ci/setup.sh). ScottPlot's own default is a serif.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Tick labels, axis titles, legend and annotations: 11 px is the least the brief allows; 12 reads better on A4.</summary>
    public const float FontSize = 12;

    public static readonly Color Text = Color.FromHex("#0B0C0C");

    /// <summary>GOV.UK dark grey: 7.1:1 on white, for axis lines and reference lines.</summary>
    public static readonly Color Ink = Color.FromHex("#505A5F");

    /// <summary>GOV.UK secondary grey: 4.6:1 on white, for common-cause points and ordinary marks.</summary>
    public static readonly Color Grey = Color.FromHex("#6F777B");

    public static readonly Color GridLine = Color.FromHex("#E5E6E7");

    public static readonly Color Blue = Color.FromHex("#1D70B8");

    /// <summary>A darker orange than Making Data Count's, so the marks keep 4.6:1 on white.</summary>
    public static readonly Color Orange = Color.FromHex("#C25400");

    public static readonly Color Purple = Color.FromHex("#4C2C92");

    public static readonly Color Green = Color.FromHex("#00703C");

    static ChartStyle()
    {
        // Every plot and label reads the default when it is made, so it is set before the first plot.
        Fonts.Default = FontName;
    }

    /// <summary>A plot with the shared look. Axes are drawn by the caller (ticks are always set by hand).</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = GridLine;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        foreach (var axis in new[] { (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom, (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left })
        {
            axis.TickLabelStyle.FontName = FontName;
            axis.TickLabelStyle.FontSize = FontSize;
            axis.TickLabelStyle.ForeColor = Text;
            axis.LabelFontName = FontName;
            axis.LabelFontSize = FontSize;
            axis.LabelBold = false;
            axis.LabelFontColor = Text;
            axis.MinorTickStyle.Length = 0;
        }
        // Room right of the data for half of the last month label, which is centred on its tick.
        plot.Axes.Right.MinimumSize = 34;
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = FontSize;
        plot.Legend.FontColor = Text;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        plot.Legend.SymbolWidth = 28;
        return plot;
    }

    /// <summary>A label at <paramref name="x"/>, <paramref name="y"/> in data units, nudged by pixels.</summary>
    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, Alignment alignment, float dx = 0, float dy = 0,
        Color? colour = null, float size = FontSize)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = FontName;
        label.LabelFontSize = size;
        label.LabelFontColor = colour ?? Text;
        label.LabelAlignment = alignment;
        label.OffsetX = dx;
        label.OffsetY = dy;
        return label;
    }

    /// <summary>Puts the value axis ticks on <paramref name="axis"/> (whole numbers only for counts) and returns the nice domain.</summary>
    public static (double Lower, double Upper) ValueTicks(ScottPlot.IAxis axis, decimal lower, decimal upper, IndicatorUnit unit, int maxTicks = 6)
    {
        var (lo, hi, step) = NiceTicks((double)lower, (double)upper, maxTicks, wholeNumbers: unit == IndicatorUnit.Count);
        if (unit == IndicatorUnit.Percent) (lo, hi) = (Math.Max(lo, 0), Math.Min(hi, 100));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var decimals = step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - 1e-9);
        for (var v = lo; v <= hi + step / 1000; v += step)
        {
            ticks.AddMajor(v, Math.Round(v, decimals).ToString("N" + decimals, CultureInfo.InvariantCulture));
        }
        axis.TickGenerator = ticks;
        return (lo, hi);
    }

    /// <summary>A little room past the value axis's first and last ticks, so a marker on 0% or 100% is drawn whole
    /// instead of cut in half by the plot's edge (the ticks themselves stay where they were).</summary>
    public static double MarkerRoom(double lower, double upper) => (upper - lower) * 0.03;

    /// <summary>Round limits around <paramref name="lower"/>..<paramref name="upper"/> on a 1, 2 or 5 step with at most
    /// <paramref name="maxTicks"/> ticks; a step of at least 1 for whole numbers, so a count never ticks at 0.2.</summary>
    public static (double Lower, double Upper, double Step) NiceTicks(double lower, double upper, int maxTicks, bool wholeNumbers)
    {
        if (!(upper > lower)) upper = lower + 1;
        var raw = (upper - lower) / Math.Max(1, maxTicks - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = NiceSteps.Select(m => m * magnitude).First(s => s >= raw - 1e-12);
        if (wholeNumbers) step = Math.Max(1, Math.Ceiling(step));
        var lo = Math.Floor(lower / step + 1e-9) * step;
        var hi = Math.Ceiling(upper / step - 1e-9) * step;
        return (lo, hi, step);
    }

    /// <summary>
    /// Month ticks along x, where month i of <paramref name="months"/> sits at x = i: every month, or every 2, 3, 6 or
    /// 12 (on January, April, July and October for 3; January and July for 6; January for 12), whichever is the
    /// smallest step that leaves each "Sep 2026" label at least <see cref="MonthLabelPixels"/> of room on a data area
    /// <paramref name="dataWidth"/> pixels wide, so month labels never run into each other.
    /// </summary>
    public static void MonthTicks(ScottPlot.IAxis axis, IReadOnlyList<Month> months, double dataWidth)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        if (months.Count > 0)
        {
            var perMonth = dataWidth / Math.Max(1, months.Count);
            var step = MonthSteps.First(s => s * perMonth >= MonthLabelPixels || s == 24);
            for (var i = 0; i < months.Count; i++)
            {
                var index = months[i].Year * 12 + months[i].Number - 1;
                if (index % step == 0 || (step == 1)) ticks.AddMajor(i, Short(months[i]));
            }
        }
        axis.TickGenerator = ticks;
    }

    private static readonly double[] NiceSteps = [1, 2, 2.5, 5, 10];

    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12, 24];

    /// <summary>Room for one month label ("Sep 2026" is about 56 px in 12 px DejaVu Sans) and a clear gap.</summary>
    public const double MonthLabelPixels = 80;

    /// <summary>About how many pixels the axes and margins take from a plot's width, to estimate the data area.</summary>
    public const double AxisAllowance = 90;

    /// <summary>A value axis domain holding every value with some room, within 0-100 for percentages and from 0 for counts.</summary>
    public static (decimal Lower, decimal Upper) Domain(IEnumerable<decimal> values, IndicatorUnit unit, bool fromZero = false)
    {
        var list = values.ToList();
        if (list.Count == 0) return (0, unit == IndicatorUnit.Percent ? 100 : 1);
        decimal lo = list.Min(), hi = list.Max();
        var pad = Math.Max((hi - lo) * 0.08m, unit == IndicatorUnit.Percent ? 2m : Math.Max(Math.Abs(hi) * 0.05m, 0.5m));
        lo = fromZero || unit != IndicatorUnit.Average && lo - pad < 0 ? 0 : lo - pad;
        hi += pad;
        if (unit == IndicatorUnit.Percent) hi = Math.Min(hi, 100);
        return (Math.Round(lo, 4), Math.Round(hi, 4));
    }

    /// <summary>Runs of consecutive non-null values, so a line breaks at a month nobody may see and never bridges it.</summary>
    public static IEnumerable<(double[] Xs, double[] Ys)> Runs(IReadOnlyList<decimal?> values)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i <= values.Count; i++)
        {
            if (i < values.Count && values[i] is { } v)
            {
                xs.Add(i);
                ys.Add((double)v);
                continue;
            }
            if (xs.Count > 0) yield return (xs.ToArray(), ys.ToArray());
            xs.Clear();
            ys.Clear();
        }
    }

    /// <summary>A line through one run of values, without markers.</summary>
    public static void Line(Plot plot, double[] xs, double[] ys, Color colour, float width, LinePattern? pattern = null)
    {
        var line = plot.Add.ScatterLine(xs, ys, colour);
        line.LineWidth = width;
        line.LinePattern = pattern ?? LinePattern.Solid;
        line.MarkerSize = 0;
    }

    /// <summary>
    /// A solid stroke of no length (nothing shows), so the markers added after a dashed or dotted line are drawn without
    /// its dash pattern: ScottPlot leaves the pattern on the paint it shares, and SkiaSharp's SVG writer reports each
    /// filled shape drawn with one on standard error, which would fill a server's journal.
    /// </summary>
    public static void ClearLinePattern(Plot plot) => Line(plot, [0, 0], [0, 0], Ink, 1f, LinePattern.Solid);

    /// <summary>A legend item drawn by hand (ScottPlot's own would list every segment of a broken line). A marker beside a
    /// dashed or dotted line is drawn by <see cref="PlainMarker"/>, so no dash effect reaches SkiaSharp's SVG writer.</summary>
    public static LegendItem LegendEntry(string text, Color colour, MarkerShape marker, LinePattern? line = null)
    {
        var item = NewLegendEntry(text, colour, marker, line);
        if (marker != MarkerShape.None && line is { } pattern && !pattern.Equals(LinePattern.Solid)) item.MarkerStyle.CustomRenderer = PlainMarker.Instance;
        return item;
    }

    private static LegendItem NewLegendEntry(string text, Color colour, MarkerShape marker, LinePattern? line) => new()
    {
        LabelText = text,
        LabelFontName = FontName,
        LabelFontSize = FontSize,
        LabelFontColor = Text,
        MarkerShape = marker,
        MarkerFillColor = colour,
        MarkerLineColor = colour,
        MarkerSize = marker == MarkerShape.None ? 0 : 8,
        LineColor = colour,
        LineWidth = line is null ? 0 : 1.5f,
        LinePattern = line ?? LinePattern.Solid,
    };

    /// <summary>Shows <paramref name="items"/> in one or more rows under the plot, outside the data.</summary>
    public static void LegendBelow(Plot plot, IEnumerable<LegendItem> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        plot.Legend.ManualItems.AddRange(list);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>"Sep 2026".</summary>
    public static string Short(Month month) => month.First.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"March 2026".</summary>
    public static string Long(Month month) => month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Lower case letters and digits joined by single hyphens: "spc-child-protection-visits".</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>"1 month", "3 months".</summary>
    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
