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

/// <summary>Which sources were present in the extract the data came from.</summary>
public sealed class DataAvailability
{
    private readonly HashSet<DataSource> _present;

    public DataAvailability(IEnumerable<DataSource> present) => _present = [.. present];

    /// <summary>Every source present (the default, and what a test builder assumes).</summary>
    public static DataAvailability All { get; } = new(Enum.GetValues<DataSource>());

    /// <summary>Every source except those listed.</summary>
    public static DataAvailability AllExcept(params DataSource[] absent) =>
        new(Enum.GetValues<DataSource>().Where(s => !absent.Contains(s)));

    public bool Has(DataSource source) => _present.Contains(source);

    public IReadOnlyCollection<DataSource> Present => _present;
}
