using System.Globalization;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Themes;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Endpoints;

/// <summary>
/// The form posts that add, change and delete findings. Antiforgery is checked by the framework ([FromForm]); who may
/// post is checked by <see cref="FindingEditor"/>. A form with problems goes back to its page with the problems as codes
/// in the query string (a minimal-API endpoint cannot render the form), keeping what was typed where it fits in a URL.
/// </summary>
public static class ThemesEndpoints
{
    /// <summary>Longer text is not carried back in the URL (request lines are limited); the form asks for it again.</summary>
    public const int MaxBodyKeptInUrl = 1500;

    public static IEndpointRouteBuilder MapThemesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/themes/findings", CreateAsync);
        endpoints.MapPost("/themes/findings/{id:long}", UpdateAsync);
        endpoints.MapPost("/themes/findings/{id:long}/delete", DeleteAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [FromForm] FindingInput form, FindingEditor editor, CancellationToken cancellationToken)
    {
        var result = await editor.CreateAsync(Viewer.From(context.User), form, cancellationToken);
        return result.Succeeded
            ? Results.Redirect(Saved(result.FindingId!.Value, "added"))
            : Results.Redirect("/themes/findings/new" + Again(form, result.Errors));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext context, long id, [FromForm] FindingInput form, FindingEditor editor, CancellationToken cancellationToken)
    {
        var result = await editor.UpdateAsync(Viewer.From(context.User), id, form, cancellationToken);
        if (result.NotFound) return Results.NotFound();
        return result.Succeeded
            ? Results.Redirect(Saved(id, "changed"))
            : Results.Redirect($"/themes/findings/{Id(id)}/edit" + Again(form, result.Errors));
    }

    // The form carries only the antiforgery token; binding it [FromForm] is what makes the framework check that token.
    private static async Task<IResult> DeleteAsync(
        HttpContext context, long id, [FromForm] DeleteForm form, FindingEditor editor, CancellationToken cancellationToken)
    {
        _ = form;
        return await editor.DeleteAsync(Viewer.From(context.User), id, cancellationToken)
            ? Results.Redirect("/themes?deleted=1")
            : Results.NotFound();
    }

    private static string Saved(long id, string what) => $"/themes?{what}={Id(id)}#finding-{Id(id)}";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>"?error=title&amp;date=2025-03-14&amp;theme=Risk&amp;ind=RISK-01...": the problems, then what was typed.</summary>
    internal static string Again(FindingInput form, IReadOnlyList<FindingError> errors)
    {
        var parts = errors.Select(e => ("error", e.Code)).ToList();
        if (!string.IsNullOrWhiteSpace(form.LetterDate)) parts.Add(("date", form.LetterDate.Trim()));
        if (!string.IsNullOrWhiteSpace(form.Theme)) parts.Add(("theme", form.Theme.Trim()));
        if (form.Title is { Length: > 0 and <= FindingValidation.MaxTitleLength } title) parts.Add(("title", title));
        if (form.Body is { Length: > 0 and <= MaxBodyKeptInUrl } body) parts.Add(("body", body));
        else if (form.Body is { Length: > MaxBodyKeptInUrl }) parts.Add(("bodyDropped", "1"));
        if (form.Action is { Length: > 0 and <= MaxBodyKeptInUrl } action) parts.Add(("action", action));
        else if (form.Action is { Length: > MaxBodyKeptInUrl }) parts.Add(("actionDropped", "1"));
        parts.AddRange((form.IndicatorIds ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Take(40).Select(i => ("ind", i.Trim())));
        return "?" + string.Join("&", parts.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }

    public sealed class DeleteForm
    {
        public string? Confirm { get; set; }
    }
}
