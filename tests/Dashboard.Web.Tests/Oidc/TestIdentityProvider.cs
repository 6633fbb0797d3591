using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>Someone the test provider lets sign in, with the groups it puts in their identity token.</summary>
public sealed record TestPerson(string UserName, string DisplayName, IReadOnlyList<string> Groups);

/// <summary>
/// A real OpenID Connect provider on 127.0.0.1 (OpenIddict, no database: degraded mode, with handlers that check the
/// client id, secret and redirect addresses themselves; ephemeral signing and encryption keys; code flow with PKCE
/// required). Its sign-in page asks for a user name among <see cref="People"/> and keeps its own session cookie, so a
/// test can see whether signing out of the dashboard ended the provider's session too. It can be told to issue
/// tokens that have already expired (its clock runs behind) or to alter the identity token after signing it.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "inspection-ready-tests";

    /// <summary>Distinctive, so a test can search every log line and audit row for it.</summary>
    public const string ClientSecret = "tst-secret-Q7vX2mZp9LrK4wNb";

    private const string SessionScheme = "provider-session";

    private readonly WebApplication _app;
    private readonly ShiftedClock _clock;
    private int _endedSessions;

    private TestIdentityProvider(WebApplication app, ShiftedClock clock)
    {
        _app = app;
        _clock = clock;
        Authority = app.Urls.First().TrimEnd('/') + "/";
    }

    /// <summary>The issuer, e.g. http://127.0.0.1:41234/.</summary>
    public string Authority { get; }

    public ConcurrentDictionary<string, TestPerson> People { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The dashboard's /signin-oidc, the one redirect address this client may use.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>The dashboard's /signout-callback-oidc.</summary>
    public string? PostLogoutRedirectUri { get; set; }

    /// <summary>When true, the identity token's payload is changed after signing (its groups say Director).</summary>
    public bool TamperWithIdentityTokens { get; set; }

    /// <summary>When true, the provider's clock runs two hours behind, so its identity tokens have expired on arrival.</summary>
    public bool IssueExpiredTokens
    {
        get => _clock.Offset != TimeSpan.Zero;
        set => _clock.Offset = value ? TimeSpan.FromHours(-2) : TimeSpan.Zero;
    }

    /// <summary>How many times the end-session endpoint ended someone's session here.</summary>
    public int EndedSessions => Volatile.Read(ref _endedSessions);

    /// <summary>Who the last end-session request's id_token_hint named (null without a valid hint).</summary>
    public string? LastIdTokenHintSubject { get; private set; }

    /// <summary>Why the provider refused requests (wrong client, redirect address or secret).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public void Reset()
    {
        TamperWithIdentityTokens = false;
        IssueExpiredTokens = false;
        LastIdTokenHintSubject = null;
        Interlocked.Exchange(ref _endedSessions, 0);
        Refusals.Clear();
    }

    /// <summary>The dashboard at this address may use the provider (its callback paths are the OpenID Connect defaults).</summary>
    public void Register(string dashboardBaseUrl)
    {
        RedirectUri = dashboardBaseUrl.TrimEnd('/') + "/signin-oidc";
        PostLogoutRedirectUri = dashboardBaseUrl.TrimEnd('/') + "/signout-callback-oidc";
    }

    /// <param name="endSession">False: a provider that offers no sign-out (no end_session_endpoint in its metadata).</param>
    public static async Task<TestIdentityProvider> StartAsync(bool endSession = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var clock = new ShiftedClock();
        TestIdentityProvider? self = null;
        TestIdentityProvider Self() => self ?? throw new InvalidOperationException("The provider has not started.");

        builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        builder.Services.AddAuthentication(SessionScheme).AddCookie(SessionScheme, o => o.Cookie.Name = "provider.session");
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            if (endSession) o.SetEndSessionEndpointUris("connect/endsession");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.EnableDegradedMode();
            o.Configure(options => options.TimeProvider = clock);
            var host = o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            if (endSession) host.EnableEndSessionEndpointPassthrough();

            // Degraded mode checks no client: these handlers do, as a registered application would be checked.
            o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) Refuse(context, Self(), Errors.InvalidClient, "unknown client_id");
                else if (context.RedirectUri != Self().RedirectUri) Refuse(context, Self(), Errors.InvalidRequest, "redirect_uri not registered");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.Request.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    Refuse(context, Self(), Errors.InvalidClient, "wrong client_id or client_secret");
                }
                return default;
            }));
            o.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && uri != Self().PostLogoutRedirectUri)
                {
                    Refuse(context, Self(), Errors.InvalidRequest, "post_logout_redirect_uri not registered");
                }
                else
                {
                    Self().LastIdTokenHintSubject = context.IdentityTokenHintPrincipal?.GetClaim(Claims.Subject);
                }
                return default;
            }));
            o.AddEventHandler<ApplyTokenResponseContext>(h => h.UseInlineHandler(context =>
            {
                if (Self().TamperWithIdentityTokens && context.Response.IdToken is { } token) context.Response.IdToken = Tamper(token);
                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)((HttpContext context) => AuthorizeAsync(context, Self())));
        app.MapGet("/login", (string? returnUrl) => Results.Content(LoginPage(returnUrl ?? "/", failed: false), "text/html"));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal)) return Results.BadRequest();
            if (!Self().People.TryGetValue(form["userName"].ToString().Trim(), out var person))
            {
                return Results.Content(LoginPage(returnUrl, failed: true), "text/html");
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, person.UserName)], SessionScheme);
            await context.SignInAsync(SessionScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(returnUrl);
        });
        if (endSession) app.MapMethods("/connect/endsession", ["GET", "POST"], async (HttpContext context) =>
        {
            await context.SignOutAsync(SessionScheme);
            Interlocked.Increment(ref Self()._endedSessions);
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        self = new TestIdentityProvider(app, clock);
        return self;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, TestIdentityProvider provider)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(SessionScheme);
        if (!session.Succeeded || !provider.People.TryGetValue(session.Principal!.Identity!.Name!, out var person))
        {
            return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, person.UserName));
        identity.AddClaim(new Claim(Claims.PreferredUsername, person.UserName));
        identity.AddClaim(new Claim(Claims.Name, person.DisplayName));
        foreach (var group in person.Groups) identity.AddClaim(new Claim("groups", group));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>What an attacker holding a token would try: give themselves the director's group, keeping the signature.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["groups"] = new JsonArray("grp-director");
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }

    private static void Refuse(OpenIddict.Server.OpenIddictServerEvents.BaseValidatingContext context, TestIdentityProvider provider, string error, string why)
    {
        provider.Refusals.Enqueue(why);
        context.Reject(error: error, description: why);
    }

    private static string LoginPage(string returnUrl, bool failed) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Testshire Council sign-in</title></head>
        <body><h1>Testshire Council sign-in</h1>
        {(failed ? "<p role=\"alert\">Unknown user.</p>" : "")}
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
          <label for="u">Council user name</label> <input id="u" name="userName" type="text">
          <button type="submit">Continue</button>
        </form></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The provider's clock, which a test can set running behind.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
