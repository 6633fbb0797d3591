using Dashboard.Data.App;

namespace Dashboard.Web.Security.SignIn;

/// <summary>One mapping from the provider's group (or app role) to a role here; a Manager group names its teams.</summary>
public sealed record GroupAccess(string Id, AppRole Role, IReadOnlyList<string> Teams);

/// <summary>What a person's groups give them here.</summary>
public abstract record AccessDecision
{
    private AccessDecision()
    {
    }

    /// <summary>One role (and, for a Manager, the teams of every Manager group they are in), from <paramref name="Groups"/>.</summary>
    public sealed record Granted(AppRole Role, IReadOnlySet<string> Teams, IReadOnlyList<string> Groups) : AccessDecision;

    /// <summary>None of their groups is mapped: they may not use the dashboard.</summary>
    public sealed record NoMappedGroup : AccessDecision;

    /// <summary>Their groups give roles no one role here covers (Admin and Director, say): refused until the groups are put right.</summary>
    public sealed record Conflict(IReadOnlyList<AppRole> Roles) : AccessDecision;
}

/// <summary>
/// Turns the values of a person's group and role claims into a role here. A person in several mapped groups gets the
/// one role that covers everything each of those groups gives (see <see cref="RoleCoverage"/>): Director and Manager
/// gives Director; Analyst and Director gives Analyst; several Manager groups give Manager of all their teams. When no
/// single role covers them all (Admin and Director: one reads the audit log, the other sees children), nothing is
/// granted: a person is never given a role wider than their groups say, nor silently a narrower one.
/// </summary>
public static class AccessResolver
{
    public static AccessDecision Resolve(IEnumerable<string> claimValues, IReadOnlyList<GroupAccess> groups)
    {
        ArgumentNullException.ThrowIfNull(claimValues);
        ArgumentNullException.ThrowIfNull(groups);
        var values = claimValues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var matched = groups.Where(g => values.Contains(g.Id)).ToList();
        if (matched.Count == 0) return new AccessDecision.NoMappedGroup();
        var roles = matched.Select(g => g.Role).Distinct().Order().ToList();
        var covering = roles.Where(r => roles.All(other => RoleCoverage.Covers(r, other))).ToList();
        if (covering.Count == 0) return new AccessDecision.Conflict(roles);
        var role = covering[0];
        var teams = role == AppRole.Manager
            ? matched.Where(g => g.Role == AppRole.Manager).SelectMany(g => g.Teams).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new AccessDecision.Granted(role, teams, [.. matched.Select(g => g.Id)]);
    }
}
