using System.Threading.RateLimiting;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Children;
using Dashboard.Data.Indicators;
using Dashboard.Web.Assets;
using Dashboard.Web.Auditing;
using Dashboard.Web.Components;
using Dashboard.Web.Endpoints;
using Dashboard.Web.Security;
using Dashboard.Web.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web;

/// <summary>
/// Builds the dashboard: Razor components rendered on the server for each request (static SSR), cookie or
/// trusted-header sign-in, the data services that apply the access rules, and the security middleware.
/// <c>dashboard serve</c> and the tests host exactly this app.
/// </summary>
public static class DashboardWebApp
{
    public const string SignInRateLimit = "sign-in";
    public const string ExportRateLimit = "exports";

    /// <param name="args">Host arguments such as --urls.</param>
    /// <param name="options">The product's settings; null only where a test host registers them itself.</param>
    /// <param name="configuration">Extra configuration (the CLI's), read for the Dashboard:Web section.</param>
    public static WebApplication Create(string[] args, DashboardWebOptions? options, IConfiguration? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (configuration is not null) builder.Configuration.AddConfiguration(configuration);
        if (options is not null) builder.Services.AddSingleton(options);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var security = WebSecuritySettings.From(builder.Configuration);
        services.AddSingleton(security);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Warehouse.Connect(Options(sp).Warehouse));
        services.AddSingleton(sp => Options(sp).Indicators);
        services.AddSingleton<IndicatorQueries>();
        services.AddSingleton<LoadAuditQueries>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<FindingStore>();
        services.AddSingleton<ChildTimelineQueries>();
        services.AddSingleton<EmbeddedAssets>();
        services.AddSingleton<WarehouseReadiness>();
        services.AddScoped<LocalAccounts>();
        services.AddScoped<AuditTrail>();
        services.AddHttpContextAccessor();
        services.AddDashboardDataServices();

        services.AddDataProtection().SetApplicationName("InspectionReady.Dashboard")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysDirectory(builder)));
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = security.TrustedHeaderEnabled ? "Dashboard" : CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "dashboard.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = security.SessionIdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.Events.OnValidatePrincipal = LocalAccounts.ValidateAsync;
                // A refused request answers 403 (the status page explains it) rather than redirecting, so a script or
                // a test asking for a child by URL sees Forbidden, not a 200 page somewhere else.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TrustedHeaderAuthentication>(TrustedHeaderAuthentication.SchemeName, null)
            .AddPolicyScheme("Dashboard", "Trusted header, else cookie", o => o.ForwardDefaultSelector = context =>
                security.TrustedHeaderEnabled && context.Request.Headers.ContainsKey(security.TrustedHeaderName)
                    ? TrustedHeaderAuthentication.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme);
        // Every endpoint needs a signed-in person unless it says otherwise (sign-in, assets, health, status pages).
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dashboard.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ExportRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.ExportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        // Nothing here takes uploads: a form is a sign-in or a finding's text.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 256 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = 256 * 1024;
            o.ValueLengthLimit = 64 * 1024;
            o.ValueCountLimit = 200;
        });
        services.AddRazorComponents();
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseDashboardSecurityHeaders();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseAntiforgeryRejection();
        app.UseAccessDeniedHandling();

        var assets = app.Services.GetRequiredService<EmbeddedAssets>();
        app.MapGet("/assets/{name}", (HttpContext context, string name) => assets.Serve(context, name)).AllowAnonymous();
        app.MapGet("/health", async (WarehouseReadiness readiness, CancellationToken ct) =>
            await readiness.IsReadyAsync(ct) ? Results.Text("ok") : Results.Text("warehouse unavailable", statusCode: 503)).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapDashboardEndpoints();
        app.MapRazorComponents<App>();
    }

    private static DashboardWebOptions Options(IServiceProvider services) =>
        services.GetService<DashboardWebOptions>() ?? throw new InvalidOperationException(
            "The dashboard has no settings: start it with 'dashboard serve' (or 'dashboard demo').");

    /// <summary>Keys live with the data so cookies stay valid across restarts; a test host without options uses a temporary folder.</summary>
    private static string KeysDirectory(WebApplicationBuilder builder)
    {
        var options = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(DashboardWebOptions))?.ImplementationInstance as DashboardWebOptions;
        var directory = options?.KeysDirectory ?? Path.Combine(Path.GetTempPath(), "inspection-ready-keys");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
