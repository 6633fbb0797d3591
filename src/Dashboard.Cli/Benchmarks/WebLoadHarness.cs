using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Cli.Benchmarks;

/// <summary>One request's outcome: which step, how long end to end, the server's own render time, and whether it failed.</summary>
internal readonly record struct RequestSample(string Step, double Milliseconds, double? ServerMilliseconds, bool Failed);

/// <summary>
/// Signed-in users walking the main journey against a running dashboard: overview, an indicator, that indicator for
/// one team, a child from its exception list, and back. A fixed number of requests is shared among the users, so
/// every run does the same work; each user keeps its own cookies, as a browser would. Users are plain HTTP clients, each
/// step a full server render; <see cref="CircuitLoadHarness"/> measures the same users clicking over their circuits.
/// </summary>
internal sealed partial class WebLoadHarness(string baseUrl, string indicatorId, string period)
{
    /// <summary>Signs a user in through the form; <paramref name="cookies"/>, when given, is the jar the sign-in lands in (a
    /// circuit client connects with it).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password, CancellationToken ct, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var page = await client.GetStringAsync("/signin", ct);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/signin", form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() != "/")
        {
            client.Dispose();
            throw new InvalidOperationException($"Benchmark user {userName} could not sign in ({(int)response.StatusCode}).");
        }
        return client;
    }

    /// <summary>Repeated loads of one page by one signed-in user, for the render-time medians.</summary>
    public static async Task<List<RequestSample>> RepeatAsync(HttpClient client, string step, string url, int times, CancellationToken ct)
    {
        var samples = new List<RequestSample>(times);
        for (var i = 0; i < times; i++) samples.Add(await GetAsync(client, step, url, ct));
        return samples;
    }

    public async Task<List<RequestSample>> RunAsync(IReadOnlyList<HttpClient> users, int totalRequests, string teamId, CancellationToken ct)
    {
        var remaining = totalRequests;
        var samples = new ConcurrentBag<RequestSample>();
        var journey = new (string Step, Func<string?, string> Url)[]
        {
            ("overview", _ => $"/?period={period}"),
            ("indicator", _ => $"/indicators/{indicatorId}?period={period}"),
            ("indicator by team", _ => $"/indicators/{indicatorId}?period={period}&team={Uri.EscapeDataString(teamId)}"),
            ("child timeline", child => child is null ? $"/indicators/{indicatorId}?period={period}" : $"/children/{Uri.EscapeDataString(child)}"),
        };
        await Task.WhenAll(users.Select(async client =>
        {
            string? child = null;
            for (var step = 0; Interlocked.Decrement(ref remaining) >= 0; step = (step + 1) % journey.Length)
            {
                var (name, url) = journey[step];
                var sample = await GetAsync(client, name, url(child), ct, body => child ??= ChildLink().Match(body) is { Success: true } m ? m.Groups[1].Value : null);
                samples.Add(sample);
            }
        }));
        return [.. samples];
    }

    private static async Task<RequestSample> GetAsync(HttpClient client, string step, string url, CancellationToken ct, Action<string>? read = null)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            read?.Invoke(body);
            double? server = response.Headers.TryGetValues("Server-Timing", out var values)
                && ServerDuration().Match(values.First()) is { Success: true } m
                ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : null;
            return new RequestSample(step, elapsed, server, response.StatusCode != HttpStatusCode.OK);
        }
        catch (HttpRequestException)
        {
            return new RequestSample(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new RequestSample(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, true);
        }
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"/children/([^\"?]+)")]
    private static partial Regex ChildLink();

    [GeneratedRegex(@"app;dur=([0-9.]+)")]
    private static partial Regex ServerDuration();
}
