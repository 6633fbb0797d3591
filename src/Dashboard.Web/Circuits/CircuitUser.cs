using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Circuits;

/// <summary>
/// The person and address behind one circuit. A circuit's work runs outside any HTTP request, so the audit trail takes
/// who and where from here rather than from an HttpContext (there is none, or only the connection's, inside a circuit).
/// </summary>
public sealed class CircuitUser
{
    /// <summary>Null outside a circuit (a page or download served over plain HTTP).</summary>
    public ClaimsPrincipal? Principal { get; private set; }

    public IPAddress? RemoteAddress { get; private set; }

    internal void Set(ClaimsPrincipal principal, IPAddress? remoteAddress)
    {
        Principal = principal;
        RemoteAddress = remoteAddress;
    }
}

/// <summary>Fills <see cref="CircuitUser"/> when a circuit opens, from the same authentication state the components read.</summary>
internal sealed class CircuitUserHandler(CircuitUser user, AuthenticationStateProvider authentication, IHttpContextAccessor http) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        // The circuit opens during the connection's own request, the one moment its address is known.
        user.Set(state.User, http.HttpContext?.Connection.RemoteIpAddress);
    }
}
