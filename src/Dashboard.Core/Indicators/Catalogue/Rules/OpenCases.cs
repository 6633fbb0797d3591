using System.Buffers;
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
            // Gathered in a borrowed buffer and copied once at its final size: a growing list re-copied a few
            // thousand children per date several times over, on the large object heap, for every date of a run.
            var children = d.OpenCases;
            var buffer = ArrayPool<OpenChild>.Shared.Rent(children.Count);
            try
            {
                var count = 0;
                foreach (var child in children)
                {
                    if (child.Containing(date) is not { } spell) continue;
                    var involvement = Allocation.OpenOn(child.Involvements, date);
                    var who = involvement is null ? Allocated.Nobody : d.Allocation.Of(involvement, date);
                    buffer[count++] = new OpenChild(child.PersonId, spell, who, involvement is not null, child);
                }
                return buffer.AsSpan(0, count).ToArray();
            }
            finally
            {
                ArrayPool<OpenChild>.Shared.Return(buffer, clearArray: true);
            }
        });
}
