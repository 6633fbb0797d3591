using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts;

/// <summary>What a caller may change about every chart. The defaults suit the dashboard.</summary>
public sealed record ChartOptions
{
    public static readonly ChartOptions Default = new();

    /// <summary>Shown in the description, table, labels and tooltips for a value that is null (suppressed or
    /// missing). "c" is the ONS and DfE mark for a value withheld to protect confidentiality.</summary>
    public string Missing { get; init; } = "c";

    /// <summary>Formats a value in the chart's unit (percentages 0 to 100) for people to read, null included.
    /// Null: <see cref="IndicatorValue.Format"/> for numbers and <see cref="Missing"/> for null.</summary>
    public Func<decimal?, string>? Format { get; init; }

    /// <summary>The plot width in pixels; null: "container", the width of the element the chart is drawn in
    /// (give the print element a width too). Small multiples and sparklines always use fixed sizes.</summary>
    public int? Width { get; init; }

    /// <summary>The plot height in pixels; null: the chart's own default.</summary>
    public int? Height { get; init; }

    /// <summary>The y axis title (or x, for bars); null: "%", "Count" or "Average" from the unit.</summary>
    public string? ValueTitle { get; init; }

    /// <summary>The text for a value: the caller's <see cref="Format"/>, else IndicatorValue's.</summary>
    public string Text(IndicatorUnit unit, decimal? value) =>
        Format is not null ? Format(value) : value is null ? Missing : IndicatorValue.Format(unit, value);

    public string AxisTitle(IndicatorUnit unit) => ValueTitle ?? unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Count => "Count",
        IndicatorUnit.Average => "Average",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
