using Dashboard.Web.Circuits;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// An open circuit (a tab whose follow-up list sorts and pages in place) sends no HTTP request, so the cookie check
/// that ends a disabled account's session at its next request never runs for it. This re-asks the same question
/// (<see cref="SessionValidation.CheckAsync"/>) every <see cref="CircuitSettings.SessionRecheck"/> (30 s unless set): when the session no longer stands, or the
/// person's role or teams changed, the circuit's person becomes signed out and the services refuse its next request
/// for child-level rows; a reload then signs them in with their current access.
/// </summary>
public sealed class CircuitSessionRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, CircuitSettings settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.SessionRecheck;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        StillStandsAsync(authenticationState, cancellationToken);

    /// <summary>A changed role or teams counts as not standing: the circuit cannot take new claims, a reload can.</summary>
    internal async Task<bool> StillStandsAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await SessionValidation.CheckAsync(authenticationState.User, scope.ServiceProvider, cancellationToken);
        return outcome is { Stands: true, Replacement: null };
    }
}
