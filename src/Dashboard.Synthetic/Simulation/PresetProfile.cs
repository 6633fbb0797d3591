namespace Dashboard.Synthetic.Simulation;

/// <summary>The service areas a team can belong to (dept_team_parent_name).</summary>
internal enum ServiceArea { FrontDoor, Assessment, ChildProtection, InCare, LeavingCare, Combined }

/// <summary>The work a team takes on.</summary>
internal enum TeamRole { FrontDoor, Assessment, ChildProtection, InCare, LeavingCare }

/// <summary>One team: its name, service area, the work it takes and the localities it covers.</summary>
internal sealed record TeamSpec(string Name, ServiceArea Area, TeamRole[] Roles, int[] Localities, int SocialWorkers);

/// <summary>
/// The shape of a council of one preset: referrals a year, child population (referrals are about 5.3 per 100
/// children a year in England, 632,830 for about 12 million children), localities and teams.
/// </summary>
internal sealed record PresetProfile(CouncilPreset Preset, int AnnualReferrals, int Population, string[] Localities, TeamSpec[] Teams)
{
    private const double ReferralsPerChild = 0.0527;

    private static readonly string[] Five = ["North", "South", "East", "West", "Central"];

    public static PresetProfile For(CouncilPreset preset) => preset switch
    {
        CouncilPreset.Scilly => new PresetProfile(preset, 15, Children(15), ["Islands"],
        [
            new("Front Door and Assessment", ServiceArea.Combined, [TeamRole.FrontDoor, TeamRole.Assessment], [0], 1),
            new("Children's Social Work", ServiceArea.Combined, [TeamRole.ChildProtection, TeamRole.InCare, TeamRole.LeavingCare], [0], 1),
        ]),
        CouncilPreset.Small => Layout(preset, 1_500, ["North", "South", "East", "West"], 55, 2, 2, 4, 1, 1),
        CouncilPreset.Medium => Layout(preset, 6_000, Five, 210, 3, 4, 6, 3, 2),
        CouncilPreset.Large => Layout(preset, 25_000, Five, 850, 4, 9, 14, 9, 4),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };

    private static int Children(int referrals) => (int)Math.Round(referrals / ReferralsPerChild);

    public static string AreaName(ServiceArea area) => area switch
    {
        ServiceArea.FrontDoor => "Front Door",
        ServiceArea.Assessment => "Assessment",
        ServiceArea.ChildProtection => "Child Protection and Court",
        ServiceArea.InCare => "Children in Care",
        ServiceArea.LeavingCare => "Leaving Care",
        _ => "Children's Social Care",
    };

    private static PresetProfile Layout(CouncilPreset preset, int referrals, string[] localities, int socialWorkers,
        int frontDoor, int assessment, int protection, int inCare, int leavingCare)
    {
        var teams = new List<TeamSpec>();
        Add(teams, localities, "Front Door", ServiceArea.FrontDoor, TeamRole.FrontDoor, frontDoor, socialWorkers * 0.10);
        Add(teams, localities, "Assessment", ServiceArea.Assessment, TeamRole.Assessment, assessment, socialWorkers * 0.28);
        Add(teams, localities, "Child Protection", ServiceArea.ChildProtection, TeamRole.ChildProtection, protection, socialWorkers * 0.37);
        Add(teams, localities, "Children in Care", ServiceArea.InCare, TeamRole.InCare, inCare, socialWorkers * 0.17);
        Add(teams, localities, "Leaving Care", ServiceArea.LeavingCare, TeamRole.LeavingCare, leavingCare, socialWorkers * 0.08);
        return new PresetProfile(preset, referrals, Children(referrals), localities, [.. teams]);
    }

    /// <summary>k teams over n localities: with fewer teams than localities each covers every k-th locality
    /// and is named after the first; with more, localities get a second team ("Assessment North 2").</summary>
    private static void Add(List<TeamSpec> teams, string[] localities, string prefix, ServiceArea area, TeamRole role, int count, double workers)
    {
        var n = localities.Length;
        var perTeam = Math.Max(2, (int)Math.Round(workers / count));
        for (var j = 0; j < count; j++)
        {
            int[] covers;
            string name;
            if (count == 1)
            {
                covers = [.. Enumerable.Range(0, n)];
                name = prefix;
            }
            else if (count <= n)
            {
                covers = [.. Enumerable.Range(0, n).Where(i => i % count == j)];
                name = $"{prefix} {localities[j]}";
            }
            else
            {
                covers = [j % n];
                name = j < n ? $"{prefix} {localities[j]}" : $"{prefix} {localities[j % n]} {(j / n) + 1}";
            }
            teams.Add(new TeamSpec(name, area, [role], covers, perTeam));
        }
    }
}
