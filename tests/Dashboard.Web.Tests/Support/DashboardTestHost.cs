using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.App;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// The dashboard in-process over a loaded synthetic council (WebApplicationFactory), with one account per role.
/// Start one per fixture in [OneTimeSetUp]; clients from <see cref="SignedInAsync"/> carry that person's cookie.
/// The clock stands at 06:00 the morning after the extract, so the data is fresh.
/// </summary>
public sealed partial class DashboardTestHost : IAsyncDisposable
{
    public const string Password = TestCouncilSetup.Password;

    private readonly DashboardFactory _factory;
    private readonly string _folder;

    private DashboardTestHost(DashboardFactory factory, string folder, DatabaseTarget warehouse, string managerTeamId, string otherTeamId)
    {
        _factory = factory;
        _folder = folder;
        Warehouse = warehouse;
        ManagerTeamId = managerTeamId;
        OtherTeamId = otherTeamId;
    }

#pragma warning disable CA1822 // An instance member so tests read it from the host they use.
    public DateOnly AsOf => TestWarehouses.AsOf;
#pragma warning restore CA1822

    public DatabaseTarget Warehouse { get; }

    /// <summary>The team the test Manager manages (Child Protection West where the council has it).</summary>
    public string ManagerTeamId { get; }

    /// <summary>A team the test Manager does not manage.</summary>
    public string OtherTeamId { get; }

    public IServiceProvider Services => _factory.Services;

    public FakeTimeProvider Clock => _factory.Clock;

    public static string UserNameFor(AppRole role) => TestCouncilSetup.UserNameFor(role);

    /// <param name="empty">A migrated warehouse with no load: the dashboard before its first night.</param>
    /// <param name="settings">Extra Dashboard:Web settings (for example a low sign-in rate limit).</param>
    /// <param name="indicators">The council's indicator settings; default: the defaults, for "Testshire".</param>
    /// <param name="services">Extra services for the host (for example a logger provider that keeps every line).</param>
    public static async Task<DashboardTestHost> StartAsync(TestCouncil council = TestCouncil.Small, bool empty = false,
        IReadOnlyDictionary<string, string>? settings = null, IndicatorSettings? indicators = null, Action<IServiceCollection>? services = null)
    {
        var (folder, target, managerTeamId, otherTeamId) = await TestCouncilSetup.PrepareAsync(council, empty);
        var options = new DashboardWebOptions(target, folder, indicators ?? IndicatorSettings.Default with { CouncilName = "Testshire" });
        var factory = new DashboardFactory(options, settings ?? new Dictionary<string, string>(), services);
        return new DashboardTestHost(factory, folder, target, managerTeamId, otherTeamId);
    }

    /// <summary>A client with no one signed in; redirects are not followed, so a test sees 302 and 403 as they are.</summary>
    public HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(AppRole role)
    {
        var client = Anonymous();
        using var response = await PostFormAsync(client, "/signin", "/signin",
            new Dictionary<string, string> { ["UserName"] = UserNameFor(role), ["Password"] = Password, ["ReturnUrl"] = "/" });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() != "/")
        {
            throw new InvalidOperationException($"Signing in as {role} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
        return client;
    }

    /// <summary>The in-memory server's handler, for a client that also talks to other hosts (the tests' identity provider).</summary>
    public HttpMessageHandler CreateHandler() => _factory.Server.CreateHandler();

    /// <summary>Posts a form the way a browser would: the antiforgery token comes from the page that shows the form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string actionUrl, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var html = await client.GetStringAsync(pageUrl);
        var token = AntiforgeryToken().Match(html);
        if (!token.Success) throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(actionUrl, content);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left in the temp folder rather than failing the run.
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class DashboardFactory(DashboardWebOptions options, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? extra)
        : WebApplicationFactory<WebProgram>
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(TestWarehouses.AsOf.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // Tests sign in many times from one address; the rate-limit test sets its own low figure.
            builder.UseSetting("Dashboard:Web:SignInsPerMinute", "10000");
            builder.UseSetting("Dashboard:Web:ExportsPerMinute", "10000");
            // No background drawing competing with the tests; the warming tests call the warmer themselves.
            builder.UseSetting("Dashboard:Web:ChartCache:Warm", "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(options);
                services.AddSingleton<TimeProvider>(Clock);
                extra?.Invoke(services);
            });
        }
    }
}
