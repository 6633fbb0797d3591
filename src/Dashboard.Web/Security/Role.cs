using Dashboard.Data.App;

namespace Dashboard.Web.Security;

/// <summary>
/// What each role may see (the rules themselves are in <see cref="Viewer"/>, applied by the services that return
/// data, not only by hiding links):
/// Director: every aggregate and every child. ImprovementLead: the same, and edits the Ofsted findings.
/// Manager: council aggregates, and team, worker and child detail for their own teams only.
/// Councillor: council, area and team aggregates only, with small numbers suppressed.
/// Analyst: everything, including the rows the nightly load rejected.
/// Admin: accounts, the audit log and data quality, with council, area and team aggregates; no child-level data and
/// no named worker's figures.
/// </summary>
public static class Roles
{
    public static AppRole Parse(string value) => Enum.TryParse<AppRole>(value, ignoreCase: true, out var role) && Enum.IsDefined(role)
        ? role
        : throw new ArgumentException($"'{value}' is not a role: use one of {string.Join(", ", Enum.GetNames<AppRole>())}.", nameof(value));

    /// <summary>The role's name as people read it ("Improvement lead").</summary>
    public static string Describe(this AppRole role) => role switch
    {
        AppRole.ImprovementLead => "Improvement lead",
        _ => role.ToString(),
    };
}
