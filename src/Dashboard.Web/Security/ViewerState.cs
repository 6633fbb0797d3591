using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Security;

/// <summary>
/// The viewer for a component from the cascading authentication state: the same <see cref="Viewer.From"/> the static
/// pages use with HttpContext.User, so role and team scoping are identical whether a page is prerendered or its
/// interactive parts run over a circuit (where there is no HttpContext).
/// </summary>
public static class ViewerState
{
    public static async Task<Viewer> ViewerAsync(this Task<AuthenticationState>? authentication)
    {
        if (authentication is null) throw new AccessDeniedException("Sign in to see this page.");
        return Viewer.From((await authentication).User);
    }
}
