using System.Diagnostics;
using System.Net;
using Dashboard.Cli.Benchmarks.Circuit;

namespace Dashboard.Cli.Benchmarks;

/// <summary>
/// Signed-in users working the follow-up list over their own Blazor circuits, with no browser: each user signs in through
/// the form, loads the indicator page and opens its circuit with <see cref="BlazorCircuitClient"/>, which speaks the
/// protocol blazor.web.js speaks to the real server. They then make the same round of clicks as
/// <see cref="CircuitLoadHarness"/>'s Chromium tabs (sort by each column, turn pages, filter by a team), sent as the
/// browser sends them. A click's time runs from sending the event to the list showing its new view (see
/// <see cref="FollowUpListView.Judge"/>): the server's work and the circuit's round trips, without a browser drawing
/// the rows on the same cores. A click whose view does not come within the timeout, an error above the list, or a
/// failed circuit counts as an error.
/// </summary>
internal sealed class CircuitClientHarness(string baseUrl, string indicatorId, string period, string teamId, TimeSpan? clickTimeout = null)
{
    public static readonly TimeSpan DefaultClickTimeout = TimeSpan.FromSeconds(15);
    private readonly TimeSpan _clickTimeout = clickTimeout ?? DefaultClickTimeout;
    private int _rowsChanged;

    /// <summary>Clicks shown whose list's first row differed from the row before the click: the clicks did change the rows.</summary>
    public int RowsChanged => Volatile.Read(ref _rowsChanged);

    /// <summary>Signs each user in and opens the indicator page's circuit until its list runs there, a few at a time.</summary>
    public async Task<IReadOnlyList<ICircuitTab>> OpenAsync(WebLoadHarness web, IReadOnlyList<string> userNames, string password, CancellationToken ct)
    {
        var tabs = new ICircuitTab[userNames.Count];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(userNames.Select(async (name, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var cookies = new CookieContainer();
                var page = new Uri($"{baseUrl}/indicators/{Uri.EscapeDataString(indicatorId)}?period={period}");
                string html;
                using (var http = await web.SignInAsync(name, password, ct, cookies)) html = await http.GetStringAsync(page, ct);
                var tab = await BlazorCircuitClient.StartAsync(page, html, cookies, ct);
                tabs[i] = tab;
                if (!await tab.WaitUntilAsync((doc, _) => FollowUpListView.List(doc)?.Attribute("data-live") == "circuit", TimeSpan.FromMinutes(2), ct))
                {
                    throw new InvalidOperationException($"{name}'s follow-up list did not come over the circuit: {tab.Failure ?? "no render within two minutes"}.");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return tabs;
    }

    /// <summary>The users' clicks, <paramref name="totalClicks"/> in all (<see cref="FollowUpClickRound"/>).</summary>
    public Task<List<RequestSample>> RunAsync(IReadOnlyList<ICircuitTab> tabs, int totalClicks, CancellationToken ct) =>
        FollowUpClickRound.RunAsync(tabs, totalClicks, ClickAsync, ct);

    /// <summary>One click and its time; null when the list has no such link (one page: no Next), which is not a fault.</summary>
    public async Task<RequestSample?> ClickAsync(ICircuitTab tab, string click, CancellationToken ct)
    {
        var step = click == "team filter" ? "filter by team" : $"click \"{click}\"";
        var (before, firstRow) = tab.Read((doc, address) => (address, FollowUpListView.FirstRow(doc)));
        var started = Stopwatch.GetTimestamp();
        RequestSample Failed() => new(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, true);
        Func<string, bool> expected;
        if (click == "team filter")
        {
            // Between the manager's team and all teams in turn, so the address always changes.
            var (select, form) = tab.Read((doc, _) => FollowUpListView.List(doc) is { } list
                ? (FollowUpListView.ById(list, "x-team"), list.Elements("form").FirstOrDefault(f => f.Events.ContainsKey("submit")))
                : (null, null));
            if (select is null || form is null || !select.Events.TryGetValue("change", out var change)) return Failed();
            var target = (select.Attribute("value") ?? "") == teamId ? "" : teamId;
            var filtered = "xteam=" + Uri.EscapeDataString(target);
            expected = address => target == "" ? !address.Contains("xteam=", StringComparison.Ordinal) : address.Contains(filtered, StringComparison.Ordinal);
            // The person picks the team: the browser's field holds it before the change is sent, and the server, told the
            // field's value with the event, sends no edit for it.
            tab.Read((_, _) => select.Attributes["value"] = target);
            started = Stopwatch.GetTimestamp();
            if (!await SendAsync(() => tab.DispatchAsync(change, "change", new { value = target }, new { componentId = select.RenderedBy, fieldValue = target }, ct))
                || !await SendAsync(() => tab.DispatchAsync(form.Events["submit"], "submit", new { type = "submit" }, null, ct)))
            {
                return Failed();
            }
        }
        else
        {
            var link = tab.Read((doc, _) => FollowUpListView.List(doc) is { } list ? FollowUpListView.Link(list, click) : null);
            if (link is null) return null;
            if (!link.Events.TryGetValue("click", out var handler) || link.Attribute("href") is not { } href) return Failed();
            // The list puts the link's own address (less its #anchor) in the address bar once its rows are drawn.
            var target = href.Split('#')[0];
            expected = address => address == target;
            started = Stopwatch.GetTimestamp();
            if (!await SendAsync(() => tab.DispatchAsync(handler, "click", new { type = "click", detail = 1, button = 0, buttons = 0 }, null, ct))) return Failed();
        }
        var shown = await tab.WaitUntilAsync((doc, address) => FollowUpListView.Judge(doc, address, before, expected).State != ClickState.Pending, _clickTimeout, ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var (state, rows) = tab.Read((doc, address) => (FollowUpListView.Judge(doc, address, before, expected).State, FollowUpListView.FirstRow(doc)));
        if (state == ClickState.Shown && rows != firstRow) Interlocked.Increment(ref _rowsChanged);
        return new RequestSample(step, elapsed, null, !shown || state != ClickState.Shown);
    }

    /// <summary>Sends an event; false when the connection cannot take it (closed or broken), which is the click's error.</summary>
    private static async Task<bool> SendAsync(Func<Task> send)
    {
        try
        {
            await send();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or Microsoft.AspNetCore.SignalR.HubException or System.Net.WebSockets.WebSocketException)
        {
            return false;
        }
    }
}
