using Dashboard.Core.Ssd;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// What each SSDA903 row becomes. Persons are written at once (filling gaps only: the CIN census, imported first, is
/// the better record of a child's details); episodes and reviews go to the <see cref="Ssda903Stage"/> until every year
/// is read. A row that cannot be placed (no CHILD, a different number of fields from the header, an episode start
/// or review date that is not a date) is rejected with its file, line and field; other unreadable values are written
/// as found for the ETL to quarantine.
/// </summary>
internal sealed class Ssda903Rows(SsdSourceWriter writer, Ssda903Stage stage)
{
    /// <summary>Children already written, so each episode or review row does not write its child again (the import's
    /// hot path); a row that brings details (header, UASC, OC3) still writes them.</summary>
    private readonly HashSet<string> _persons = new(StringComparer.Ordinal);

    /// <summary>Children whose date of birth has been written.</summary>
    private readonly HashSet<string> _dated = new(StringComparer.Ordinal);

    /// <summary>Rows read of each file kind, loaded or not.</summary>
    public Dictionary<Ssda903FileKind, long> Counts { get; } = [];

    public void Read(Ssda903File file, CsvColumns columns, IReadOnlyList<string> record, long line, bool loadOc3)
    {
        Counts[file.Kind] = Counts.GetValueOrDefault(file.Kind) + 1;
        if (columns.Misfit(record) is { } misfit)
        {
            Reject(file, line, null, misfit + "; the row cannot be read column by column", record);
            return;
        }
        if (columns.Get(record, "CHILD") is not { } child)
        {
            Reject(file, line, "CHILD", "no child id: the row cannot be joined to a child", record);
            return;
        }
        switch (file.Kind)
        {
            case Ssda903FileKind.Header:
                Person(child, columns.Get(record, "DOB"), Ssda903Values.Sex(columns.Get(record, "SEX")), ReturnValues.Code(columns.Get(record, "ETHNIC")));
                break;
            case Ssda903FileKind.Uasc:
                Person(child, columns.Get(record, "DOB"), Ssda903Values.Sex(columns.Get(record, "SEX")), null);
                break;
            case Ssda903FileKind.Episodes:
                Episode(file, columns, record, line, child);
                break;
            case Ssda903FileKind.Reviews:
                var review = ReturnValues.Date(columns.Get(record, "REVIEW"));
                if (!Ssda903Values.IsIsoDate(review))
                {
                    Reject(file, line, "REVIEW", review is null ? "no review date: the review cannot be placed in a period of care" : "REVIEW is not a date: the review cannot be placed in a period of care", record);
                    return;
                }
                // Every review row repeats the child's date of birth: the first is enough.
                Person(child, _dated.Contains(child) ? null : columns.Get(record, "DOB"), null, null);
                stage.AddReview(child, review!, ReturnValues.Code(columns.Get(record, "REVIEW_CODE")), file.Label, line);
                break;
            case Ssda903FileKind.Oc3 when loadOc3:
                CareLeaver(columns, record, child);
                break;
            default:
                // OC2, AD1, placed for adoption, previous permanence, missing, social worker episodes and earlier
                // years' OC3: no SSD table holds them; counted only.
                break;
        }
    }

    /// <summary>Writes the staged reviews into the period of care each falls in; a review in none is rejected.</summary>
    public void WriteReviews()
    {
        foreach (var (child, review, code, file, line, claId) in stage.ReviewsInPeriods())
        {
            if (claId is null)
            {
                writer.Reject(StatutoryReturn.Ssda903, new ReturnLocation(file, line, "column REVIEW"), "REVIEW",
                    "the review date lies in no period of care of this child in the episodes files", $"CHILD {child}, REVIEW {review}");
                continue;
            }
            writer.Write(SsdSchema.ClaReviews, new Dictionary<string, string?>
            {
                ["clar_cla_review_id"] = ReturnKeys.Of(child, ReturnKeys.ClaReview, review),
                ["clar_cla_id"] = claId,
                ["clar_cla_review_date"] = review,
                ["clar_cla_review_participation"] = code,
            });
        }
    }

    private void Episode(Ssda903File file, CsvColumns columns, IReadOnlyList<string> record, long line, string child)
    {
        var decom = ReturnValues.Date(columns.Get(record, "DECOM"));
        if (!Ssda903Values.IsIsoDate(decom))
        {
            Reject(file, line, "DECOM", decom is null ? "no episode start date (DECOM): the episode cannot be ordered or keyed" : "DECOM is not a date: the episode cannot be ordered or keyed", record);
            return;
        }
        Person(child, null, null, null);
        stage.Add(new Episode(child, decom!, ReturnValues.Code(columns.Get(record, "RNE")), ReturnValues.Code(columns.Get(record, "LS")),
            ReturnValues.Code(columns.Get(record, "CIN")), ReturnValues.Code(columns.Get(record, "PLACE")),
            ReturnValues.Code(columns.Get(record, "PLACE_PROVIDER")), columns.Get(record, "URN"), columns.Get(record, "PL_POST"),
            ReturnValues.Date(columns.Get(record, "DEC")), ReturnValues.Code(columns.Get(record, "REC")),
            ReturnValues.Code(columns.Get(record, "REASON_PLACE_CHANGE"))));
    }

    private void CareLeaver(CsvColumns columns, IReadOnlyList<string> record, string child)
    {
        Person(child, columns.Get(record, "DOB"), null, null);
        var (accommodation, suitable) = Ssda903Values.Accommodation(columns.Get(record, "ACCOM"));
        writer.Write(SsdSchema.CareLeavers, new Dictionary<string, string?>
        {
            ["clea_person_id"] = child,
            ["clea_care_leaver_in_touch"] = ReturnValues.Code(columns.Get(record, "IN_TOUCH")),
            ["clea_care_leaver_activity"] = ReturnValues.Code(columns.Get(record, "ACTIV")),
            ["clea_care_leaver_accommodation"] = accommodation,
            ["clea_care_leaver_accom_suitable"] = suitable,
        });
    }

    private void Person(string child, string? dob, string? sex, string? ethnicity)
    {
        if (!_persons.Add(child) && sex is null && ethnicity is null && dob is null) return;
        if (dob is not null) _dated.Add(child);
        writer.Write(SsdSchema.Persons, new Dictionary<string, string?>
        {
            ["pers_person_id"] = child,
            ["pers_dob"] = ReturnValues.Date(dob),
            ["pers_sex"] = sex,
            ["pers_ethnicity"] = ethnicity,
        }, MergeRule.FillGaps);
    }

    private void Reject(Ssda903File file, long line, string? field, string reason, IReadOnlyList<string> record) =>
        writer.Reject(StatutoryReturn.Ssda903, new ReturnLocation(file.Label, line, field is null ? null : $"column {field}"), field, reason, string.Join(",", record));
}
