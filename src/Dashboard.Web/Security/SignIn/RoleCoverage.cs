using Dashboard.Data.App;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// Whether one role may see and do everything another may, read from the access rules themselves (<see cref="Viewer"/>),
/// so the answer follows the rules if they change. A Manager counts as limited to some teams, which every role that sees
/// all teams covers; a councillor's suppressed figures are covered by every role that sees exact ones.
/// </summary>
public static class RoleCoverage
{
    public static bool Covers(AppRole wider, AppRole narrower)
    {
        var a = Capabilities(wider);
        var b = Capabilities(narrower);
        return b.Zip(a).All(pair => !pair.First || pair.Second);
    }

    /// <summary>Each thing a role may see or do, as "yes" flags (a restriction is written as its opposite).</summary>
    private static bool[] Capabilities(AppRole role)
    {
        var v = new Viewer("probe", "probe", role, new HashSet<string>(StringComparer.Ordinal));
        return
        [
            v.SeesChildren,
            v.SeesWorkers,
            !v.SeesSuppressedFigures,
            !v.IsRestrictedToTeams,
            v.ManagesFindings,
            v.SeesAuditLog,
            v.SeesDataQuality,
            v.SeesTechnicalNames,
            v.SeesQuarantinedRows,
        ];
    }
}
