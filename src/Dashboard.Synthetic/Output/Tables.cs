using Dashboard.Core.Ssd;

namespace Dashboard.Synthetic.Output;

/// <summary>Each table's index in <see cref="SsdSchema.All"/>, the number rows carry.</summary>
internal static class Tables
{
    public static readonly int Persons = IndexOf(SsdSchema.Persons);
    public static readonly int Disabilities = IndexOf(SsdSchema.Disabilities);
    public static readonly int Departments = IndexOf(SsdSchema.Departments);
    public static readonly int Professionals = IndexOf(SsdSchema.Professionals);
    public static readonly int Involvements = IndexOf(SsdSchema.Involvements);
    public static readonly int Contacts = IndexOf(SsdSchema.Contacts);
    public static readonly int EarlyHelp = IndexOf(SsdSchema.EarlyHelpEpisodes);
    public static readonly int Referrals = IndexOf(SsdSchema.Referrals);
    public static readonly int Assessments = IndexOf(SsdSchema.Assessments);
    public static readonly int CinPlans = IndexOf(SsdSchema.CinPlans);
    public static readonly int CinVisits = IndexOf(SsdSchema.CinVisits);
    public static readonly int S47 = IndexOf(SsdSchema.S47Enquiries);
    public static readonly int Icpc = IndexOf(SsdSchema.InitialConferences);
    public static readonly int CpPlans = IndexOf(SsdSchema.CpPlans);
    public static readonly int CpVisits = IndexOf(SsdSchema.CpVisits);
    public static readonly int CpReviews = IndexOf(SsdSchema.CpReviews);
    public static readonly int ClaEpisodes = IndexOf(SsdSchema.ClaEpisodes);
    public static readonly int Placements = IndexOf(SsdSchema.Placements);
    public static readonly int ClaReviews = IndexOf(SsdSchema.ClaReviews);
    public static readonly int ClaVisits = IndexOf(SsdSchema.ClaVisits);
    public static readonly int LegalStatuses = IndexOf(SsdSchema.LegalStatuses);
    public static readonly int CareLeavers = IndexOf(SsdSchema.CareLeavers);
    public static readonly int Meetings = IndexOf(SsdSchema.MeetingAttendance);
    public static readonly int Oversight = IndexOf(SsdSchema.ManagementOversight);

    public static int Count => SsdSchema.All.Count;

    private static int IndexOf(SsdTable table)
    {
        for (var i = 0; i < SsdSchema.All.Count; i++)
        {
            if (ReferenceEquals(SsdSchema.All[i], table)) return i;
        }
        throw new InvalidOperationException($"{table.Name} is not in SsdSchema.All.");
    }
}
