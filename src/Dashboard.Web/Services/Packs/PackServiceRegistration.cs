using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Services.Packs;

public static class PackServiceRegistration
{
    public static void AddPacks(IServiceCollection services)
    {
        services.AddSingleton(sp => PackSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<PackService>();
    }
}
