namespace Dashboard.Core.Indicators.Model;

/// <summary>
/// The sources an indicator reads. Some are optional in a council's extract (the two extension tables,
/// contacts, care leavers): an indicator whose source is absent is "not available", never zero.
/// </summary>
public enum DataSource
{
    Contacts,
    Referrals,
    Involvements,
    Assessments,
    CinPlans,
    CinVisits,
    S47Enquiries,
    /// <summary>ssd_ext_meeting_attendance (ours): strategy discussions and conference attendance come from it.</summary>
    MeetingAttendance,
    Icpcs,
    CpPlans,
    CpVisits,
    CpReviews,
    ClaEpisodes,
    Placements,
    ClaVisits,
    ClaReviews,
    CareLeavers,
    /// <summary>ssd_ext_management_oversight (ours).</summary>
    Oversight,
}

/// <summary>
/// Which sources were present in the extract the data came from, and, for a source made from statutory returns, why a
/// source is missing ("the CIN census and SSDA903 carry no child protection visits") and which sources hold only each
/// child's latest record (Annex A's "date of the last visit"), so can be measured for the latest month only.
/// </summary>
public sealed class DataAvailability
{
    private readonly HashSet<DataSource> _present;
    private readonly Dictionary<DataSource, string> _absentBecause;
    private readonly Dictionary<DataSource, string> _latestOnlyBecause;
    private readonly Dictionary<string, string> _indicatorAbsentBecause = new(StringComparer.Ordinal);

    public DataAvailability(IEnumerable<DataSource> present)
        : this(present, new Dictionary<DataSource, string>(), new Dictionary<DataSource, string>())
    {
    }

    /// <param name="present">The sources the extract holds.</param>
    /// <param name="absentBecause">For an absent source, why, as a clause ("the CIN census carries no contacts").</param>
    /// <param name="latestOnlyBecause">Present sources that hold only each child's latest record, with why, as a clause.</param>
    public DataAvailability(IEnumerable<DataSource> present, IReadOnlyDictionary<DataSource, string> absentBecause,
        IReadOnlyDictionary<DataSource, string> latestOnlyBecause)
    {
        ArgumentNullException.ThrowIfNull(absentBecause);
        ArgumentNullException.ThrowIfNull(latestOnlyBecause);
        _present = [.. present];
        _absentBecause = absentBecause.Where(a => !_present.Contains(a.Key)).ToDictionary();
        _latestOnlyBecause = latestOnlyBecause.Where(a => _present.Contains(a.Key)).ToDictionary();
    }

    /// <summary>Every source present (the default, and what a test builder assumes).</summary>
    public static DataAvailability All { get; } = new(Enum.GetValues<DataSource>());

    /// <summary>Every source except those listed.</summary>
    public static DataAvailability AllExcept(params DataSource[] absent) =>
        new(Enum.GetValues<DataSource>().Where(s => !absent.Contains(s)));

    public bool Has(DataSource source) => _present.Contains(source);

    public IReadOnlyCollection<DataSource> Present => _present;

    /// <summary>Why an absent source is absent, when the sources said (statutory returns); null otherwise.</summary>
    public string? AbsentBecause(DataSource source) => _absentBecause.GetValueOrDefault(source);

    /// <summary>
    /// Indicators the sources cannot support although every table they read is present (a column the returns lack, records
    /// from before the first return), by indicator id, with why as a clause.
    /// </summary>
    public DataAvailability WithIndicatorsAbsent(IReadOnlyDictionary<string, string> because)
    {
        ArgumentNullException.ThrowIfNull(because);
        var copy = new DataAvailability(_present, _absentBecause, _latestOnlyBecause);
        foreach (var (id, why) in because) copy._indicatorAbsentBecause[id] = why;
        return copy;
    }

    /// <summary>Why the sources cannot support this indicator although its tables are present; null when they can.</summary>
    public string? IndicatorAbsentBecause(string indicatorId) => _indicatorAbsentBecause.GetValueOrDefault(indicatorId);

    /// <summary>Why a present source can be measured for the latest month only; null when it holds every record.</summary>
    public string? LatestOnlyBecause(DataSource source) => _latestOnlyBecause.GetValueOrDefault(source);
}
