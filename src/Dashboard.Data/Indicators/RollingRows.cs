using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Rolling;

namespace Dashboard.Data.Indicators;

/// <summary>
/// Stored monthly rows turned into rolling 3- or 12-month figures (<see cref="RollingFigures"/> holds the rule), for the
/// dashboard and the packs alike. The rows read must start <see cref="FigureLength.Months"/> - 1 months before the first
/// month shown, so that month's window is whole. Rows of indicators that do not roll come back as they were stored.
/// </summary>
public static class RollingRows
{
    /// <summary>
    /// Each stored row of a rolling indicator replaced by its window's figure (same indicator, series, scope and month; the
    /// as-at date of the window's last month); rows whose window starts before <paramref name="firstOffered"/> are left out.
    /// For <see cref="FigureLength.OneMonth"/> the rows are returned unchanged.
    /// </summary>
    public static IReadOnlyList<StoredIndicator> Apply(IReadOnlyList<StoredIndicator> rows, FigureLength length, Month firstOffered)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!length.IsRolling) return rows;
        var result = new List<StoredIndicator>(rows.Count);
        if (rows.Count == 0) return rows;
        // A scope that counted something early in a window but nothing in its last month has no stored row for that
        // month, yet its window has figures: every month a window can end in is made, up to the latest month read.
        var asAt = rows.GroupBy(r => r.Period, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.AsAtDate), StringComparer.Ordinal);
        var latest = rows.Max(r => Month.Parse(r.Period));
        foreach (var group in rows.GroupBy(r => (r.IndicatorId, r.Series, r.ScopeLevel, r.ScopeId)))
        {
            if (IndicatorCatalogue.Find(group.Key.IndicatorId) is not { } indicator || !RollingFigures.Rolls(indicator.Definition))
            {
                result.AddRange(group);
                continue;
            }
            var stored = group.OrderBy(r => r.Period, StringComparer.Ordinal).ToList();
            var months = stored.Select(r => new MonthCounts(Month.Parse(r.Period), r.Numerator, r.Denominator, r.NotAvailable)).ToList();
            var ends = months.SelectMany(m => Enumerable.Range(0, length.Months).Select(m.Month.AddMonths)).Where(m => m <= latest).Distinct().Order();
            var template = stored[^1];
            foreach (var end in ends)
            {
                if (RollingFigures.Combine(indicator.Definition, length, end, firstOffered, months) is not { } rolled) continue;
                var period = end.ToString();
                result.Add(template with
                {
                    Period = period,
                    AsAtDate = asAt.GetValueOrDefault(period, end.Last),
                    Numerator = rolled.Numerator,
                    Denominator = rolled.Denominator,
                    Value = rolled.Value,
                    NotAvailable = rolled.NotAvailable,
                });
            }
        }
        return [.. result.OrderBy(r => r.IndicatorId, StringComparer.Ordinal).ThenBy(r => r.Period, StringComparer.Ordinal)
            .ThenBy(r => r.ScopeLevel, StringComparer.Ordinal).ThenBy(r => r.ScopeName, StringComparer.Ordinal).ThenBy(r => r.ScopeId, StringComparer.Ordinal)];
    }
}
