using Dashboard.Core.Indicators.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// The dashboard on a real Kestrel port on 127.0.0.1, for the browser tests (a browser cannot reach the in-memory
/// test server). Same app, same settings path as <c>dashboard serve</c>.
/// </summary>
public sealed class LiveDashboard : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private LiveDashboard(WebApplication app, string folder, string managerTeamId)
    {
        _app = app;
        _folder = folder;
        ManagerTeamId = managerTeamId;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string ManagerTeamId { get; }

    /// <summary>The running app's services, for a test to read what the page should show (the warehouse's own rows).</summary>
    public IServiceProvider Services => _app.Services;

    public static Task<LiveDashboard> StartAsync(TestCouncil council = TestCouncil.Small, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(council, _ => settings ?? new Dictionary<string, string>());

    /// <summary>With settings that name the test manager's team (an identity provider's Manager group does).</summary>
    public static async Task<LiveDashboard> StartAsync(TestCouncil council, Func<string, IReadOnlyDictionary<string, string>> settingsForManagerTeam)
    {
        ArgumentNullException.ThrowIfNull(settingsForManagerTeam);
        var (folder, target, managerTeamId, _) = await TestCouncilSetup.PrepareAsync(council, empty: false);
        var settings = settingsForManagerTeam(managerTeamId);
        var options = new DashboardWebOptions(target, folder, IndicatorSettings.Default with { CouncilName = "Testshire" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Web:SignInsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(settings.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)))).Build();
        var app = DashboardWebApp.Create(["--urls", "http://127.0.0.1:0"], options, configuration);
        await app.StartAsync();
        return new LiveDashboard(app, folder, managerTeamId);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder rather than failing the run.
        }
    }
}
