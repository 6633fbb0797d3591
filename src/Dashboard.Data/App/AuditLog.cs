using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.App;

/// <summary>The outcome of an audited request, stored lower-case.</summary>
public enum AuditOutcome
{
    Allowed,
    Denied,
    Failed,
}

/// <summary>One thing to audit. <see cref="UserName"/> is null when anonymous (stored lower-cased otherwise);
/// <see cref="Action"/> is a short verb ('view-child-timeline', 'export-exceptions', 'sign-in', 'denied'...);
/// <see cref="Resource"/> names what was touched ('/children/P123', 'SEEN-01 2026-03'); <see cref="Detail"/> is a short
/// note, never the data itself.</summary>
public sealed record AuditEntry(
    DateTimeOffset OccurredAt, string? UserName, string? Role, string Action, string Resource, AuditOutcome Outcome,
    string? RemoteAddress = null, string? Detail = null);

/// <summary>One stored audit row.</summary>
public sealed record AuditRecord(
    long AuditId, DateTimeOffset OccurredAt, string? UserName, string? Role, string Action, string Resource, AuditOutcome Outcome,
    string? RemoteAddress, string? Detail);

/// <summary>Which audit rows to read. Null members do not filter. <see cref="From"/> is included and <see cref="To"/> is not
/// (half-open), so consecutive ranges never count a row twice. <see cref="UserName"/> matches in any case.</summary>
public sealed record AuditQuery
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? UserName { get; init; }
    public string? Action { get; init; }

    /// <summary>Rows to skip, newest first.</summary>
    public int Offset { get; init; }

    /// <summary>Rows to return, at least 1.</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>One page of audit rows, newest first, and how many rows match the filter in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Rows, int Total);

/// <summary>Writes and reads the access audit (app_audit). Stateless: opens a connection per call.</summary>
public sealed class AuditLog(IConnectionFactory connections)
{
    private static readonly string[] Columns =
        ["occurred_at", "user_name", "role", "action", "resource", "outcome", "remote_address", "detail"];

    private const string Filter = """
        FROM app_audit
        WHERE (@From IS NULL OR occurred_at >= @From) AND (@To IS NULL OR occurred_at < @To)
          AND (@UserName IS NULL OR user_name = @UserName) AND (@Action IS NULL OR action = @Action)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string RowsSql = """
        SELECT audit_id AS AuditId, occurred_at AS OccurredAt, user_name AS UserName, role AS Role, action AS Action,
               resource AS Resource, outcome AS Outcome, remote_address AS RemoteAddress, detail AS Detail
        """ + "\n" + Filter + "\nORDER BY occurred_at DESC, audit_id DESC";

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>Writes one row; returns its audit_id.</summary>
    public async Task<long> WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Resource, nameof(entry));
        if (!Enum.IsDefined(entry.Outcome)) throw new ArgumentOutOfRangeException(nameof(entry), entry.Outcome, "Not a known outcome.");
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _connections.Dialect.InsertReturningKey("app_audit", Columns, "audit_id"),
            new Dictionary<string, object?>
            {
                ["occurred_at"] = IsoText.Timestamp(entry.OccurredAt),
                ["user_name"] = string.IsNullOrWhiteSpace(entry.UserName) ? null : UserStore.NormaliseName(entry.UserName),
                ["role"] = entry.Role, ["action"] = entry.Action.Trim(), ["resource"] = entry.Resource, ["outcome"] = OutcomeText(entry.Outcome),
                ["remote_address"] = entry.RemoteAddress, ["detail"] = entry.Detail,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The rows matching the query, newest first (ties by id), one page of them, and the total that match.</summary>
    public async Task<AuditPage> RecentAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var parameters = new DynamicParameters();
        parameters.Add("From", query.From is { } from ? IsoText.Timestamp(from) : null);
        parameters.Add("To", query.To is { } to ? IsoText.Timestamp(to) : null);
        parameters.Add("UserName", string.IsNullOrWhiteSpace(query.UserName) ? null : UserStore.NormaliseName(query.UserName));
        parameters.Add("Action", string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim());
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            _connections.Dialect.Page(RowsSql, query.Offset, query.Limit), parameters, cancellationToken: cancellationToken));
        return new AuditPage([.. rows.Select(r => r.ToRecord())], checked((int)total));
    }

    private static string OutcomeText(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Allowed => "allowed",
        AuditOutcome.Denied => "denied",
        _ => "failed",
    };

    /// <summary>app_audit as stored: occurred_at is text in SQLite and typed in SQL Server.</summary>
    private sealed class AuditRow
    {
        public long AuditId { get; set; }
        public object OccurredAt { get; set; } = "";
        public string? UserName { get; set; }
        public string? Role { get; set; }
        public string Action { get; set; } = "";
        public string Resource { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? RemoteAddress { get; set; }
        public string? Detail { get; set; }

        public AuditRecord ToRecord() => new(AuditId, IsoText.ToTimestamp(OccurredAt, $"occurred_at of audit {AuditId}"), UserName, Role, Action,
            Resource, Enum.Parse<AuditOutcome>(Outcome, ignoreCase: true), RemoteAddress, Detail);
    }
}
