using System.Data.Common;
using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.App;

/// <summary>
/// The dashboard's users (app_user) and their teams (app_user_team). Stateless: opens a connection per call.
/// User names are matched case-insensitively by storing and looking them up lower-cased. A method that names a
/// user who does not exist throws <see cref="UnknownUserException"/>. updated_at moves on every change an
/// administrator makes (add, disable, password, teams), not on sign-in bookkeeping.
/// </summary>
public sealed class UserStore(IConnectionFactory connections, TimeProvider? time = null)
{
    private static readonly string[] InsertColumns =
    [
        "user_name", "display_name", "role", "password_hash", "is_disabled", "failed_sign_ins", "password_must_change", "created_at", "updated_at",
    ];

    private const string UserColumns = """
        SELECT user_id AS UserId, user_name AS UserName, display_name AS DisplayName, role AS Role, password_hash AS PasswordHash,
               is_disabled AS IsDisabled, failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil,
               password_must_change AS PasswordMustChange, last_sign_in_at AS LastSignInAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM app_user
        """;

    private const string FindSql = UserColumns + " WHERE user_name = @UserName";

    private const string ListSql = UserColumns + " ORDER BY user_name";

    private const string UserIdSql = "SELECT user_id FROM app_user WHERE user_name = @UserName";

    private const string TeamsOfUserSql = "SELECT team_id FROM app_user_team WHERE user_id = @UserId ORDER BY team_id";

    private const string AllTeamsSql = "SELECT user_id AS UserId, team_id AS TeamId FROM app_user_team ORDER BY user_id, team_id";

    private const string DeleteTeamsSql = "DELETE FROM app_user_team WHERE user_id = @UserId";

    private const string InsertTeamSql = "INSERT INTO app_user_team (user_id, team_id) VALUES (@UserId, @TeamId)";

    private const string TouchSql = "UPDATE app_user SET updated_at = @Now WHERE user_id = @UserId";

    private const string SetDisabledSql = "UPDATE app_user SET is_disabled = @Disabled, updated_at = @Now WHERE user_name = @UserName";

    private const string SetPasswordSql = """
        UPDATE app_user
        SET password_hash = @PasswordHash, password_must_change = @MustChange, failed_sign_ins = 0, locked_until = NULL, updated_at = @Now
        WHERE user_name = @UserName
        """;

    // Every SET expression reads the row as it was before the UPDATE, on both engines.
    private const string FailedSignInSql = """
        UPDATE app_user
        SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @MaxAttempts THEN 0 ELSE failed_sign_ins + 1 END,
            locked_until = CASE WHEN failed_sign_ins + 1 >= @MaxAttempts THEN @LockedUntil ELSE locked_until END
        WHERE user_name = @UserName
        """;

    private const string SignInStateSql = "SELECT failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil FROM app_user WHERE user_name = @UserName";

