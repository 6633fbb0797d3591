using System.Globalization;
using Dashboard.Core.Codes;

namespace Dashboard.Reports.AnnexA;

/// <summary>
/// The children and their allocations on the reference date, loaded once per workbook, and the columns every list
/// starts with. The allocated team and worker are those of the involvement open on the reference date (the latest
/// to start when several are open), as the dashboard's timeline reads allocations.
/// </summary>
internal sealed class AnnexAChildren
{
    private readonly Dictionary<long, ChildRow> _children;
    private readonly Dictionary<long, AllocationRow> _allocations;
    private readonly AnnexAWindow _window;

    private AnnexAChildren(Dictionary<long, ChildRow> children, Dictionary<long, AllocationRow> allocations, AnnexAWindow window)
    {
        _children = children;
        _allocations = allocations;
        _window = window;
    }

    public static async Task<AnnexAChildren> LoadAsync(AnnexAQueries queries, AnnexAWindow window)
    {
        var children = (await queries.ChildrenAsync()).ToDictionary(c => c.ChildKey);
        var allocations = new Dictionary<long, AllocationRow>();
        foreach (var a in await queries.AllocationsAsync())
        {
            if (!allocations.TryGetValue(a.ChildKey, out var held) || a.StartKey > held.StartKey) allocations[a.ChildKey] = a;
        }

        return new AnnexAChildren(children, allocations, window);
    }

    /// <summary>A new row of <paramref name="width"/> cells with the five child columns filled.</summary>
    public object?[] StartRow(long childKey, int width)
    {
        var row = new object?[width];
        if (!_children.TryGetValue(childKey, out var child)) return row;
        var birth = BirthDate(child.DateOfBirth);
        row[0] = child.PersonId;
        row[1] = AnnexALabels.Gender(child.Sex);
        row[2] = AnnexALabels.Code(CodeLists.Ethnicity, child.Ethnicity);
        row[3] = birth;
        row[4] = _window.AgeInYears(birth);
        return row;
    }

    public string? Disability(long childKey) =>
        _children.TryGetValue(childKey, out var child) ? AnnexALabels.YesNo(child.HasDisability != 0) : null;

    /// <summary>Writes the allocated team and worker into the row's last two cells.</summary>
    public void Allocate(object?[] row, long childKey)
    {
        if (!_allocations.TryGetValue(childKey, out var allocation)) return;
        row[^2] = allocation.Team;
        row[^1] = allocation.Worker;
    }

    /// <summary>Text on SQLite (ISO), a date on SQL Server.</summary>
    private static DateOnly? BirthDate(object? value) => value switch
    {
        null or DBNull => null,
        DateTime d => DateOnly.FromDateTime(d),
        DateOnly d => d,
        string s when DateOnly.TryParseExact(s.Length >= 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };
}
