using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Circuits;

/// <summary>Interactive server rendering with the council's limits, and who is on each circuit for the audit log.</summary>
public static class CircuitServiceRegistration
{
    public static IRazorComponentsBuilder AddDashboardCircuits(this IRazorComponentsBuilder builder, CircuitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<CircuitUser>();
        builder.Services.AddScoped<CircuitHandler, CircuitUserHandler>();
        builder.AddInteractiveServerComponents(o =>
            {
                o.DisconnectedCircuitRetentionPeriod = settings.DisconnectedRetention;
                o.DisconnectedCircuitMaxRetained = settings.DisconnectedMaxRetained;
                o.JSInteropDefaultCallTimeout = settings.JsInteropTimeout;
                // Exception details stay in the server's log, never in a browser's console.
                o.DetailedErrors = false;
            })
            .AddHubOptions(o => o.MaximumReceiveMessageSize = settings.MaxMessageKilobytes * 1024L);
        // After the framework's own provider, so this one is used: it also re-checks an open circuit's session.
        builder.Services.AddScoped<AuthenticationStateProvider, Dashboard.Web.Security.SignIn.CircuitSessionRevalidation>();
        return builder;
    }
}