    private const string SignedInSql = """
        UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @Now WHERE user_name = @UserName
        """;

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Creates a user (and their teams); returns the new user_id.</summary>
    /// <exception cref="DuplicateUserException">The lower-cased name is taken.</exception>
    public async Task<long> AddAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userName = NormaliseName(user.UserName);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.DisplayName, nameof(user));
        ArgumentException.ThrowIfNullOrWhiteSpace(user.PasswordHash, nameof(user));
        if (!Enum.IsDefined(user.Role)) throw new ArgumentOutOfRangeException(nameof(user), user.Role, "Not a known role.");
        var teams = NormaliseTeams(user.Teams ?? []);
        var now = IsoText.Timestamp(_time.GetUtcNow());
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long userId;
        try
        {
            userId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                _connections.Dialect.InsertReturningKey("app_user", InsertColumns, "user_id"),
                new Dictionary<string, object?>
                {
                    ["user_name"] = userName, ["display_name"] = user.DisplayName.Trim(), ["role"] = user.Role.ToString(),
                    ["password_hash"] = user.PasswordHash, ["is_disabled"] = 0, ["failed_sign_ins"] = 0,
                    ["password_must_change"] = user.PasswordMustChange ? 1 : 0, ["created_at"] = now, ["updated_at"] = now,
                },
                transaction, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DuplicateUserException(userName, ex);
        }
        await InsertTeamsAsync(connection, transaction, userId, teams, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return userId;
    }

    /// <summary>The user with that name (any case), with their teams; null when there is none.</summary>
    public async Task<AppUser?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var name = NormaliseName(userName);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindSql, new { UserName = name },
            cancellationToken: cancellationToken));
        if (row is null) return null;
        var teams = await connection.QueryAsync<string>(new CommandDefinition(TeamsOfUserSql, new { row.UserId },
            cancellationToken: cancellationToken));
        return row.ToUser([.. teams]);
    }

    /// <summary>Every user with their teams, by user name.</summary>
    public async Task<IReadOnlyList<AppUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        var teams = (await connection.QueryAsync<TeamRow>(new CommandDefinition(AllTeamsSql, cancellationToken: cancellationToken)))
            .ToLookup(t => t.UserId, t => t.TeamId);
        return [.. rows.Select(r => r.ToUser([.. teams[r.UserId]]))];
    }

    /// <summary>Disables (or re-enables) a user. A disabled user cannot sign in; their row and audit trail stay.</summary>
    public async Task SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default) =>
        await UpdateOneAsync(SetDisabledSql, userName, name => new { UserName = name, Disabled = disabled ? 1 : 0, Now = Now() }, cancellationToken);

    /// <summary>Replaces the password hash, says whether it must be changed at next sign-in, and clears failed sign-ins and any lock.</summary>
    public async Task SetPasswordAsync(string userName, string passwordHash, bool mustChange, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        await UpdateOneAsync(SetPasswordSql, userName,
            name => new { UserName = name, PasswordHash = passwordHash, MustChange = mustChange ? 1 : 0, Now = Now() }, cancellationToken);
    }

    /// <summary>Replaces the user's teams with these team ids (trimmed, duplicates dropped; none is allowed).</summary>
    public async Task SetTeamsAsync(string userName, IEnumerable<string> teamIds, CancellationToken cancellationToken = default)
    {
        var name = NormaliseName(userName);
        var teams = NormaliseTeams(teamIds);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(UserIdSql, new { UserName = name }, transaction,
            cancellationToken: cancellationToken)) ?? throw new UnknownUserException(name);
        await connection.ExecuteAsync(new CommandDefinition(DeleteTeamsSql, new { UserId = userId }, transaction, cancellationToken: cancellationToken));
        await InsertTeamsAsync(connection, transaction, userId, teams, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { UserId = userId, Now = Now() }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Counts a failed sign-in at <paramref name="now"/>. When the count reaches <paramref name="maxAttempts"/> the account is
    /// locked until now + <paramref name="lockFor"/> and the count starts again from 0. Call it only while the account is not locked.</summary>
    public async Task<FailedSignInState> RecordFailedSignInAsync(
        string userName, DateTimeOffset now, int maxAttempts, TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        var name = NormaliseName(userName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lockFor, TimeSpan.Zero);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(FailedSignInSql,
            new { UserName = name, MaxAttempts = maxAttempts, LockedUntil = IsoText.Timestamp(now + lockFor) }, transaction,
            cancellationToken: cancellationToken));
        if (changed == 0) throw new UnknownUserException(name);
        var state = await connection.QuerySingleAsync<StateRow>(new CommandDefinition(SignInStateSql, new { UserName = name }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        var lockedUntil = IsoText.ToNullableTimestamp(state.LockedUntil, $"locked_until of {name}");
        return new FailedSignInState(checked((int)state.FailedSignIns), lockedUntil, lockedUntil is { } until && now < until);
    }

    /// <summary>Records a successful sign-in at <paramref name="now"/>: failed sign-ins and any lock are cleared.</summary>
    public async Task RecordSignInAsync(string userName, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await UpdateOneAsync(SignedInSql, userName, name => new { UserName = name, Now = IsoText.Timestamp(now) }, cancellationToken);

    /// <summary>The stored form of a user name: trimmed and lower-cased.</summary>
    public static string NormaliseName(string userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        return userName.Trim().ToLowerInvariant();
    }

    private string Now() => IsoText.Timestamp(_time.GetUtcNow());

    private async Task UpdateOneAsync(string sql, string userName, Func<string, object> parameters, CancellationToken cancellationToken)
    {
        var name = NormaliseName(userName);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters(name), cancellationToken: cancellationToken));
        if (changed == 0) throw new UnknownUserException(name);
    }

    private static async Task InsertTeamsAsync(DbConnection connection, DbTransaction transaction, long userId, List<string> teams,
        CancellationToken cancellationToken)
    {
        if (teams.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition(InsertTeamSql, teams.Select(t => new { UserId = userId, TeamId = t }).ToArray(),
            transaction, cancellationToken: cancellationToken));
    }

    private static List<string> NormaliseTeams(IEnumerable<string> teamIds)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        var teams = teamIds.Select(t => t?.Trim() ?? "").ToList();
        if (teams.Any(t => t.Length == 0)) throw new ArgumentException("A team id cannot be blank.", nameof(teamIds));
        return [.. teams.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>app_user as stored: timestamps are text in SQLite and typed in SQL Server; INT widens to long.</summary>
    private sealed class UserRow
    {
        public long UserId { get; set; }
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public long IsDisabled { get; set; }
        public long FailedSignIns { get; set; }
        public object? LockedUntil { get; set; }
        public long PasswordMustChange { get; set; }
        public object? LastSignInAt { get; set; }
        public object CreatedAt { get; set; } = "";
        public object UpdatedAt { get; set; } = "";

        public AppUser ToUser(IReadOnlyList<string> teams) => new(
            UserId, UserName, DisplayName, Enum.Parse<AppRole>(Role, ignoreCase: false), PasswordHash, IsDisabled != 0,
            checked((int)FailedSignIns), IsoText.ToNullableTimestamp(LockedUntil, $"locked_until of {UserName}"), PasswordMustChange != 0,
            IsoText.ToNullableTimestamp(LastSignInAt, $"last_sign_in_at of {UserName}"), IsoText.ToTimestamp(CreatedAt, $"created_at of {UserName}"),
            IsoText.ToTimestamp(UpdatedAt, $"updated_at of {UserName}"), teams);
    }

    private sealed class TeamRow
    {
        public long UserId { get; set; }
        public string TeamId { get; set; } = "";
    }

    private sealed class StateRow
    {
        public long FailedSignIns { get; set; }
        public object? LockedUntil { get; set; }
    }
}
