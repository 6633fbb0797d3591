namespace Dashboard.Synthetic.Simulation;

/// <summary>A team (ssd_department row) and the postings of workers in it.</summary>
internal sealed class Team(int index, Id id, TeamSpec spec, string areaId)
{
    public int Index { get; } = index;
    public Id Id { get; } = id;
    public string Name => Spec.Name;
    public TeamSpec Spec { get; } = spec;
    public ServiceArea Area => Spec.Area;
    public string AreaId { get; } = areaId;
    public List<int> Postings { get; } = [];
    public int ManagerPosting { get; set; } = -1;
}

/// <summary>A worker in one team for a time (End exclusive; <see cref="DateOnly.MaxValue"/> when still there).
/// A worker who moves team has two postings linked by <see cref="Successor"/>.</summary>
internal sealed class Posting(int team, DateOnly start, DateOnly end, bool agency, bool manager)
{
    public int Team { get; } = team;
    public DateOnly Start { get; } = start;
    public DateOnly End { get; } = end;
    public bool Agency { get; } = agency;
    public bool Manager { get; } = manager;
    public bool EndsByMove => Successor >= 0;
    public int Successor { get; set; } = -1;
    public int Predecessor { get; set; } = -1;
    public int Worker { get; set; } = -1;
}

/// <summary>A worker (ssd_professionals row).</summary>
internal sealed class Worker(Id id, Id staffId, string name, string jobTitle, double fte, bool agency)
{
    public Id Id { get; } = id;
    public Id StaffId { get; } = staffId;
    public string Name { get; } = name;
    public string JobTitle { get; } = jobTitle;
    public double Fte { get; } = fte;
    public bool Agency { get; } = agency;
    public int LastTeam { get; set; }
    public long Caseload { get; set; }
}

/// <summary>
/// Teams and the people in them over the years. Each team has a manager for the whole run and a number of
/// social worker slots; each slot is filled by a sequence of workers (permanent staff stay about four years,
/// agency staff months), with short vacancies between. A few workers move to another team: their two postings
/// belong to one professional, so involvements carry the team at the time (the warehouse's type-2 history).
/// </summary>
internal sealed class Workforce
{
    private readonly int[][][] _teamsByRoleAndLocality;

    private Workforce(List<Team> teams, List<Posting> postings, List<Worker> workers, int localities)
    {
        Teams = teams;
        Postings = postings;
        Workers = workers;
        _teamsByRoleAndLocality = new int[Enum.GetValues<TeamRole>().Length][][];
        foreach (var role in Enum.GetValues<TeamRole>())
        {
            _teamsByRoleAndLocality[(int)role] = [.. Enumerable.Range(0, localities).Select(loc =>
                teams.Where(t => t.Spec.Roles.Contains(role) && t.Spec.Localities.Contains(loc)).Select(t => t.Index).ToArray())];
        }
    }

    public IReadOnlyList<Team> Teams { get; }
    public IReadOnlyList<Posting> Postings { get; }
    public IReadOnlyList<Worker> Workers { get; }

    public Team TeamFor(TeamRole role, int locality, Rng rng) => Teams[rng.Pick(_teamsByRoleAndLocality[(int)role][locality])];

    public Worker WorkerOf(int posting) => Workers[Postings[posting].Worker];

    public Worker ManagerOf(Team team) => WorkerOf(team.ManagerPosting);

    /// <summary>A worker of the team in post on the date, other than <paramref name="exceptWorker"/>; the team
    /// manager when the team has nobody else in post.</summary>
    public int PickPosting(Team team, DateOnly date, Rng rng, int exceptWorker = -1)
    {
        var chosen = -1;
        var seen = 0;
        foreach (var p in team.Postings)
        {
            var posting = Postings[p];
            if (posting.Start <= date && date < posting.End && posting.Worker != exceptWorker && rng.Int(1, ++seen) == 1)
            {
                chosen = p;
            }
        }
        return chosen >= 0 ? chosen : team.ManagerPosting;
    }

