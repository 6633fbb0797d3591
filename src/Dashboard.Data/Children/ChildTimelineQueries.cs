using System.Data.Common;
using Dapper;
using Dashboard.Data.Indicators;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Children;

/// <summary>
/// One child's record as the warehouse holds it: who they are, every event in date order, the indicator exceptions they
/// appear in, and the teams that have worked with them. Stateless: opens a connection per call. A person id that is not
/// in dim_child (or is the unknown member) has no header and an empty history.
/// </summary>
public sealed class ChildTimelineQueries(IConnectionFactory connections)
{
    private const string ChildKeySql = "SELECT child_key FROM dim_child WHERE person_id = @PersonId AND child_key <> 0";

    private const string HeaderSql = """
        SELECT c.person_id AS PersonId, COALESCE(s.label, c.sex) AS Sex, c.gender AS Gender, COALESCE(e.label, c.ethnicity) AS Ethnicity,
               c.date_of_birth AS DateOfBirth, c.expected_dob AS ExpectedDateOfBirth, c.death_date AS DeathDate,
               c.has_disability AS HasDisability, c.disability_codes AS DisabilityCodes
        FROM dim_child c
             LEFT JOIN dim_code s ON s.code_list = 'sex' AND s.code = c.sex
             LEFT JOIN dim_code e ON e.code_list = 'ethnicity' AND e.code = c.ethnicity
        WHERE c.person_id = @PersonId AND c.child_key <> 0
        """;

    private const string DisabilityLabelsSql = "SELECT code AS Code, label AS Label FROM dim_code WHERE code_list = 'disability'";

    private const string ExceptionsSql = IndicatorQueries.ExceptionSelect + """

        WHERE e.person_id = @PersonId
        ORDER BY e.period DESC, e.rule_date DESC, e.indicator_id, e.series, e.event_id
        """;

    // Every fact that records the team working with the child at the time (allocations first of all).
    private const string TeamsSql = """
        SELECT t.team_id
        FROM dim_team t
        WHERE t.team_key <> 0 AND t.team_key IN (
            SELECT team_key FROM fact_involvement WHERE child_key = @ChildKey
            UNION SELECT team_key FROM fact_referral WHERE child_key = @ChildKey
            UNION SELECT team_key FROM fact_assessment WHERE child_key = @ChildKey
            UNION SELECT team_key FROM fact_cin_plan WHERE child_key = @ChildKey
            UNION SELECT team_key FROM fact_s47_enquiry WHERE child_key = @ChildKey
            UNION SELECT team_key FROM fact_icpc WHERE child_key = @ChildKey
            UNION SELECT team_key FROM fact_care_leaver_status WHERE child_key = @ChildKey)
        ORDER BY t.team_id
        """;

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>The child's header, or null when the warehouse does not know the person.</summary>
    public async Task<ChildHeader?> ChildAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<HeaderRow>(new CommandDefinition(HeaderSql, new { PersonId = personId.Trim() },
            cancellationToken: cancellationToken));
        if (row is null) return null;
        var labels = (await connection.QueryAsync<CodeRow>(new CommandDefinition(DisabilityLabelsSql, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.Code, c => c.Label, StringComparer.OrdinalIgnoreCase);
        return row.ToHeader(labels);
    }

    /// <summary>Every event of the child from the fact tables, by date; events of one day in the order work usually flows
    /// (contact, referral, allocation, assessment ... oversight), then by event id.</summary>
    public async Task<IReadOnlyList<ChildEvent>> TimelineAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        if (await ChildKeyAsync(connection, personId, cancellationToken) is not { } childKey) return [];
        var parameters = new { ChildKey = childKey };
        var attendance = (await connection.QueryAsync<AttendanceRow>(new CommandDefinition(TimelineSources.AttendanceSql, parameters,
            cancellationToken: cancellationToken))).Select(a => a.ToAttendance()).ToLookup(a => a.MeetingId, StringComparer.Ordinal);
        var events = new List<(ChildEvent Event, int Order)>();
        for (var order = 0; order < TimelineSources.All.Count; order++)
        {
            var source = TimelineSources.All[order];
            var rows = await connection.QueryAsync(new CommandDefinition(source.Sql, parameters, cancellationToken: cancellationToken));
            foreach (var row in rows.Select(r => TimelineRow.From(r)))
            {
                if (row.Date("event_date") is not { } date) continue;
                events.Add((new ChildEvent(date, source.Kind, source.Summary(row, attendance), row.Text("team_name"), row.Text("worker_name"),
                    row.Date("end_date"), row.Text("event_id") ?? ""), order));
            }
        }
        return [.. events.OrderBy(e => e.Event.Date).ThenBy(e => e.Order).ThenBy(e => e.Event.EventId, StringComparer.Ordinal).Select(e => e.Event)];
    }

    /// <summary>The indicator exception rows the child appears in (what was overdue, when, and with which team), latest month first.</summary>
    public async Task<IReadOnlyList<StoredExceptionRow>> ExceptionsForChildAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndicatorQueries.ExceptionRow>(new CommandDefinition(ExceptionsSql, new { PersonId = personId.Trim() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    /// <summary>The team ids (dim_team.team_id) that have ever worked with the child: allocations, and the teams recorded on
    /// referrals, assessments, CIN plans, S47 enquiries, ICPCs and care leaver records. Used to limit a manager to their teams' children.</summary>
    public async Task<IReadOnlyList<string>> TeamsForChildAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        if (await ChildKeyAsync(connection, personId, cancellationToken) is not { } childKey) return [];
        return [.. await connection.QueryAsync<string>(new CommandDefinition(TeamsSql, new { ChildKey = childKey }, cancellationToken: cancellationToken))];
    }

    private static async Task<long?> ChildKeyAsync(DbConnection connection, string personId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(ChildKeySql, new { PersonId = personId.Trim() },
            cancellationToken: cancellationToken));

    /// <summary>dim_child as stored: dates are text in SQLite and typed in SQL Server.</summary>
    private sealed class HeaderRow
    {
        public string PersonId { get; set; } = "";
        public string? Sex { get; set; }
        public string? Gender { get; set; }
        public string? Ethnicity { get; set; }
        public object? DateOfBirth { get; set; }
        public object? ExpectedDateOfBirth { get; set; }
        public object? DeathDate { get; set; }
        public long HasDisability { get; set; }
        public string? DisabilityCodes { get; set; }

        public ChildHeader ToHeader(Dictionary<string, string> disabilityLabels) => new(
            PersonId, Sex, Gender, Ethnicity, Date(DateOfBirth, "date_of_birth"), Date(ExpectedDateOfBirth, "expected_dob"),
            Date(DeathDate, "death_date"), HasDisability != 0,
            [.. (DisabilityCodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => disabilityLabels.GetValueOrDefault(c, c))]);

        private DateOnly? Date(object? value, string column) =>
            value is null or DBNull ? null : IsoText.ToDate(value, $"{column} of {PersonId}");
    }

    private sealed class CodeRow
    {
        public string Code { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class AttendanceRow
    {
        public string MeetingId { get; set; } = "";
        public string Agency { get; set; } = "";
        public long? Invited { get; set; }
        public long? Attended { get; set; }

        public Attendance ToAttendance() => new(MeetingId, Agency, Invited is { } i ? i != 0 : null, Attended is { } a ? a != 0 : null);
    }
}
