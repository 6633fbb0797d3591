using Dashboard.Core.Ssd;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// Turns one child's episodes (all years, date order) into the SSD's care tables. An SSDA903 episode is a stretch of
/// care with one placement and one legal status; a new episode starts when either changes (RNE). So:
/// <list type="bullet">
/// <item>a period of care (clae_cla_id) runs from an episode with RNE S (or the child's first episode in the files)
/// to the ceased date of the episode whose REC is not X1;</item>
/// <item>a placement starts with the period and with every episode whose RNE is not L (P, B, T, U: the placement
/// changed), and ends on the ceased date of the last episode before the next change; its reason for change is that
/// last episode's REASON_PLACE_CHANGE (the DfE records it on the episode that ends);</item>
/// <item>a legal status starts with the period and whenever LS differs from the previous episode's.</item>
/// </list>
/// Each episode becomes one ssd_cla_episodes row naming its period and placement.
/// </summary>
internal static class CarePeriods
{
    public static void Write(IReadOnlyList<Episode> episodes, SsdSourceWriter writer, Ssda903Stage stage)
    {
        var child = episodes[0].Child;
        var periodStart = 0;
        var placementStart = 0;
        var legalStart = 0;
        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            var previous = i > 0 ? episodes[i - 1] : null;
            var newPeriod = previous is null || e.StartsCare || previous.EndsCare;
            if (previous is not null && (newPeriod || !e.KeepsPlacement))
            {
                WritePlacement(episodes, placementStart, i - 1, periodStart, writer);
                placementStart = i;
            }
            if (previous is not null && (newPeriod || !string.Equals(e.Ls, previous.Ls, StringComparison.Ordinal)))
            {
                WriteLegalStatus(episodes, legalStart, i - 1, writer);
                legalStart = i;
            }
            if (newPeriod && previous is not null)
            {
                stage.AddPeriod(child, episodes[periodStart].Decom, previous.Dec, PeriodKey(episodes, periodStart));
                periodStart = i;
            }
            WriteEpisode(episodes, i, periodStart, placementStart, writer);
        }
        WritePlacement(episodes, placementStart, episodes.Count - 1, periodStart, writer);
        WriteLegalStatus(episodes, legalStart, episodes.Count - 1, writer);
        stage.AddPeriod(child, episodes[periodStart].Decom, episodes[^1].Dec, PeriodKey(episodes, periodStart));
    }

    private static string PeriodKey(IReadOnlyList<Episode> episodes, int start) =>
        ReturnKeys.Of(episodes[start].Child, ReturnKeys.CareEpisode, episodes[start].Decom);

    private static string PlacementKey(IReadOnlyList<Episode> episodes, int start) =>
        ReturnKeys.Of(episodes[start].Child, ReturnKeys.Placement, episodes[start].Decom);

    private static void WriteEpisode(IReadOnlyList<Episode> episodes, int i, int periodStart, int placementStart, SsdSourceWriter writer)
    {
        var e = episodes[i];
        var first = episodes[periodStart];
        writer.Write(SsdSchema.ClaEpisodes, new Dictionary<string, string?>
        {
            ["clae_cla_episode_id"] = ReturnKeys.Of(e.Child, ReturnKeys.CareEpisode, e.Decom),
            ["clae_person_id"] = e.Child,
            ["clae_cla_episode_start_date"] = e.Decom,
            ["clae_cla_episode_start_reason"] = e.Rne,
            ["clae_cla_primary_need_code"] = e.Cin,
            ["clae_cla_episode_ceased_date"] = e.Dec,
            ["clae_cla_episode_ceased_reason"] = e.Rec,
            ["clae_cla_id"] = PeriodKey(episodes, periodStart),
            ["clae_cla_placement_id"] = PlacementKey(episodes, placementStart),
            // Known only when the files hold the day the child started to be looked after (RNE S); a period already
            // open at the start of the earliest year written began before it, on a day the files do not say.
            ["clae_entered_care_date"] = first.StartsCare ? first.Decom : null,
        });
    }

    private static void WritePlacement(IReadOnlyList<Episode> episodes, int from, int to, int periodStart, SsdSourceWriter writer)
    {
        var first = episodes[from];
        var last = episodes[to];
        writer.Write(SsdSchema.Placements, new Dictionary<string, string?>
        {
            ["clap_cla_placement_id"] = PlacementKey(episodes, from),
            ["clap_cla_id"] = PeriodKey(episodes, periodStart),
            ["clap_person_id"] = first.Child,
            ["clap_cla_placement_start_date"] = first.Decom,
            ["clap_cla_placement_type"] = first.Place,
            ["clap_cla_placement_urn"] = first.Urn,
            ["clap_cla_placement_provider"] = first.Provider,
            ["clap_cla_placement_postcode"] = first.PlacePostcode,
            ["clap_cla_placement_end_date"] = last.Dec,
            ["clap_cla_placement_change_reason"] = last.ReasonPlaceChange,
        });
    }

    private static void WriteLegalStatus(IReadOnlyList<Episode> episodes, int from, int to, SsdSourceWriter writer)
    {
        var first = episodes[from];
        writer.Write(SsdSchema.LegalStatuses, new Dictionary<string, string?>
        {
            ["lega_legal_status_id"] = ReturnKeys.Of(first.Child, ReturnKeys.LegalStatus, first.Decom),
            ["lega_person_id"] = first.Child,
            ["lega_legal_status"] = first.Ls,
            ["lega_legal_status_start_date"] = first.Decom,
            ["lega_legal_status_end_date"] = episodes[to].Dec,
        });
    }
}
