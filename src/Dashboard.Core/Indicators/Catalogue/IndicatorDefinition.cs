using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue;

/// <summary>
/// Everything that explains an indicator, in one place: the docs page (docs/indicators.md), the dashboard
/// and the packs all read it. Wording is for a councillor: plain English, no codes without a meaning.
/// </summary>
public sealed record IndicatorDefinition
{
    /// <summary>Stable id, for example SEEN-01. Never reused for a different measure.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Theme Theme { get; init; }

    /// <summary>One paragraph: what is counted, over what period, and the edge rules (working-day convention included).</summary>
    public required string Definition { get; init; }

    public required string Numerator { get; init; }

    public required string Denominator { get; init; }

    public required Polarity Polarity { get; init; }

    public required IndicatorUnit Unit { get; init; }

    public required PeriodKind Period { get; init; }

    /// <summary>The local standard the rule depends on, in words, or null when it depends on none.</summary>
    public string? LocalStandard { get; init; }

    /// <summary>The settings (by their name in the settings file) the rule reads.</summary>
    public IReadOnlyList<string> StandardSettings { get; init; } = [];

    /// <summary>The target a council starts with (in <see cref="Unit"/>); a setting. Null: no target (context measures).</summary>
    public decimal? DefaultTarget { get; init; }

    public EnglandComparator? England { get; init; }

    /// <summary>The sources the rule reads; when any is absent from the extract the indicator is "not available".</summary>
    public required IReadOnlyList<DataSource> Sources { get; init; }

    /// <summary>What one exception row means (for a manager acting on the list), or null when there are none.</summary>
    public string? ExceptionRows { get; init; }

    /// <summary>True when an exception row says what went wrong ("Police invited, did not attend", a team "higher than
    /// the council, outside its 99.8% limits") rather than naming an action that was due.</summary>
    public bool ExceptionRowsSayWhatHappened { get; init; }

    /// <summary>The heading over an exception row's words, the same on the page, in the packs and at the command line.</summary>
    public string ExceptionWordsHeading => ExceptionRowsSayWhatHappened ? "What happened" : "What was due";

    /// <summary>Named breakdowns reported beside the headline (for example per agency).</summary>
    public IReadOnlyList<string> Series { get; init; } = [];

    /// <summary>True when the source holds only the latest status, so only the latest month can be measured.</summary>
    public bool LatestMonthOnly { get; init; }

    /// <summary>Anything a reader should know before comparing (for example how the England figure was derived).</summary>
    public string? Caveat { get; init; }
}

/// <summary>A published England figure with its period and source, shown beside ours on screen and on paper.</summary>
public sealed record EnglandComparator(decimal Value, string Period, string Source, bool Derived = false, string? Note = null)
{
    /// <summary>"22.6% (year ending 31 March 2025; DfE, Characteristics of children in need 2024-25)".</summary>
    public string Describe(IndicatorUnit unit) =>
        $"{(Derived ? "about " : "")}{IndicatorValue.Format(unit, Value)} ({Period}; {Source}{(Note is null ? "" : "; " + Note)})";
}

/// <summary>Which way is better. A "neither" measure is context: no failures, no target.</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    Neither,
}

public enum IndicatorUnit
{
    /// <summary>Numerator as a percentage of the denominator.</summary>
    Percent,
    /// <summary>The numerator itself (the denominator is context, for example open assessments).</summary>
    Count,
    /// <summary>Numerator divided by denominator (for example children per worker).</summary>
    Average,
}

/// <summary>Which rows a month's figure is built from.</summary>
public enum PeriodKind
{
    /// <summary>Events dated within the month.</summary>
    InMonth,
    /// <summary>The position on the month's last day.</summary>
    AsAt,
    /// <summary>Due dates falling within the month.</summary>
    DueInMonth,
    /// <summary>The twelve months ending on the month's last day.</summary>
    Rolling12Months,
}

/// <summary>The Ofsted themes indicators evidence, from what inspection letters judge.</summary>
public enum Theme
{
    Front,
    Risk,
    Seen,
    Plans,
    Partners,
    Oversight,
    Workforce,
    Care,
}

public static class ThemeText
{
    public static string Code(this Theme theme) => theme.ToString().ToUpperInvariant();

    public static string Describe(this Theme theme) => theme switch
    {
        Theme.Front => "Right help at the right time; thresholds applied consistently",
        Theme.Risk => "Risk identified, assessed and understood in time",
        Theme.Seen => "Children seen, and seen alone, often enough",
        Theme.Plans => "Plans and reviews up to date",
        Theme.Partners => "Multi-agency working",
        Theme.Oversight => "Management oversight and decisions",
        Theme.Workforce => "Stable relationships, manageable caseloads",
        Theme.Care => "Children in care and care leavers",
        _ => throw new ArgumentOutOfRangeException(nameof(theme), theme, null),
    };
}
