using Dashboard.Data.Audit;
using Dashboard.Web.Services.Admin;
using Dashboard.Web.Services.Children;
using Dashboard.Web.Services.DataQuality;

namespace Dashboard.Web.Services;

/// <summary>The services behind the child timeline, data quality and admin pages.</summary>
public static class ChildrenAndAdminServiceRegistration
{
    public static IServiceCollection AddChildrenDataQualityAndAdmin(this IServiceCollection services)
    {
        services.AddSingleton<QuarantineQueries>();
        // Scoped: they write to the audit trail, which reads the request's user.
        services.AddScoped<ChildTimelineService>();
        services.AddScoped<DataQualityService>();
        services.AddSingleton<ReturnSourceQueries>();
        services.AddScoped<ReturnSourcesService>();
        services.AddScoped<AdminService>();
        return services;
    }
}
