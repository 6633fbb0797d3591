using Microsoft.AspNetCore.Antiforgery;

namespace Dashboard.Web.Security;

/// <summary>
/// Every form post must carry a valid antiforgery token. The framework validates it (UseAntiforgery) but leaves the
/// verdict on the request; this answers 400 before any endpoint reads the form, so a forged post never reaches one.
/// </summary>
public static class AntiforgeryRejection
{
    public static IApplicationBuilder UseAntiforgeryRejection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The form had expired or did not come from this site. Go back, reload the page and try again.");
            return;
        }
        await next(context);
    });
}
