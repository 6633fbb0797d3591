using Dashboard.Data.App;
using Dashboard.Web.Security.SignIn;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>The rule for a person in several mapped groups: the one role that covers all they give, else nothing.</summary>
public sealed class AccessResolverTests
{
    private static readonly GroupAccess[] Groups =
    [
        new("g-director", AppRole.Director, []),
        new("g-lead", AppRole.ImprovementLead, []),
        new("g-analyst", AppRole.Analyst, []),
        new("g-admin", AppRole.Admin, []),
        new("g-councillor", AppRole.Councillor, []),
        new("g-west", AppRole.Manager, ["T-WEST"]),
        new("g-east", AppRole.Manager, ["T-EAST", "T-NORTH"]),
    ];

    [Test]
    public void No_mapped_group_gives_nothing() =>
        Assert.That(AccessResolver.Resolve(["g-canteen", "g-all-staff"], Groups), Is.InstanceOf<AccessDecision.NoMappedGroup>());

    [Test]
    public void Group_ids_match_in_any_case_as_Entra_writes_guids_either_way() =>
        Assert.That(((AccessDecision.Granted)AccessResolver.Resolve(["G-DIRECTOR"], Groups)).Role, Is.EqualTo(AppRole.Director));

    [TestCase(new[] { "g-director", "g-west" }, AppRole.Director)]
    [TestCase(new[] { "g-director", "g-analyst" }, AppRole.Analyst)]
    [TestCase(new[] { "g-director", "g-lead" }, AppRole.ImprovementLead)]
    [TestCase(new[] { "g-admin", "g-councillor" }, AppRole.Admin)]
    [TestCase(new[] { "g-director", "g-councillor" }, AppRole.Director)]
    [TestCase(new[] { "g-west", "g-all-staff" }, AppRole.Manager)]
    public void Several_groups_give_the_one_role_that_covers_them_all(string[] groups, AppRole expected) =>
        Assert.That(((AccessDecision.Granted)AccessResolver.Resolve(groups, Groups)).Role, Is.EqualTo(expected));

    [TestCase("g-director,g-admin")]
    [TestCase("g-lead,g-analyst")]
    [TestCase("g-west,g-councillor")]
    [TestCase("g-analyst,g-admin")]
    public void Roles_no_one_role_covers_are_refused_not_guessed(string groups) =>
        Assert.That(AccessResolver.Resolve(groups.Split(','), Groups), Is.InstanceOf<AccessDecision.Conflict>());

    [Test]
    public void Two_manager_groups_give_a_manager_of_both_groups_teams()
    {
        var granted = (AccessDecision.Granted)AccessResolver.Resolve(["g-west", "g-east"], Groups);
        Assert.That(granted.Role, Is.EqualTo(AppRole.Manager));
        Assert.That(granted.Teams, Is.EquivalentTo(new[] { "T-WEST", "T-EAST", "T-NORTH" }));
    }

    [Test]
    public void A_director_who_is_also_in_a_manager_group_is_not_limited_to_the_team()
    {
        var granted = (AccessDecision.Granted)AccessResolver.Resolve(["g-west", "g-director"], Groups);
        Assert.That((granted.Role, granted.Teams.Count), Is.EqualTo((AppRole.Director, 0)));
    }

    [Test]
    public void Coverage_follows_the_access_rules()
    {
        Assert.That(RoleCoverage.Covers(AppRole.Analyst, AppRole.Director), Is.True, "the analyst also sees rejected rows");
        Assert.That(RoleCoverage.Covers(AppRole.Director, AppRole.Analyst), Is.False);
        Assert.That(RoleCoverage.Covers(AppRole.Admin, AppRole.Director), Is.False, "admin sees no children");
        Assert.That(RoleCoverage.Covers(AppRole.Director, AppRole.Admin), Is.False, "the director reads no audit log");
        Assert.That(RoleCoverage.Covers(AppRole.Manager, AppRole.Councillor), Is.False, "a councillor sees every team's aggregates");
        foreach (var role in Enum.GetValues<AppRole>()) Assert.That(RoleCoverage.Covers(role, role), Is.True);
    }
}
