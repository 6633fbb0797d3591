using System.Threading.RateLimiting;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Children;
using Dashboard.Data.Indicators;
using Dashboard.Web.Assets;
using Dashboard.Web.Auditing;
using Dashboard.Web.Circuits;
using Dashboard.Web.Components;
using Dashboard.Web.Endpoints;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;
using Dashboard.Web.Security.SignIn;
using Dashboard.Web.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web;

/// <summary>
/// Builds the dashboard: Razor components rendered on the server for each request (static SSR, with interactive server
/// parts that run over a circuit once the page is shown), cookie or
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
        // A terminal running the dashboard shows warnings and errors, not a line per request.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The key ring is a file under the data folder, protected by the folder's permissions (docs/security.md);
        // the framework's warning that it is not encrypted at rest would only alarm a demo user.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        options?.ConfigureHost?.Invoke(builder);
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
        services.AddSingleton(Services.Charts.ChartCacheSettings.From(builder.Configuration));
        services.AddSingleton(Services.DataQuality.LoadProgressSettings.From(builder.Configuration));
        var signIn = SignInSettings.From(builder.Configuration, security.TrustedHeaderEnabled);
        services.AddSingleton(signIn);
        services.TryAddSingleton(TimeProvider.System);
        // Service managers (systemd, Windows, container hosts) stop a service with SIGTERM and expect it gone within
        // seconds. Requests here are reads or single transactions, so one still running after 3 s is abandoned safely.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
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
        services.AddScoped<PasswordChange>();
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
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
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
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddProviderSignIn(signIn);
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
        // Pages render on the server for each request; the parts people work (the follow-up list) then run over a
        // circuit with the council's limits (docs/configuration.md, Dashboard:Web:Circuits).
        services.AddRazorComponents().AddDashboardCircuits(CircuitSettings.From(builder.Configuration));
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseServerTiming();
        // The address that actually connected, kept before forwarded headers replace it: only a listed proxy may
        // sign someone in by header, and a client must not pass for one by sending X-Forwarded-For itself.
        app.Use((context, next) =>
        {
            context.Items[TrustedHeaderAuthentication.PeerAddressItem] = context.Connection.RemoteIpAddress;
            return next(context);
        });
        var security = app.Services.GetRequiredService<WebSecuritySettings>();
        if (security.TrustedProxies.Count > 0)
        {
            // Behind the council's proxy: the client's address (for the audit log) and scheme (for HSTS and Secure
            // cookies) come from its headers, believed from the listed proxies only.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in security.TrustedProxies) forwarded.KnownProxies.Add(proxy);
            app.UseForwardedHeaders(forwarded);
        }
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // A new scope: a page that threw AccessDeniedException has already set up its scope's NavigationManager.
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        // Error and status pages render as GET: re-executing a refused POST (a bad antiforgery token) as POST would
        // validate and read its form again, which throws and turns a 400 into a 500.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }
            return next(context);
        });
        app.UseDashboardSecurityHeaders(app.Services.GetRequiredService<SignInSettings>().Provider?.Origin);
        app.UseRateLimiter();
        app.UseLocalAccountsSwitch();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeRequirement();
        app.UseAntiforgery();
        app.UseAntiforgeryRejection();
        app.UseAccessDeniedHandling();
        app.UseBadQueryValueHandling();

        var assets = app.Services.GetRequiredService<EmbeddedAssets>();
        app.MapGet("/assets/{name}", (HttpContext context, string name) => assets.Serve(context, name)).AllowAnonymous();
        app.MapHealth();
        app.MapAccountEndpoints();
        app.MapDashboardEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    private static DashboardWebOptions Options(IServiceProvider services) =>
        services.GetService<DashboardWebOptions>() ?? throw new InvalidOperationException(
            "The dashboard has no settings: start it with 'dashboard serve' (or 'dashboard demo').");

    /// <summary>Keys live with the data so cookies stay valid across restarts; a test host without options uses a temporary folder.</summary>
    private static string KeysDirectory(WebApplicationBuilder builder)
    {
        var options = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(DashboardWebOptions))?.ImplementationInstance as DashboardWebOptions;
        var directory = options?.KeysDirectory ?? Path.Combine(Path.GetTempPath(), "inspection-ready-keys");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            // Owner only: the keys sign every cookie, so anyone who can read them can sign themselves in.
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return directory;
    }
}
