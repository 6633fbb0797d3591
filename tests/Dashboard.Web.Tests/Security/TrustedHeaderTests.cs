using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Security;

/// <summary>Trusted-header sign-in over a real socket, where the connecting address is known.</summary>
public sealed class TrustedHeaderTests
{
    private static Dictionary<string, string> Mode(string proxies) => new()
    {
        ["Dashboard:Web:TrustedHeader:Enabled"] = "true",
        ["Dashboard:Web:Proxies"] = proxies,
    };

    [Test]
    public async Task A_listed_proxy_signs_in_a_person_who_has_an_account()
    {
        await using var dashboard = await LiveDashboard.StartAsync(TestCouncil.Scilly, Mode("127.0.0.1"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, dashboard.BaseUrl + "/data-quality");
        request.Headers.Add("X-Remote-User", TestCouncilSetup.UserNameFor(AppRole.Analyst));
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect).And.Not.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_header_naming_nobody_with_an_account_is_refused()
    {
        await using var dashboard = await LiveDashboard.StartAsync(TestCouncil.Scilly, Mode("127.0.0.1"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, dashboard.BaseUrl + "/");
        request.Headers.Add("X-Remote-User", "someone.else");
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("/signin"));
    }

    [Test]
    public async Task The_header_is_ignored_from_an_address_that_is_not_a_listed_proxy()
    {
        await using var dashboard = await LiveDashboard.StartAsync(TestCouncil.Scilly, Mode("10.1.2.3"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, dashboard.BaseUrl + "/");
        request.Headers.Add("X-Remote-User", TestCouncilSetup.UserNameFor(AppRole.Director));
        request.Headers.Add("X-Forwarded-For", "10.1.2.3");
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "an unlisted client must not sign in by header");
    }

    [Test]
    public void The_mode_cannot_be_switched_on_without_a_proxy_list()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Web:TrustedHeader:Enabled"] = "true",
        }).Build();
        Assert.That(() => WebSecuritySettings.From(configuration),
            Throws.TypeOf<InvalidWebSettingException>().With.Message.Contains("Dashboard:Web:Proxies"));
    }

    [TestCase("MaxFailedSignIns", "0")]
    [TestCase("SessionMinutes", "many")]
    [TestCase("Proxies", "not-an-address")]
    public void A_bad_setting_is_refused_naming_it(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:Web:" + key] = value }).Build();
        Assert.That(() => WebSecuritySettings.From(configuration), Throws.TypeOf<InvalidWebSettingException>().With.Message.Contains(key));
    }
}
