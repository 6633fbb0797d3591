using System.Data.Common;
using Dapper;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.Internal;

namespace Dashboard.Data.App;

/// <summary>A finding from an inspection or monitoring letter, filed under a theme and linked to the indicators it bears on
/// (indicator ids in ordinal order).</summary>
public sealed record Finding(
    long FindingId, DateOnly LetterDate, Theme Theme, string Title, string Body, IReadOnlyList<string> IndicatorIds, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Action = null);

/// <summary>The editable part of a finding, for adding and updating. Indicator ids are trimmed and de-duplicated.</summary>
/// <param name="Action">What the service is doing about it; null or blank: nothing recorded yet.</param>
public sealed record FindingDraft(DateOnly LetterDate, Theme Theme, string Title, string Body, IReadOnlyCollection<string> IndicatorIds,
    string? Action = null);

/// <summary>Findings (app_finding and app_finding_indicator). Stateless: opens a connection per call.</summary>
public sealed class FindingStore(IConnectionFactory connections, TimeProvider? time = null)
{
    private static readonly string[] InsertColumns = ["letter_date", "theme", "title", "body", "action_taken", "created_by", "created_at", "updated_at"];

    private const string Columns = """
        SELECT finding_id AS FindingId, letter_date AS LetterDate, theme AS Theme, title AS Title, body AS Body, action_taken AS Action, created_by AS CreatedBy,
               created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM app_finding
        """;

    private const string ListSql = Columns + " ORDER BY letter_date DESC, finding_id DESC";

    private const string GetSql = Columns + " WHERE finding_id = @FindingId";

    private const string AllIndicatorsSql =
        "SELECT finding_id AS FindingId, indicator_id AS IndicatorId FROM app_finding_indicator ORDER BY finding_id, indicator_id";

    private const string IndicatorsSql = "SELECT indicator_id FROM app_finding_indicator WHERE finding_id = @FindingId ORDER BY indicator_id";

    private const string UpdateSql = """
        UPDATE app_finding SET letter_date = @LetterDate, theme = @Theme, title = @Title, body = @Body, action_taken = @Action, updated_at = @Now
        WHERE finding_id = @FindingId
        """;

    private const string DeleteIndicatorsSql = "DELETE FROM app_finding_indicator WHERE finding_id = @FindingId";

    private const string InsertIndicatorSql = "INSERT INTO app_finding_indicator (finding_id, indicator_id) VALUES (@FindingId, @IndicatorId)";