    public static Workforce Build(PresetProfile profile, SimCalendar calendar, Rng rng, Ids ids)
    {
        var teams = new List<Team>();
        var postings = new List<Posting>();
        var areas = profile.Teams.Select(t => t.Area).Distinct().ToList();
        var firstStart = calendar.WarmStart.AddYears(-1);
        foreach (var spec in profile.Teams)
        {
            var team = new Team(teams.Count, ids.Next(IdKind.Team), spec, $"SA{areas.IndexOf(spec.Area) + 1:D2}");
            teams.Add(team);
            team.ManagerPosting = postings.Count;
            postings.Add(new Posting(team.Index, DateOnly.MinValue, DateOnly.MaxValue, agency: false, manager: true));
            for (var slot = 0; slot < spec.SocialWorkers; slot++)
            {
                var start = firstStart.AddDays(-rng.Int(0, 1500));
                while (true)
                {
                    var agency = rng.Chance(0.15);
                    var tenure = agency ? 60 + rng.Exponential(240) : 120 + rng.Exponential(1400);
                    var leaves = start.AddDays((int)tenure);
                    var end = leaves > calendar.AsOf ? leaves : calendar.OnOrNextWorkingDay(leaves);
                    team.Postings.Add(postings.Count);
                    if (end > calendar.AsOf)
                    {
                        postings.Add(new Posting(team.Index, start, DateOnly.MaxValue, agency, manager: false));
                        break;
                    }
                    postings.Add(new Posting(team.Index, start, end, agency, manager: false));
                    start = calendar.OnOrNextWorkingDay(end.AddDays(rng.Int(0, 40)));
                }
            }
        }

        LinkMoves(teams, postings, calendar, rng);
        var workers = NameWorkers(teams, postings, rng, ids);
        return new Workforce(teams, postings, workers, profile.Localities.Length);
    }

    /// <summary>About a quarter of the permanent case-holding workers leaving a team in the last years take a vacancy
    /// in another case-holding team instead (front door and leaving care staff stay where they are).</summary>
    private static void LinkMoves(List<Team> teams, List<Posting> postings, SimCalendar calendar, Rng rng)
    {
        var from = calendar.WindowStart.AddYears(-1);
        for (var i = 0; i < postings.Count; i++)
        {
            var leaving = postings[i];
            if (leaving.Manager || leaving.Agency || leaving.End == DateOnly.MaxValue || leaving.End < from || !HoldsCases(teams[leaving.Team]) ||
                !rng.Chance(0.25))
            {
                continue;
            }
            for (var j = 0; j < postings.Count; j++)
            {
                var next = postings[j];
                if (j == i || next.Manager || next.Agency || next.Team == leaving.Team || next.Predecessor >= 0 ||
                    next.Start < leaving.End || next.Start > leaving.End.AddDays(60) || !HoldsCases(teams[next.Team]))
                {
                    continue;
                }
                leaving.Successor = j;
                next.Predecessor = i;
                break;
            }
        }
    }

    private static bool HoldsCases(Team team) =>
        team.Spec.Roles.Any(r => r is TeamRole.Assessment or TeamRole.ChildProtection or TeamRole.InCare);

    private static List<Worker> NameWorkers(List<Team> teams, List<Posting> postings, Rng rng, Ids ids)
    {
        var workers = new List<Worker>();
        for (var i = 0; i < postings.Count; i++)
        {
            var first = postings[i];
            if (first.Predecessor >= 0) continue;
            var roles = teams[first.Team].Spec.Roles;
            var title = first.Manager ? "Team Manager"
                : roles.Contains(TeamRole.LeavingCare) && roles.Length == 1 ? "Personal Adviser"
                : Names.JobTitles.Draw(rng);
            var fte = rng.Next() switch { < 0.75 => 1.0, < 0.87 => 0.8, < 0.95 => 0.6, _ => 0.5 };
            var worker = new Worker(ids.Next(IdKind.Worker), ids.Next(IdKind.Staff), Names.Person(rng), title, fte, first.Agency);
            for (var k = i; k >= 0; k = postings[k].Successor)
            {
                postings[k].Worker = workers.Count;
                worker.LastTeam = postings[k].Team;
            }
            workers.Add(worker);
        }
        return workers;
    }
}
