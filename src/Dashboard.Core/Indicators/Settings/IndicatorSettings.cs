using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Settings;

/// <summary>
/// A council's local settings: the visit and oversight standards its procedures set, its targets, and
/// the small-number suppression threshold. The defaults (<see cref="Default"/>) are the common standards
/// named in DOMAIN.md and the catalogue's default targets; reports/settings/indicator-defaults.json documents
/// them and is generated from this type. A council overrides any of them in its own file
/// (<see cref="IndicatorSettingsFile"/>); <see cref="Validate"/> refuses a bad value at start-up.
/// </summary>
public sealed record IndicatorSettings
{
    /// <summary>Shown on every screen and pack.</summary>
    public string CouncilName { get; init; } = "Your council";

    /// <summary>Children on a CP plan are seen at least this often (working days; start day is day zero).</summary>
    public int CpVisitWorkingDays { get; init; } = 10;

    /// <summary>Children on a CIN plan are seen at least this often (working days).</summary>
    public int CinVisitWorkingDays { get; init; } = 20;

    /// <summary>Regulation 28: a looked-after child is seen at least this often (weeks) after the first week.</summary>
    public int ClaVisitWeeks { get; init; } = 6;

    /// <summary>Regulation 28: after a permanent placement's first year, at least this often (months).</summary>
    public int PermanentPlacementVisitMonths { get; init; } = 3;

    /// <summary>The SSDA903 placement types the council treats as permanent for regulation 28 (long-term fostering).</summary>
    public IReadOnlyList<string> PermanentPlacementTypes { get; init; } = ["U1", "U4"];

    /// <summary>Open cases have a recorded management oversight at least this often (working days).</summary>
    public int OversightWorkingDays { get; init; } = 20;

    /// <summary>Counts from 1 to this number are suppressed in councillor and public outputs (DfE convention: 5).</summary>
    public int SuppressionThreshold { get; init; } = 5;

    /// <summary>OVERSIGHT-02 tests a worker's rates only when they made at least this many decisions in 12 months.</summary>
    public int FunnelMinimumWorkerDecisions { get; init; } = 20;

    /// <summary>A figure counting fewer cases than this (its denominator) is shown but not rated red, amber or green:
    /// "too few to rate".</summary>
    public int MinimumDenominator { get; init; } = 10;

    /// <summary>The first month the dashboard and packs offer ('yyyy-MM'); null: where the data becomes reliable
    /// (<see cref="ReportingMonths"/>). Earlier months are kept in the warehouse but not shown.</summary>
    public Month? ReportingStart { get; init; }

    /// <summary>How many months each figure covers when a reader does not choose: 1 (the month), or 3 or 12 (rolling
    /// figures, for a council too small to rate a month's handful of cases). Pages and packs offer all three.</summary>
    public int DefaultLength { get; init; } = 1;

    /// <summary>Targets by indicator id, in the indicator's unit. An indicator with no entry has no target.</summary>
    public IReadOnlyDictionary<string, decimal> Targets { get; init; } = DefaultTargets();

    /// <summary>Dates the service changed, where the SPC charts start new limits (none by default).</summary>
    public IReadOnlyList<ChangeDate> ChangeDates { get; init; } = [];

    /// <summary>The defaults every council starts from.</summary>
    public static IndicatorSettings Default { get; } = new();

    /// <summary>The council's default length as a <see cref="Rolling.FigureLength"/> (validated to 1, 3 or 12).</summary>
    public Rolling.FigureLength DefaultFigureLength => Rolling.FigureLength.Of(DefaultLength);

    public decimal? TargetFor(string indicatorId) => Targets.TryGetValue(indicatorId, out var t) ? t : null;

    /// <summary>The recorded changes that restart an indicator's chart limits, earliest first.</summary>
    public IReadOnlyList<ChangeDate> ChangeDatesFor(string indicatorId) => [.. ChangeDates.Where(c => c.AppliesTo(indicatorId)).OrderBy(c => c.Date)];

    /// <summary>A copy with one target set (or removed, when <paramref name="target"/> is null).</summary>
    public IndicatorSettings WithTarget(string indicatorId, decimal? target)
    {
        var targets = new Dictionary<string, decimal>(Targets, StringComparer.Ordinal);
        if (target is { } t) targets[indicatorId] = t;
        else targets.Remove(indicatorId);
        return this with { Targets = targets };
    }

    /// <summary>Throws <see cref="InvalidSettingsException"/> naming every bad setting, one sentence each.</summary>
    public void Validate()
    {
        var problems = SettingsValidation.Problems(this);
        if (problems.Count > 0) throw new InvalidSettingsException(problems);
    }

    private static Dictionary<string, decimal> DefaultTargets() =>
        IndicatorCatalogue.All.Where(i => i.Definition.DefaultTarget is not null)
            .ToDictionary(i => i.Definition.Id, i => i.Definition.DefaultTarget!.Value, StringComparer.Ordinal);
}

/// <summary>Bad settings, refused at start-up; the message names each setting in one sentence.</summary>
public sealed class InvalidSettingsException : Exception
{
    public InvalidSettingsException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) => Problems = problems;

    public InvalidSettingsException() : this([]) { }

    public InvalidSettingsException(string message) : this([message]) { }

    public InvalidSettingsException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
