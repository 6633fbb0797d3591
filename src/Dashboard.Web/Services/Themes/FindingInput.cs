using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;

namespace Dashboard.Web.Services.Themes;

/// <summary>A finding as the form posts it: text as typed, checked by <see cref="FindingValidation"/> before it is stored.</summary>
public sealed class FindingInput
{
    /// <summary>yyyy-MM-dd, as an input of type date sends it.</summary>
    public string? LetterDate { get; set; }

    /// <summary>A <see cref="Theme"/> name (Front, Risk...).</summary>
    public string? Theme { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    /// <summary>What the service is doing about the finding; optional.</summary>
    public string? Action { get; set; }

    public string[]? IndicatorIds { get; set; }
}

/// <summary>One problem with a posted finding: a short code for the query string, the form field it is about, and the message.</summary>
public sealed record FindingError(string Code, string FieldId, string Message);

/// <summary>
/// The rules a finding must meet, each with a message that names the field, as GOV.UK forms word them. The codes travel in
/// the query string when the form is shown again (a minimal-API endpoint cannot render the form itself).
/// </summary>
public static class FindingValidation
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public static readonly DateOnly EarliestLetter = new(2000, 1, 1);

    public static IReadOnlyList<FindingError> All { get; } =
    [
        new("date", "letter-date", "Enter the date of the letter, for example 14 3 2025"),
        new("date-future", "letter-date", "The date of the letter must be today or in the past"),
        new("date-early", "letter-date", "The date of the letter must be after 1 January 2000"),
        new("theme", "theme", "Choose the theme the finding is about"),
        new("title", "title", "Enter a title for the finding"),
        new("title-long", "title", $"The title must be {MaxTitleLength} characters or fewer"),
        new("body", "body", "Enter the finding as the letter words it"),
        new("body-long", "body", $"The finding must be {MaxBodyLength:N0} characters or fewer"),
        new("action-long", "action", $"What is being done must be {MaxBodyLength:N0} characters or fewer"),
        new("indicators", "indicators", "Choose indicators from the list: one of those sent is not in the catalogue"),
    ];

    private static readonly Dictionary<string, FindingError> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>The errors for the codes in a query string, in the order the fields appear; unknown codes are ignored.</summary>
    public static IReadOnlyList<FindingError> FromCodes(IEnumerable<string?>? codes)
    {
        var wanted = (codes ?? []).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(e => wanted.Contains(e.Code))];
    }

    public static FindingError? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The draft to store, or the errors; <paramref name="today"/> bounds the letter date.</summary>
    public static (FindingDraft? Draft, IReadOnlyList<FindingError> Errors) Validate(FindingInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();
        DateOnly? date = null;
        if (!DateOnly.TryParseExact(input.LetterDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) errors.Add("date");
        else if (d > today) errors.Add("date-future");
        else if (d < EarliestLetter) errors.Add("date-early");
        else date = d;

        Theme? theme = Enum.TryParse<Theme>(input.Theme?.Trim(), ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(input.Theme, out _)
            ? t
            : null;
        if (theme is null) errors.Add("theme");

        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add("title");
        else if (title.Length > MaxTitleLength) errors.Add("title-long");

        // Line endings as browsers send them (CRLF) are kept as LF, so the stored text does not depend on the browser.
        var body = (input.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (body.Length == 0) errors.Add("body");
        else if (body.Length > MaxBodyLength) errors.Add("body-long");

        var action = (input.Action ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (action.Length > MaxBodyLength) errors.Add("action-long");

        var ids = (input.IndicatorIds ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Any(i => IndicatorCatalogue.Find(i) is null)) errors.Add("indicators");

        if (errors.Count > 0) return (null, FromCodes(errors));
        return (new FindingDraft(date!.Value, theme!.Value, title, body, ids, action.Length == 0 ? null : action), []);
    }
}
