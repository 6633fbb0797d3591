using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Seen04ClaVisitTimeliness : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "SEEN-04",
        Title = "Children in care visited in time",
        Theme = Theme.Seen,
        Definition = "As at the month's last day, of the looked-after children, the share whose visits meet regulation 28 for "
            + "their current placement: seen within 1 week (7 days) of the placement starting, then at most every 6 weeks; "
            + "once a placement the council treats as permanent has lasted a year, at most every 3 months (both settings). "
            + "Only visits with the child seen, since the placement started, count. Days are calendar days and a due date "
            + "is not moved for a weekend or bank holiday; a visit due on the as-at day is still in time.",
        Numerator = "Looked-after children whose latest visit meets regulation 28",
        Denominator = "Looked-after children",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        LocalStandard = "Care Planning Regulations 2010, reg 28: 1 week, then 6 weeks; 3 months in a permanent placement after its first year",
        StandardSettings = ["claVisitWeeks", "permanentPlacementVisitMonths", "permanentPlacementTypes"],
        DefaultTarget = 90m,
        Sources = [DataSource.ClaEpisodes, DataSource.Placements, DataSource.ClaVisits],
        ExceptionRows = "A looked-after child whose visit is overdue: the last visit with the child seen, when the next was due, and how many days overdue it is.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var wording = new Wording(settings);
        foreach (var period in Common.LookedAfterOn(data, asAt))
        {
            var placement = data.PlacementsByChild.For(period.PersonId).LastOnOrBefore(asAt);
            if (placement is not null && placement.Start < period.Start) placement = null;
            var placedOn = placement?.Start ?? period.Start;
            var seen = data.ClaSeenVisitsByChild.For(period.PersonId).LastOnOrBefore(asAt)?.Date;
            if (seen < placedOn) seen = null;
            var (due, rule) = NextDue(placedOn, seen, placement, settings, wording);
            var who = data.Allocation.At(period.PersonId, asAt);
            var failure = due >= asAt ? null : new ExceptionDetail(wording.What(rule), due,
                asAt.DayNumber - due.DayNumber, LastDone: seen, Note: $"placement from {Common.Iso(placedOn)}");
            yield return Evaluation.Of(who, period.PersonId, period.ClaId, asAt, failure is null, failure);
        }
    }

    /// <summary>When the next visit is due under regulation 28, and the rule that set it, in words.</summary>
    public static (DateOnly Due, string Rule) NextDue(DateOnly placedOn, DateOnly? lastSeen, Placement? placement, IndicatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return NextDue(placedOn, lastSeen, placement, settings, new Wording(settings));
    }

    private static (DateOnly Due, string Rule) NextDue(DateOnly placedOn, DateOnly? lastSeen, Placement? placement, IndicatorSettings settings, Wording wording)
    {
        if (lastSeen is not { } last) return (placedOn.AddDays(7), wording.FirstWeek);
        var permanent = placement?.PlacementType is { } type
            && settings.PermanentPlacementTypes.Contains(type.Trim().ToUpperInvariant(), StringComparer.Ordinal);
        if (permanent && last >= placedOn.AddYears(1))
        {
            return (last.AddMonths(settings.PermanentPlacementVisitMonths), wording.Permanent);
        }
        return (last.AddDays(7 * settings.ClaVisitWeeks), wording.Weeks);
    }

    /// <summary>
    /// The three rules in words, and each rule's failure, made once per month rather than once per child (a third of a
    /// million children-months on the large council, half of them failing).
    /// </summary>
    private sealed class Wording(IndicatorSettings settings)
    {
        public string FirstWeek { get; } = "within 1 week of the placement starting";
        public string Permanent { get; } = $"every {settings.PermanentPlacementVisitMonths} months in a permanent placement after its first year";
        public string Weeks { get; } = $"every {settings.ClaVisitWeeks} weeks";
        private readonly Dictionary<string, string> _what = new(StringComparer.Ordinal);

        public string What(string rule)
        {
            if (!_what.TryGetValue(rule, out var what)) _what[rule] = what = $"Looked-after visit with the child seen ({rule})";
            return what;
        }
    }
}
