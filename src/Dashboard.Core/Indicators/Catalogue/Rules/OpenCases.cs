using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>A child with an open case on a date, the spell it belongs to, and who held it that day.</summary>
/// <param name="Child">The child's spells, allocations and oversight records.</param>
public readonly record struct OpenChild(string PersonId, Spell Spell, Allocated Who, bool HasInvolvement, ChildSpells Child);

/// <summary>
/// The children with an open case on a date (see <see cref="CaseData.OpenCases"/>), with their allocation,
/// worked out once per date and shared by OVERSIGHT-01, WORKFORCE-01 and WORKFORCE-02.
/// </summary>
internal static class OpenCases
{
    public static OpenChild[] On(CaseData data, DateOnly date) =>
        data.Derived($"open-cases:{date.DayNumber}", d =>
        {
            var open = new List<OpenChild>();
            foreach (var child in d.OpenCases)
            {
                if (child.Containing(date) is not { } spell) continue;
                var involvement = Allocation.OpenOn(child.Involvements, date);
                var who = involvement is null ? Allocated.Nobody : d.Allocation.Of(involvement, date);
                open.Add(new OpenChild(child.PersonId, spell, who, involvement is not null, child));
            }
            return open.ToArray();
        });
}
