using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;

namespace Dashboard.Web.Services.Indicators;

/// <summary>One team's figure in a month, as the viewer may see it: met, not met, the total and the value.</summary>
public sealed record TeamFigure(TeamInfo Team, decimal? Value, string ValueText, string MetText, string NotMetText, string TotalText, int? Met, int? Total);

/// <summary>
/// A month's figures for several teams. For a councillor they are one table, teams by [met, not met], suppressed
/// together (<see cref="TableSuppression"/>), so a team's hidden count cannot be recovered from another team's or a
/// total; a team's value is shown only when none of its counts is hidden. An average (children per worker) has no
/// met and not met: each team's figure is suppressed on its own.
/// </summary>
public static class TeamBreakdown
{
    public static IReadOnlyList<TeamFigure> Of(IReadOnlyList<(TeamInfo Team, StoredIndicator? Row)> teams, IndicatorUnit unit, SuppressionRule? rule)
    {
        ArgumentNullException.ThrowIfNull(teams);
        if (teams.Count == 0) return [];
        if (rule is null || unit == IndicatorUnit.Average) return [.. teams.Select(t => Single(t.Team, t.Row, unit, rule))];
        var cells = new int?[teams.Count, 2];
        for (var i = 0; i < teams.Count; i++)
        {
            if (teams[i].Row is { NotAvailable: null } r && r.Numerator <= r.Denominator)
            {
                cells[i, 0] = r.Numerator;
                cells[i, 1] = r.Denominator - r.Numerator;
            }
        }
        var table = TableSuppression.Apply(cells, rule);
        var result = new List<TeamFigure>(teams.Count);
        for (var i = 0; i < teams.Count; i++)
        {
            var (met, notMet, total) = (table.Cell(i, 0), table.Cell(i, 1), table.RowTotal(i));
            var row = teams[i].Row;
            if (cells[i, 0] is null)
            {
                result.Add(Single(teams[i].Team, row, unit, rule));
                continue;
            }
            var shown = !met.IsHidden && !notMet.IsHidden && !total.IsHidden;
            var value = shown ? row!.Value : null;
            var text = value is { } v ? IndicatorValue.Format(unit, v) : shown ? "z" : "c";
            result.Add(new TeamFigure(teams[i].Team, value, text, met.Text, notMet.Text, total.Text,
                met.Value, total.Value));
        }
        return result;
    }

    private static TeamFigure Single(TeamInfo team, StoredIndicator? row, IndicatorUnit unit, SuppressionRule? rule)
    {
        var f = VisibleFigure.Of(row, unit, rule);
        var notMet = !f.IsAvailable ? "x"
            : unit != IndicatorUnit.Average && f.Numerator is { } n && f.Denominator is { } d ? VisibleFigure.Count(d - n)
            : unit != IndicatorUnit.Average ? "c" : "z";
        return new TeamFigure(team, f.Value, f.ValueText, f.NumeratorText, notMet, f.DenominatorText, f.Numerator, f.Denominator);
    }
}
