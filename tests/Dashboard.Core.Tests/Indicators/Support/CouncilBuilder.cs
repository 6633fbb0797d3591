using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>
/// Builds a small council's case data by hand, child by child:
/// <c>ACouncil.AsAt(31.March(2025)).WithChild("C1", c => c.OnCpPlan(from: 3.March(2025)).SeenOnCpVisit(10.March(2025)))</c>.
/// Ids are made up from the child and a counter; visits and reviews attach to the child's latest plan.
/// </summary>
public sealed class CouncilBuilder
{
    private readonly List<Team> _teams = [];
    private readonly List<WorkerSpell> _spells = [];
    private readonly List<ChildBuilder> _children = [];
    private DataAvailability _availability = DataAvailability.All;
    private readonly DateOnly? _extract;

    private CouncilBuilder(DateOnly? extract) => _extract = extract;

    /// <summary>A council whose extract is dated <paramref name="extract"/>.</summary>
    public static CouncilBuilder AsAt(DateOnly extract) => new(extract);

    public CouncilBuilder WithTeam(string teamId, string? area = null)
    {
        _teams.Add(new Team(teamId, "Team " + teamId, area, area is null ? null : "Area " + area));
        return this;
    }

    public CouncilBuilder WithWorker(string workerId, string team, DateOnly? from = null, DateOnly? to = null)
    {
        _spells.Add(new WorkerSpell(workerId, "Worker " + workerId, team, from ?? 1.January(2015), to));
        return this;
    }

    public CouncilBuilder WithChild(string personId, Action<ChildBuilder> build)
    {
        var child = new ChildBuilder(personId);
        build(child);
        _children.Add(child);
        return this;
    }

    public CouncilBuilder Without(params DataSource[] absent)
    {
        _availability = DataAvailability.AllExcept(absent);
        return this;
    }

    /// <summary>Sources as statutory returns give them: some absent with why, some holding only the latest record.</summary>
    public CouncilBuilder FromReturns(IReadOnlyDictionary<DataSource, string> absentBecause, IReadOnlyDictionary<DataSource, string> latestOnlyBecause)
    {
        _availability = new DataAvailability(Enum.GetValues<DataSource>().Where(s => !absentBecause.ContainsKey(s)), absentBecause, latestOnlyBecause);
        return this;
    }

    public CaseData Build()
    {
        var f = new CaseFacts
        {
            Teams = _teams,
            WorkerSpells = _spells,
            Availability = _availability,
            ExtractDate = _extract,
            Children = [.. _children.Select(c => c.Child)],
        };
        foreach (var c in _children) f = c.AddTo(f);
        return new CaseData(f);
    }

    public static Month MonthOf(DateOnly date) => Month.Of(date);
}
