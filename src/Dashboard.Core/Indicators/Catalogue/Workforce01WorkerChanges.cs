using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Workforce01WorkerChanges : IIndicator
{
    private const int Threshold = 3;

    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "WORKFORCE-01",
        Title = "Children with 3 or more social workers in 12 months",
        Theme = Theme.Workforce,
        Definition = "As at the month's last day, of the children with an open case, the share whose allocations show 3 or "
            + "more different workers in the 12 months to that day (any allocation open on any day from the day after the "
            + "same date a year earlier).",
        Numerator = "Open children with 3 or more different allocated workers in the past 12 months",
        Denominator = "Open children",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        DefaultTarget = 10m,
        Sources = [DataSource.Referrals, DataSource.Involvements],
        ExceptionRows = "A child who has had 3 or more workers in 12 months, with how many.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var since = asAt.AddYears(-1).AddDays(1);
        var sinceText = Common.Iso(since);
        // A child has a handful of workers at most: a list beats a hash set here.
        var workers = new List<string>(4);
        // The failure's words depend only on the count: made once per count, not once per child (a quarter of a
        // million failures on the large council, most in months whose exception rows are not kept).
        var words = new (string What, string Note)?[16];
        foreach (var (person, _, who, _, child) in OpenCases.On(data, asAt))
        {
            var involvements = child.Involvements;
            workers.Clear();
            for (var i = involvements.LastIndexOnOrBefore(asAt); i >= 0; i--)
            {
                var inv = involvements[i];
                if ((inv.End is null || inv.End.Value >= since) && !workers.Contains(inv.ProfessionalId)) workers.Add(inv.ProfessionalId);
            }
            var many = workers.Count >= Threshold;
            ExceptionDetail? failure = null;
            if (many)
            {
                var count = workers.Count;
                var (what, note) = count < words.Length && words[count] is { } made ? made
                    : ($"{count} social workers in 12 months (fewer than 3 expected)", $"{count} workers since {sinceText}");
                if (count < words.Length) words[count] = (what, note);
                failure = new ExceptionDetail(what, Note: note);
            }
            yield return Evaluation.Of(who, person, null, asAt, many, failure);
        }
    }
}
