using Dashboard.Data.Indicators;

namespace Dashboard.Web.Services.Themes;

/// <summary>The themes page's services: reading findings with their evidence, and editing findings.</summary>
public static class ThemesRegistration
{
    public static IServiceCollection AddThemes(this IServiceCollection services)
    {
        services.AddSingleton<FindingEvidenceQueries>();
        services.AddSingleton<ThemesService>();
        // Scoped: it writes to the audit trail, which reads the current request.
        services.AddScoped<FindingEditor>();
        return services;
    }
}
