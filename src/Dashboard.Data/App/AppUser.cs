namespace Dashboard.Data.App;

/// <summary>What a user may see and do. Stored by name in app_user.role.</summary>
public enum AppRole
{
    Director,
    ImprovementLead,
    Manager,
    Councillor,
    Analyst,
    Admin,
}

/// <summary>One user as app_user holds it, with the team ids (dim_team.team_id) whose children they may see.
/// <see cref="UserName"/> is lower-case.</summary>
public sealed record AppUser(
    long UserId, string UserName, string DisplayName, AppRole Role, string PasswordHash, bool IsDisabled, int FailedSignIns,
    DateTimeOffset? LockedUntil, bool PasswordMustChange, DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Teams)
{
    /// <summary>True while a lock set by failed sign-ins is still running at <paramref name="now"/> (the end is exclusive).</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && now < until;
}

/// <summary>A user to create. The user name is trimmed and lower-cased; the hash is stored as given (this layer never
/// sees a password).</summary>
public sealed record NewUser(
    string UserName, string DisplayName, AppRole Role, string PasswordHash, bool PasswordMustChange = true,
    IReadOnlyCollection<string>? Teams = null);

/// <summary>A user's sign-in state after a failed attempt: the count so far (0 once it has locked the account) and the
/// lock's end, if any.</summary>
public sealed record FailedSignInState(int FailedSignIns, DateTimeOffset? LockedUntil, bool Locked);

/// <summary>A store method named a user that does not exist.</summary>
public sealed class UnknownUserException(string userName)
    : InvalidOperationException($"No user named {userName}.")
{
    public string UserName { get; } = userName;
}

/// <summary>A user with that (lower-cased) name exists already.</summary>
public sealed class DuplicateUserException(string userName, Exception? inner = null)
    : InvalidOperationException($"A user named {userName} already exists.", inner)
{
    public string UserName { get; } = userName;
}
