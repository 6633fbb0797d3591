using System.Globalization;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// Reads the follow-up list's query values (page, sort, dir, q) as typed in an address. A value that cannot be used is
/// answered with 400 and a sentence naming it (<see cref="BadQueryValueException"/>), never quietly replaced by the
/// default: a person who mistyped a link should not be shown a different list and believe it is the one they asked for.
/// An empty value means "not given" (a form sends empty fields).
/// </summary>
public static class ExceptionQueryValues
{
    /// <summary>Longer than any child id, worker id or name the list could match.</summary>
    public const int MaxSearchLength = 100;

    /// <param name="teamParameter">The name the team came in under ("xteam" on the page's list, "team" for the CSV), for the message.</param>
    public static ExceptionRequest Read(string indicatorId, string? period, string? team, string teamParameter,
        string? search, string? sort, string? direction, string? page) =>
        new(indicatorId, period, Blank(team), Search(search), Sort(sort), Direction(direction), Page(page)) { TeamParameter = teamParameter };

    /// <summary>A whole number from 1; absent means the first page.</summary>
    public static int Page(string? text)
    {
        if (Blank(text) is not { } value) return 1;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            throw new BadQueryValueException("page", text, "a page number is a whole number from 1 (the list's Next and Previous links give the right ones).");
        }
        return page;
    }

    /// <summary>One of the list's columns; absent means most overdue first.</summary>
    public static string? Sort(string? text)
    {
        if (Blank(text) is not { } value) return null;
        if (!ExceptionRequest.Sorts.ContainsKey(value))
        {
            throw new BadQueryValueException("sort", text, $"the list can be sorted by {string.Join(", ", ExceptionRequest.Sorts.Keys)}.");
        }
        return value;
    }

    /// <summary>asc or desc; absent means the column's usual order.</summary>
    public static string? Direction(string? text)
    {
        if (Blank(text) is not { } value) return null;
        if (!value.Equals("asc", StringComparison.OrdinalIgnoreCase) && !value.Equals("desc", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadQueryValueException("dir", text, "the order is asc (smallest first) or desc (largest first).");
        }
        return value;
    }

    /// <summary>A child id, worker id or worker name, or part of one.</summary>
    public static string? Search(string? text)
    {
        if (Blank(text) is not { } value) return null;
        if (value.Length > MaxSearchLength)
        {
            throw new BadQueryValueException("q", text, $"a search is at most {MaxSearchLength} characters: a child id, a worker id or a worker's name, or part of one.");
        }
        return value;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
