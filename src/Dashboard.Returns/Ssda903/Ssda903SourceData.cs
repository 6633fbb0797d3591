using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// What the SSDA903 writer needs from an SSD source, read once with plain SQL: the looked-after episodes (in child
/// and date order) with their placements, legal statuses and persons, the reviews held, and the care leavers.
/// Dates are kept as the source holds them (ISO text).
/// </summary>
internal sealed class Ssda903SourceData
{
    public sealed record EpisodeRow(string Child, string Start, string? Reason, string? Need, string? Ceased, string? CeasedReason, string? ClaId, string? PlacementId);

    public sealed record PlacementRow(string? Type, string? Urn, string? Provider, string? Postcode, string? End, string? ChangeReason);

    public sealed record LegalRow(string Start, string Code);

    public sealed record PersonRow(string? Sex, string? Dob, string? Ethnicity);

    public sealed record ReviewRow(string ClaId, string Held, string? Participation);

    public sealed record CareLeaverRow(string Child, string? InTouch, string? Activity, string? Accommodation, string? Suitable);

    public List<EpisodeRow> Episodes { get; } = [];

    public Dictionary<string, PlacementRow> Placements { get; } = new(StringComparer.Ordinal);

    /// <summary>Each child's legal statuses in start order.</summary>
    public Dictionary<string, List<LegalRow>> Legal { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PersonRow> Persons { get; } = new(StringComparer.Ordinal);

    /// <summary>Reviews held (not cancelled), in date order.</summary>
    public List<ReviewRow> Reviews { get; } = [];

    public List<CareLeaverRow> CareLeavers { get; } = [];

    /// <summary>The child each period of care (clae_cla_id) belongs to, for the reviews, which name only the period.</summary>
    public Dictionary<string, string> ChildOfPeriod { get; } = new(StringComparer.Ordinal);

    public static Ssda903SourceData Read(SqliteConnection source)
    {
        var data = new Ssda903SourceData();
        Each(source, """
            SELECT clae_person_id, clae_cla_episode_start_date, clae_cla_episode_start_reason, clae_cla_primary_need_code,
                clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason, clae_cla_id, clae_cla_placement_id
            FROM ssd_cla_episodes WHERE clae_person_id IS NOT NULL AND clae_cla_episode_start_date IS NOT NULL
            ORDER BY clae_person_id, clae_cla_episode_start_date
            """, r =>
            {
                var e = new EpisodeRow(r.GetString(0), D(r, 1)!, S(r, 2), S(r, 3), D(r, 4), S(r, 5), S(r, 6), S(r, 7));
                data.Episodes.Add(e);
                if (e.ClaId is not null) data.ChildOfPeriod.TryAdd(e.ClaId, e.Child);
            });
        Each(source, """
            SELECT clap_cla_placement_id, clap_cla_placement_type, clap_cla_placement_urn, clap_cla_placement_provider,
                clap_cla_placement_postcode, clap_cla_placement_end_date, clap_cla_placement_change_reason
            FROM ssd_cla_placement WHERE clap_cla_placement_id IS NOT NULL
            """, r => data.Placements.TryAdd(r.GetString(0), new PlacementRow(S(r, 1), S(r, 2), S(r, 3), S(r, 4), D(r, 5), S(r, 6))));
        Each(source, """
            SELECT lega_person_id, lega_legal_status_start_date, lega_legal_status FROM ssd_legal_status
            WHERE lega_person_id IS NOT NULL AND lega_legal_status_start_date IS NOT NULL ORDER BY lega_person_id, lega_legal_status_start_date
            """, r =>
            {
                if (!data.Legal.TryGetValue(r.GetString(0), out var list)) data.Legal[r.GetString(0)] = list = [];
                list.Add(new LegalRow(D(r, 1)!, S(r, 2) ?? ""));
            });
        Each(source, "SELECT pers_person_id, pers_sex, pers_dob, pers_ethnicity FROM ssd_person WHERE pers_person_id IS NOT NULL",
            r => data.Persons.TryAdd(r.GetString(0), new PersonRow(S(r, 1), D(r, 2), S(r, 3))));
        Each(source, """
            SELECT clar_cla_id, clar_cla_review_date, clar_cla_review_participation, clar_cla_review_cancelled FROM ssd_cla_reviews
            WHERE clar_cla_review_date IS NOT NULL ORDER BY clar_cla_review_date
            """, r =>
            {
                if (ReturnValues.Flag(S(r, 3)) != "Y") data.Reviews.Add(new ReviewRow(S(r, 0) ?? "", D(r, 1)!, S(r, 2)));
            });
        Each(source, """
            SELECT clea_person_id, clea_care_leaver_in_touch, clea_care_leaver_activity, clea_care_leaver_accommodation, clea_care_leaver_accom_suitable
            FROM ssd_care_leavers WHERE clea_person_id IS NOT NULL ORDER BY clea_person_id
            """, r => data.CareLeavers.Add(new CareLeaverRow(r.GetString(0), S(r, 1), S(r, 2), S(r, 3), ReturnValues.Flag(S(r, 4)))));
        return data;
    }

    /// <summary>The legal status in force on <paramref name="date"/>: the latest one starting on or before it.</summary>
    public string? LegalStatusOn(string child, string date)
    {
        if (!Legal.TryGetValue(child, out var list)) return null;
        string? code = null;
        foreach (var l in list)
        {
            if (string.CompareOrdinal(l.Start, date) > 0) break;
            code = l.Code;
        }
        return code;
    }

    private static string? S(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as ISO (the source may add a midnight time); text that is not a date as it is.</summary>
    private static string? D(SqliteDataReader r, int i) => ReturnValues.Date(S(r, i));

    private static void Each(SqliteConnection source, string sql, Action<SqliteDataReader> row)
    {
        using var command = source.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }
}
