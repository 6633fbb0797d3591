using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>
/// Which placements count towards "3 or more placements in the year" (CARE-01), following the DfE's method for
/// the SSDA903 placement-stability measure: a placement counts when the child moved to a different carer.
/// <list type="bullet">
/// <item>Temporary placements (types T0 to T4: hospital, holidays, the carer's holiday, 7 days or less) are not
/// placements for stability: the child returns to the same carer afterwards.</item>
/// <item>A change of placement with the same carer (SSDA903 reason for new episode T, "change of placement but
/// same carer(s) only", or U, "change of legal status and change of placement but same carer(s)"), such as
/// foster carers approved as the child's adopters, is not a move.</item>
/// </list>
/// Every other placement starting in the year counts, including the first placement of a child who started
/// to be looked after in the year.
/// </summary>
public static class PlacementMoves
{
    /// <summary>Placement types for temporary absences from the usual carer (SSDA903 T0 to T4).</summary>
    public static readonly IReadOnlySet<string> TemporaryTypes =
        new HashSet<string>(["T0", "T1", "T2", "T3", "T4"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reasons for a new episode that change the placement but keep the carer (SSDA903 RNE T and U).</summary>
    public static readonly IReadOnlySet<string> SameCarerReasons =
        new HashSet<string>(["T", "U"], StringComparer.OrdinalIgnoreCase);

    private const string CacheKey = "placement-moves";

    /// <summary>The placements that count as moves, by child (built once per data set).</summary>
    public static ByPerson<Placement> ByChild(CaseData data) =>
        data.Derived(CacheKey, d => Build(d.Facts));

    /// <summary>Builds the countable placements from the facts; see the type's summary for the rule.</summary>
    public static ByPerson<Placement> Build(CaseFacts facts)
    {
        var sameCarer = facts.ClaEpisodes
            .Where(e => e.PlacementId is not null && e.StartReason is { } r && SameCarerReasons.Contains(r.Trim()))
            .Select(e => e.PlacementId!)
            .ToHashSet(StringComparer.Ordinal);
        var counted = facts.Placements.Where(p => Counts(p, sameCarer));
        return new ByPerson<Placement>(counted, p => p.PersonId, p => p.Start, p => p.PlacementId);
    }

    /// <summary>True when <paramref name="placement"/> is a move to a different carer.</summary>
    public static bool Counts(Placement placement, IReadOnlySet<string> startedWithSameCarer) =>
        !(placement.PlacementType is { } type && TemporaryTypes.Contains(type.Trim()))
        && !startedWithSameCarer.Contains(placement.PlacementId);
}