    private const string DeleteSql = "DELETE FROM app_finding WHERE finding_id = @FindingId";

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Every finding with its indicator ids, newest letter first.</summary>
    public async Task<IReadOnlyList<Finding>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        var indicators = (await connection.QueryAsync<IndicatorRow>(new CommandDefinition(AllIndicatorsSql, cancellationToken: cancellationToken)))
            .ToLookup(i => i.FindingId, i => i.IndicatorId);
        return [.. rows.Select(r => r.ToFinding([.. indicators[r.FindingId]]))];
    }

    /// <summary>One finding, or null.</summary>
    public async Task<Finding?> GetAsync(long findingId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FindingRow>(new CommandDefinition(GetSql, new { FindingId = findingId },
            cancellationToken: cancellationToken));
        if (row is null) return null;
        var indicators = await connection.QueryAsync<string>(new CommandDefinition(IndicatorsSql, new { FindingId = findingId },
            cancellationToken: cancellationToken));
        return row.ToFinding([.. indicators]);
    }

    /// <summary>Adds a finding written by <paramref name="createdBy"/>; returns its finding_id.</summary>
    public async Task<long> AddAsync(FindingDraft draft, string createdBy, CancellationToken cancellationToken = default)
    {
        var indicators = Validate(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        var now = IsoText.Timestamp(_time.GetUtcNow());
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var findingId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _connections.Dialect.InsertReturningKey("app_finding", InsertColumns, "finding_id"),
            new Dictionary<string, object?>
            {
                ["letter_date"] = IsoText.Date(draft.LetterDate), ["theme"] = ThemeText(draft.Theme), ["title"] = draft.Title.Trim(),
                ["body"] = draft.Body, ["action_taken"] = ActionText(draft.Action), ["created_by"] = createdBy.Trim(), ["created_at"] = now, ["updated_at"] = now,
            },
            transaction, cancellationToken: cancellationToken));
        await InsertIndicatorsAsync(connection, transaction, findingId, indicators, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return findingId;
    }

    /// <summary>Replaces a finding's letter date, theme, title, body and indicators. False when there is no such finding.</summary>
    public async Task<bool> UpdateAsync(long findingId, FindingDraft draft, CancellationToken cancellationToken = default)
    {
        var indicators = Validate(draft);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
        {
            FindingId = findingId, LetterDate = IsoText.Date(draft.LetterDate), Theme = ThemeText(draft.Theme), Title = draft.Title.Trim(),
            draft.Body, Action = ActionText(draft.Action), Now = IsoText.Timestamp(_time.GetUtcNow()),
        }, transaction, cancellationToken: cancellationToken));
        if (changed == 0) return false;
        await connection.ExecuteAsync(new CommandDefinition(DeleteIndicatorsSql, new { FindingId = findingId }, transaction,
            cancellationToken: cancellationToken));
        await InsertIndicatorsAsync(connection, transaction, findingId, indicators, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes a finding and its indicator links. False when there is no such finding.</summary>
    public async Task<bool> DeleteAsync(long findingId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Links first: SQLite does not enforce the cascade (foreign_keys is off), SQL Server would.
        await connection.ExecuteAsync(new CommandDefinition(DeleteIndicatorsSql, new { FindingId = findingId }, transaction,
            cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { FindingId = findingId }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static List<string> Validate(FindingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Title, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.Body, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.IndicatorIds, nameof(draft));
        if (!Enum.IsDefined(draft.Theme)) throw new ArgumentOutOfRangeException(nameof(draft), draft.Theme, "Not a known theme.");
        var ids = draft.IndicatorIds.Select(i => i?.Trim() ?? "").ToList();
        if (ids.Any(i => i.Length == 0)) throw new ArgumentException("An indicator id cannot be blank.", nameof(draft));
        return [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Blank means nothing recorded: stored as NULL so readers test one thing.</summary>
    private static string? ActionText(string? action) => string.IsNullOrWhiteSpace(action) ? null : action.Trim();

    /// <summary>The stored form of a theme: its name in capitals, as indicator ids spell it (FRONT, RISK...).</summary>
    private static string ThemeText(Theme theme) => theme.ToString().ToUpperInvariant();

    private static async Task InsertIndicatorsAsync(DbConnection connection, DbTransaction transaction, long findingId, List<string> indicators,
        CancellationToken cancellationToken)
    {
        if (indicators.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition(InsertIndicatorSql,
            indicators.Select(i => new { FindingId = findingId, IndicatorId = i }).ToArray(), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>app_finding as stored: letter_date and the timestamps are text in SQLite and typed in SQL Server.</summary>
    private sealed class FindingRow
    {
        public long FindingId { get; set; }
        public object LetterDate { get; set; } = "";
        public string Theme { get; set; } = "";
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
        public string? Action { get; set; }
        public string CreatedBy { get; set; } = "";
        public object CreatedAt { get; set; } = "";
        public object UpdatedAt { get; set; } = "";

        public Finding ToFinding(IReadOnlyList<string> indicatorIds) => new(FindingId, IsoText.ToDate(LetterDate, $"letter_date of finding {FindingId}"),
            Enum.Parse<Theme>(Theme, ignoreCase: true), Title, Body, indicatorIds, CreatedBy,
            IsoText.ToTimestamp(CreatedAt, $"created_at of finding {FindingId}"), IsoText.ToTimestamp(UpdatedAt, $"updated_at of finding {FindingId}"), Action);
    }

    private sealed class IndicatorRow
    {
        public long FindingId { get; set; }
        public string IndicatorId { get; set; } = "";
    }
}
