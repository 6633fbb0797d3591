using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Engine;

/// <summary>The team and worker a child was allocated to on a date.</summary>
public readonly record struct Allocated(string TeamId, string WorkerId)
{
    /// <summary>Nobody known: the warehouse's unknown member (key 0) for team and worker.</summary>
    public static Allocated Nobody { get; } = new(Allocation.Unknown, Allocation.Unknown);

    public bool HasWorker => WorkerId != Allocation.Unknown;
}

/// <summary>
/// Who was allocated to a child on a date, decided in this one place for every indicator:
/// <list type="number">
/// <item>the involvement open on that date (the later start wins when two overlap; ties by id) gives the
/// worker, and the worker's spell valid on that date gives the team, else the involvement's own team;</item>
/// <item>with no open involvement, the event's own worker and team fields (the worker's team on that date
/// wins over the event's team, so a worker who moved is counted where they were);</item>
/// <item>otherwise <see cref="Unknown"/>, which is the warehouse's unknown member, so results store
/// against key 0.</item>
/// </list>
/// </summary>
public sealed class Allocation
{
    /// <summary>The business key of the warehouse's unknown team and worker (key 0).</summary>
    public const string Unknown = "(unknown)";

    private readonly ByPerson<Involvement> _involvements;
    private readonly Dictionary<string, WorkerSpell[]> _spells;

    public Allocation(IEnumerable<Involvement> involvements, IEnumerable<WorkerSpell> spells)
    {
        _involvements = new ByPerson<Involvement>(involvements, i => i.PersonId, i => i.Start, i => i.InvolvementId);
        _spells = spells.GroupBy(s => s.ProfessionalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.ValidFrom).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The allocation on <paramref name="date"/>, falling back to the event's own fields.</summary>
    public Allocated At(string personId, DateOnly date, string? eventTeamId = null, string? eventWorkerId = null)
    {
        var involvement = InvolvementOn(personId, date);
        if (involvement is not null) return Of(involvement, date, eventTeamId);
        if (!string.IsNullOrEmpty(eventWorkerId))
        {
            return new Allocated(TeamOf(eventWorkerId, date) ?? eventTeamId ?? Unknown, eventWorkerId);
        }
        return new Allocated(string.IsNullOrEmpty(eventTeamId) ? Unknown : eventTeamId, Unknown);
    }

    /// <summary>
    /// Who made a decision (a referral's outcome, an assessment's authorisation): the worker and team recorded
    /// on the decision itself when the source names them, since a case is often allocated onwards on the very
    /// day it is decided (a referral passed to an assessment team); otherwise the allocation on that date.
    /// Threshold measures compare deciders, so counting a front door's decision against the team that
    /// received the case would blame the wrong team.
    /// </summary>
    public Allocated DecidedBy(string personId, DateOnly date, string? decisionTeamId, string? decisionWorkerId)
    {
        if (!string.IsNullOrEmpty(decisionWorkerId))
        {
            return new Allocated(TeamOf(decisionWorkerId, date) ?? (string.IsNullOrEmpty(decisionTeamId) ? Unknown : decisionTeamId), decisionWorkerId);
        }
        if (!string.IsNullOrEmpty(decisionTeamId)) return new Allocated(decisionTeamId, Unknown);
        return At(personId, date);
    }

    /// <summary>The allocation an open involvement gives on <paramref name="date"/>: its worker, in the worker's team that day.</summary>
    public Allocated Of(Involvement involvement, DateOnly date, string? eventTeamId = null)
    {
        ArgumentNullException.ThrowIfNull(involvement);
        var team = TeamOf(involvement.ProfessionalId, date) ?? involvement.TeamId ?? eventTeamId ?? Unknown;
        return new Allocated(team, involvement.ProfessionalId);
    }

    /// <summary>The involvement open on <paramref name="date"/> with the latest start, or null.</summary>
    public Involvement? InvolvementOn(string personId, DateOnly date) => OpenOn(_involvements.For(personId), date);

    /// <summary>Of one child's involvements (in start order), the one open on <paramref name="date"/> with the latest start.</summary>
    public static Involvement? OpenOn(DatedList<Involvement> involvements, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(involvements);
        for (var i = involvements.LastIndexOnOrBefore(date); i >= 0; i--)
        {
            if (involvements[i].CoversDate(date)) return involvements[i];
        }
        return null;
    }

    /// <summary>The child's involvements in start order.</summary>
    public DatedList<Involvement> InvolvementsOf(string personId) => _involvements.For(personId);

    /// <summary>The team of the worker's spell valid on <paramref name="date"/>, or null.</summary>
    public string? TeamOf(string workerId, DateOnly date)
    {
        if (!_spells.TryGetValue(workerId, out var spells)) return null;
        for (var i = spells.Length - 1; i >= 0; i--)
        {
            if (spells[i].CoversDate(date)) return spells[i].TeamId;
        }
        return null;
    }

    /// <summary>The worker's name from their latest spell, or null for an unknown worker.</summary>
    public string? NameOf(string workerId) =>
        _spells.TryGetValue(workerId, out var spells) && spells.Length > 0 ? spells[^1].Name : null;
}
