using Dashboard.Data.App;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>The audit log's rows for an action, newest first, as the Admin's audit page reads them.</summary>
internal static class AuditRows
{
    public static async Task<IReadOnlyList<AuditRecord>> ForAsync(IServiceProvider services, string action, string? userName = null) =>
        (await services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery { Action = action, UserName = userName, Limit = 200 })).Rows;
}
