namespace Dashboard.Core.Indicators.Catalogue;

/// <summary>Every indicator in INDICATORS.md, in catalogue order. The one list the engine, docs and settings read.</summary>
public static class IndicatorCatalogue
{
    public static IReadOnlyList<IIndicator> All { get; } =
    [
        new Front01ContactsLeadingToReferral(),
        new Front02ReferralDecisionsInTime(),
        new Front03ReReferrals(),
        new Front04ReferralsNfa(),
        new Front05AssessmentsNoNeed(),
        new Risk01AssessmentsInTime(),
        new Risk02OpenAssessmentsOverdue(),
        new Risk03S47LeadingToIcpc(),
        new Risk04IcpcsInTime(),
        new Risk05RepeatCpPlans(),
        new Risk06LongCpPlans(),
        new Seen01CpVisitTimeliness(),
        new Seen02CpVisitsSeenAlone(),
        new Seen03CinVisitTimeliness(),
        new Seen04ClaVisitTimeliness(),
        new Plans01CpReviewsOnTime(),
        new Plans02CpPlansInDate(),
        new Plans03ClaReviewsOnTime(),
        new Plans04PathwayPlansInDate(),
        new Partners01StrategyDiscussionAttendance(),
        new Partners02IcpcAttendance(),
        new Partners03ConferenceReports(),
        new Oversight01RecentOversight(),
        new Oversight02ThresholdConsistency(),
        new Workforce01WorkerChanges(),
        new Workforce02AverageCaseload(),
        new Care01PlacementStability(),
        new Care02CareLeaversInTouch(),
        new Care03SuitableAccommodation(),
    ];

    private static readonly Dictionary<string, IIndicator> ById =
        All.ToDictionary(i => i.Definition.Id, StringComparer.Ordinal);

    /// <summary>The indicator with this id, or null.</summary>
    public static IIndicator? Find(string id) => ById.GetValueOrDefault(id);

    public static IIndicator Get(string id) =>
        Find(id) ?? throw new ArgumentException($"There is no indicator with id '{id}' in the catalogue.", nameof(id));
}
