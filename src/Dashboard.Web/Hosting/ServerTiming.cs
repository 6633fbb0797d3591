using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Adds <c>Server-Timing: app;dur=12.3</c> to every response: the milliseconds from the request reaching the app to
/// the response starting, which for a statically rendered page is the render time. `dashboard bench web` reads it,
/// and a browser's developer tools show it beside the network time.
/// </summary>
public static class ServerTiming
{
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}");
            return Task.CompletedTask;
        });
        await next(context);
    });
}
