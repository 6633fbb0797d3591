using System.Net;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>
/// A browser without a screen for the in-memory dashboard and the real provider: requests to localhost go to the test
/// server, the rest over the network; cookies are kept per host and redirects followed, as a browser would.
/// </summary>
internal sealed class ProviderFlowClient(HttpMessageHandler dashboard) : IDisposable
{
    private readonly HttpMessageInvoker _dashboard = new(dashboard);
    private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly CookieContainer _cookies = new();

    public static readonly Uri Dashboard = new("http://localhost/");

    /// <summary>Requests <paramref name="url"/> (a POST when a form is given) and follows redirects; returns the last answer and its address.</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> FollowAsync(Uri url, IDictionary<string, string>? form = null)
    {
        var method = form is null ? HttpMethod.Get : HttpMethod.Post;
        for (var hop = 0; hop < 20; hop++)
        {
            using var request = new HttpRequestMessage(method, url);
            if (form is not null && method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(form);
            var cookies = _cookies.GetCookieHeader(url);
            if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
            var response = await (url.Host == "localhost" ? _dashboard : _network).SendAsync(request, CancellationToken.None);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set) _cookies.SetCookies(url, cookie);
            }
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null) return (response, url);
            url = new Uri(url, response.Headers.Location);
            method = HttpMethod.Get;
            response.Dispose();
        }
        throw new InvalidOperationException("More than 20 redirects.");
    }

    /// <summary>From the dashboard's "Sign in with ..." through the provider's own sign-in page, back to the dashboard.</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> SignInAsync(string userName, string returnUrl = "/")
    {
        var (login, loginUrl) = await FollowAsync(new Uri(Dashboard, "/signin/provider?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var html = await login.Content.ReadAsStringAsync();
        login.Dispose();
        var marker = "name=\"returnUrl\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"Expected the provider's sign-in page at {loginUrl}, got: {html[..Math.Min(300, html.Length)]}");
        start += marker.Length;
        var providerReturn = WebUtility.HtmlDecode(html[start..html.IndexOf('"', start)]);
        return await FollowAsync(new Uri(loginUrl, "/login"), new Dictionary<string, string> { ["returnUrl"] = providerReturn, ["userName"] = userName });
    }

    /// <summary>Posts a form of a dashboard page (with the page's antiforgery token) and follows redirects.</summary>
    public async Task<(HttpResponseMessage Response, Uri Url)> PostFormAsync(string pagePath, string actionPath, Dictionary<string, string>? fields = null)
    {
        var (page, _) = await FollowAsync(new Uri(Dashboard, pagePath));
        var html = await page.Content.ReadAsStringAsync();
        page.Dispose();
        var token = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        if (!token.Success) throw new InvalidOperationException($"{pagePath} has no antiforgery token.");
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await FollowAsync(new Uri(Dashboard, actionPath), form);
    }

    public void Dispose()
    {
        _dashboard.Dispose();
        _network.Dispose();
    }
}
