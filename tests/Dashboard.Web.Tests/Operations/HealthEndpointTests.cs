using System.Net;
using System.Text.Json;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Operations;

/// <summary>
/// /health as the council's monitoring polls it: no sign-in, JSON with the status, whether the warehouse answers, the
/// age of the last successful load and the version; nothing else (no figures, names or connection details); 503 when
/// the warehouse cannot be reached.
/// </summary>
public sealed class HealthEndpointTests
{
    private static readonly string[] Fields = ["status", "warehouseReachable", "lastSuccessfulLoadAt", "lastSuccessfulLoadAgeMinutes", "version"];

    [Test]
    public async Task A_loaded_warehouse_reports_ok_with_the_age_of_its_last_load_to_anyone_without_signing_in()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        var lastLoad = await host.Services.GetRequiredService<LoadAuditQueries>().LastSucceededAsync();
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(Fields), "these fields and no others");
        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(json.GetProperty("warehouseReachable").GetBoolean(), Is.True);
        var finished = lastLoad!.FinishedAt!.Value;
        Assert.That(json.GetProperty("lastSuccessfulLoadAt").GetDateTimeOffset(), Is.EqualTo(finished));
        Assert.That(json.GetProperty("lastSuccessfulLoadAgeMinutes").GetInt64(),
            Is.EqualTo((long)Math.Floor((host.Clock.GetUtcNow() - finished).TotalMinutes)));
        Assert.That(json.GetProperty("version").GetString(), Is.Not.Empty);
        Assert.That(body, Does.Not.Contain("Testshire").And.Not.Contain(host.Warehouse.ConnectionString).And.Not.Contain("warehouse.db"));
    }

    [Test]
    public async Task Before_the_first_load_the_dashboard_is_up_with_no_load_to_report()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly, empty: true);
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/health");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(json.GetProperty("lastSuccessfulLoadAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(json.GetProperty("lastSuccessfulLoadAgeMinutes").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task An_unreachable_warehouse_answers_503_and_says_which_part_is_down_without_naming_it()
    {
        // A warehouse "inside" a file: SQLite cannot create or open it, as a server that is down cannot be reached.
        var blocker = Path.GetTempFileName();
        var target = new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(blocker, "warehouse.db"));
        var keys = Directory.CreateTempSubdirectory("dashboard-health-").FullName;
        try
        {
            await using var factory = new UnreachableWarehouse(new DashboardWebOptions(target, keys, IndicatorSettings.Default));
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            using var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(Fields));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("unavailable"));
            Assert.That(json.GetProperty("warehouseReachable").GetBoolean(), Is.False);
            Assert.That(body, Does.Not.Contain(blocker));
        }
        finally
        {
            File.Delete(blocker);
            Directory.Delete(keys, recursive: true);
        }
    }

    private sealed class UnreachableWarehouse(DashboardWebOptions options) : WebApplicationFactory<WebProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services => services.AddSingleton(options));
        }
    }
}
