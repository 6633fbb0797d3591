using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

/// <summary>
/// An average, not a share: each allocated child adds one to the numerator and each worker holding a case
/// adds one to the denominator, both under the worker's team. The generic aggregation then gives every
/// scope's average caseload, and the worker scope gives the distribution (each worker's own caseload).
/// </summary>
public sealed class Workforce02AverageCaseload : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "WORKFORCE-02",
        Title = "Average caseload",
        Theme = Theme.Workforce,
        Definition = "As at the month's last day, the children with an open case and an allocated worker, divided by the "
            + "workers holding at least one such case. Each worker's own caseload (the distribution) is the same figure at "
            + "worker level. Workers with no open case are not counted, so this is the caseload of those carrying cases.",
        Numerator = "Open children with an allocated worker",
        Denominator = "Workers holding at least one open case",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Average,
        Period = PeriodKind.AsAt,
        DefaultTarget = 18m,
        Sources = [DataSource.Referrals, DataSource.Involvements],
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var teamOfWorker = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (person, _, who, allocated, _) in OpenCases.On(data, asAt))
        {
            if (!allocated) continue;
            // Counted under the team the worker's first child (by person id) puts them in, so a worker with no
            // team spell still sits in exactly one team.
            if (!teamOfWorker.TryGetValue(who.WorkerId, out var team))
            {
                teamOfWorker[who.WorkerId] = team = who.TeamId;
                order.Add(who.WorkerId);
            }
            yield return new Evaluation(null, person, null, asAt, team, who.WorkerId, true, false);
        }
        foreach (var worker in order)
        {
            yield return new Evaluation(null, null, worker, asAt, teamOfWorker[worker], worker, false, true);
        }
    }
}
