using Dashboard.Etl.Load;

namespace Dashboard.Etl.Facts;

/// <summary>
/// fact_strategy_discussion, derived from the loaded STRAT rows of ssd_ext_meeting_attendance: one row per
/// meeting_id, with how many distinct agencies were invited and attended, whether police, health and education
/// attended, and the s47 enquiry the discussion started: the same child's enquiry starting on the meeting date
/// or soonest after it, within 10 days (ties: the smallest id); NULL when there is none.
/// The child is the smallest person id among the meeting's rows and the date the earliest, so the result
/// does not depend on row order.
/// </summary>
public sealed class StrategyDiscussions
{
    public const string MeetingType = "STRAT";
    public const int S47WindowDays = 10;

    public static readonly TargetTable Target = new("fact_strategy_discussion", ["meeting_id"],
        ["meeting_id", "child_key", "meeting_date_key", "s47_id", "agencies_invited", "agencies_attended",
         "police_attended", "health_attended", "education_attended"]);

    private sealed class Meeting(string personId, DateOnly date)
    {
        public string PersonId { get; set; } = personId;
        public DateOnly Date { get; set; } = date;
        public HashSet<string> Invited { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Attended { get; } = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Meeting> _meetings = new(StringComparer.Ordinal);

    /// <summary>Notes one loaded attendance row (rows of other meeting types are ignored).</summary>
    public void Add(string meetingId, string meetingType, DateOnly date, string personId, string agency, bool? invited, bool? attended)
    {
        if (meetingType != MeetingType) return;
        if (!_meetings.TryGetValue(meetingId, out var meeting))
        {
            meeting = new Meeting(personId, date);
            _meetings[meetingId] = meeting;
        }
        if (string.CompareOrdinal(personId, meeting.PersonId) < 0) meeting.PersonId = personId;
        if (date < meeting.Date) meeting.Date = date;
        if (invited == true) meeting.Invited.Add(agency);
        if (attended == true) meeting.Attended.Add(agency);
    }

    public int Count => _meetings.Count;

    /// <summary>The fact rows, in meeting id order.</summary>
    public IEnumerable<object?[]> Rows(LoadContext context, long loadId)
    {
        foreach (var (id, m) in _meetings.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var row = Target.NewRow();
            row[0] = id;
            row[1] = context.ChildKeys.TryGetValue(m.PersonId, out var child) ? child : 0L;
            row[2] = FactColumns.ToDateKey(m.Date);
            row[3] = MatchS47(context, m.PersonId, m.Date);
            row[4] = (long)m.Invited.Count;
            row[5] = (long)m.Attended.Count;
            row[6] = m.Attended.Contains("POLICE") ? 1L : 0L;
            row[7] = m.Attended.Contains("HEALTH") ? 1L : 0L;
            row[8] = m.Attended.Contains("EDUCATION") ? 1L : 0L;
            yield return Target.Finish(row, loadId);
        }
    }

    public static string? MatchS47(LoadContext context, string personId, DateOnly meetingDate)
    {
        if (!context.S47ByPerson.TryGetValue(personId, out var enquiries)) return null;
        (DateOnly Start, string Id)? best = null;
        var last = meetingDate.AddDays(S47WindowDays);
        foreach (var (start, id) in enquiries)
        {
            if (start < meetingDate || start > last) continue;
            if (best is null || start < best.Value.Start || (start == best.Value.Start && string.CompareOrdinal(id, best.Value.Id) < 0))
            {
                best = (start, id);
            }
        }
        return best?.Id;
    }
}
