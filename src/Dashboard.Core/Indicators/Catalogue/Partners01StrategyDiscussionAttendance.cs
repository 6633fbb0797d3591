using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Partners01StrategyDiscussionAttendance : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "PARTNERS-01",
        Title = "Strategy discussions with police, health and education",
        Theme = Theme.Partners,
        Definition = "Of the strategy discussions held in the month, the share attended by the police, health and education "
            + "(education only where the child is of school age, taken as 5 to 15 on the day; where the date of birth is not "
            + "known, education is expected). Also shown per agency: the share each attended (education out of the "
            + "discussions for school-age children).",
        Numerator = "Strategy discussions in the month attended by every agency expected",
        Denominator = "Strategy discussions in the month",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        LocalStandard = "Working Together 2023: police, health and children's social care, with education where relevant",
        DefaultTarget = 80m,
        Sources = [DataSource.MeetingAttendance],
        Series = ["POLICE", "HEALTH", "EDUCATION"],
        ExceptionRowsSayWhatHappened = true,
        ExceptionRows = "A strategy discussion an expected agency did not attend, naming the agencies missing.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var s in data.StrategyDiscussions.Between(month.First, month.Last))
        {
            var s47 = s.S47Id is not null ? data.S47ById.GetValueOrDefault(s.S47Id) : null;
            var who = data.Allocation.At(s.PersonId, s.Date, s47?.TeamId, s47?.WorkerId);
            var schoolAge = Common.SchoolAge(data, s.PersonId, s.Date);
            var missing = new List<string>(3);
            if (!s.PoliceAttended) missing.Add("police");
            if (!s.HealthAttended) missing.Add("health");
            if (schoolAge && !s.EducationAttended) missing.Add("education");
            // The failure's words are all the follow-up list shows: name who was missing, and why education was expected.
            var failure = missing.Count == 0 ? null : new ExceptionDetail(
                $"Strategy discussion without {Common.JoinWithAnd(missing)}{(!missing.Contains("education") ? "" : data.AgeOn(s.PersonId, s.Date) is null ? " (child's age not known, so education expected)" : " (school-age child)")}",
                Note: $"not attended by {string.Join(", ", missing)}");
            yield return Evaluation.Of(who, s.PersonId, s.MeetingId, s.Date, missing.Count == 0, failure);
            // The per-agency series break the same discussions down; their failures are the headline's, not repeated.
            yield return Evaluation.Of(who, s.PersonId, s.MeetingId, s.Date, s.PoliceAttended, series: "POLICE");
            yield return Evaluation.Of(who, s.PersonId, s.MeetingId, s.Date, s.HealthAttended, series: "HEALTH");
            if (schoolAge) yield return Evaluation.Of(who, s.PersonId, s.MeetingId, s.Date, s.EducationAttended, series: "EDUCATION");
        }
    }
}
