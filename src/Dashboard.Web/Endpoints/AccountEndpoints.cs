using Dashboard.Data.App;
using Dashboard.Web.Auditing;
using Dashboard.Web.Security;
using Dashboard.Web.Security.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Endpoints;

/// <summary>
/// Sign-in, sign-out and changing one's password as form posts (antiforgery checked by the framework for form-bound endpoints), so they
/// work without any script. Sign-in is rate limited per address, on top of the per-account lockout.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(DashboardWebApp.SignInRateLimit);
        endpoints.MapPost("/signout", SignOutAsync).RequireAuthorization();
        endpoints.MapGet(ProviderSignIn.StartPath, StartProviderSignIn).AllowAnonymous().RequireRateLimiting(DashboardWebApp.SignInRateLimit);
        endpoints.MapPost(PasswordChangeRequirement.PagePath, ChangePasswordAsync).RequireAuthorization()
            .RequireRateLimiting(DashboardWebApp.SignInRateLimit);
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, [FromForm] SignInForm form, LocalAccounts accounts, AuditTrail audit, CancellationToken cancellationToken)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        var check = await accounts.CheckAsync(form.UserName ?? "", form.Password ?? "", cancellationToken);
        if (!check.Succeeded)
        {
            await audit.RecordSignInAsync(form.UserName ?? "", AuditOutcome.Failed, check.FailureReason, cancellationToken);
            return Results.Redirect($"/signin?failed=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, check.Principal!);
        await audit.RecordSignInAsync(check.Principal!.Identity!.Name!, AuditOutcome.Allowed, null, cancellationToken);
        return Results.Redirect(returnUrl);
    }

    /// <summary>"Sign in with ..." on the sign-in page: off to the council's identity provider, back at the page asked for.</summary>
    private static IResult StartProviderSignIn(SignInSettings settings, string? returnUrl) => settings.Provider is null
        ? Results.NotFound()
        : Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [ProviderSignIn.SchemeName]);

    private static async Task<IResult> SignOutAsync(HttpContext context, AuditTrail audit, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditActions.SignOut, "/signout", cancellationToken: cancellationToken);
        if (context.User.Identity?.AuthenticationType == ProviderSignIn.SchemeName)
        {
            // Both sessions end: the provider's sign-out has already set the redirect, or only ours could end.
            return await ProviderSignOut.SignOutAsync(context, loggers.CreateLogger(typeof(ProviderSignOut)))
                ? Results.Empty
                : Results.Redirect("/signin?signedOut=" + ProviderSignOut.DashboardOnly);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/signin?signedOut=1");
    }

    private static async Task<IResult> ChangePasswordAsync(
        HttpContext context, [FromForm] ChangePasswordForm form, PasswordChange change, AuditTrail audit, CancellationToken cancellationToken)
    {
        var outcome = context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
            ? await change.ChangeAsync(context.User.Identity.Name!, form.CurrentPassword ?? "", form.NewPassword ?? "", form.ConfirmPassword ?? "",
                cancellationToken)
            : PasswordChangeOutcome.NotLocal;
        // The reason goes in the log, never a password.
        await audit.RecordAsync(AuditActions.ChangePassword, PasswordChangeRequirement.PagePath,
            outcome == PasswordChangeOutcome.Changed ? AuditOutcome.Allowed : AuditOutcome.Failed,
            outcome == PasswordChangeOutcome.Changed ? null : PasswordChange.Code(outcome), cancellationToken);
        return Results.Redirect(outcome == PasswordChangeOutcome.Changed
            ? $"{PasswordChangeRequirement.PagePath}?done=1"
            : $"{PasswordChangeRequirement.PagePath}?error={PasswordChange.Code(outcome)}");
    }

    /// <summary>Only a path on this site: an open redirect would let a phishing link borrow our sign-in page.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal)
            ? u
            : "/";

    public sealed class ChangePasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class SignInForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }
}
