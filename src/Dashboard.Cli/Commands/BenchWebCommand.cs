using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Dashboard.Cli.Benchmarks;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Dashboard.Web.Security;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard bench web</c>: loads a council, starts `dashboard serve` as its own process, then measures (1) the
/// server-side render time of the overview and an indicator page cold (the first render after start, and the first of a
/// month nothing has been drawn for, as after a new load, whose figures and charts are keyed by the new load id) and warm
/// (repeated loads), (2) a bounded load run of signed-in users walking the main journey on 127.0.0.1 as page loads, and
/// (3) the same users working the follow-up list over their circuits: by default each a browser-less circuit client
/// (<see cref="CircuitClientHarness"/>, the server's share of a click), or with <c>--click-driver chromium</c> each a
/// Chromium tab (<see cref="CircuitLoadHarness"/>, a realism cross-check for a few users),
/// with the server's memory after both. Figures go to docs/performance.md.
/// </summary>
internal static class BenchWebCommand
{
    private const double WarmTargetMs = 100;
    private const double ColdTargetMs = 300;
    private const double P95TargetMs = 1000;
    private const string Indicator = "SEEN-01";

    public static Command Create(CliEnvironment env)
    {
        var preset = new Option<string>("--preset") { Description = "Council size.", DefaultValueFactory = _ => "large" };
        preset.AcceptOnlyFromAmong("scilly", "small", "medium", "large");
        var users = new Option<int>("--users") { Description = "Concurrent signed-in users in the load run.", DefaultValueFactory = _ => 50 };
        var requests = new Option<int>("--requests") { Description = "Requests in the load run, shared among the users.", DefaultValueFactory = _ => 2000 };
        var clicks = new Option<int>("--clicks") { Description = "Clicks in the interactive run (users clicking the follow-up list over their circuits), shared among the users; 0 skips it.", DefaultValueFactory = _ => 500 };
        var driver = new Option<string>("--click-driver")
        {
            Description = "Who clicks in the interactive run: 'circuit' (a browser-less Blazor circuit client per user, speaking blazor.web.js's protocol: the server's share) or 'chromium' (a Chromium tab per user: realism, but the browsers share the server's cores; use few users).",
            DefaultValueFactory = _ => "circuit",
        };
        driver.AcceptOnlyFromAmong("circuit", "chromium");
        var repeats = new Option<int>("--repeats") { Description = "Loads of each page for the render-time median.", DefaultValueFactory = _ => 30 };
        var warehouse = new Option<string?>("--warehouse") { Description = "An already loaded SQLite warehouse to use instead of generating one (it gains benchmark accounts)." };
        var command = new Command("web", "Render times of the overview and an indicator page, and a load run of signed-in users, against a served council.")
        {
            preset, users, requests, clicks, driver, repeats, warehouse,
        };
        command.SetAction(async (parse, ct) =>
        {
            var scratch = Directory.CreateTempSubdirectory("dashboard-bench-web-");
            try
            {
                var path = parse.GetValue(warehouse) is { } given ? Path.GetFullPath(given) : await LoadAsync(env, parse.GetValue(preset)!, scratch.FullName, ct);
                await RunAsync(env, path, scratch.FullName, Math.Max(1, parse.GetValue(users)), Math.Max(1, parse.GetValue(requests)),
                    Math.Max(0, parse.GetValue(clicks)), parse.GetValue(driver) == "chromium", Math.Max(3, parse.GetValue(repeats)), ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                scratch.Delete(recursive: true);
            }
            return 0;
        });
        return command;
    }

    public static async Task<string> LoadAsync(CliEnvironment env, string preset, string scratch, CancellationToken ct)
    {
        var sourcePath = Path.Combine(scratch, "source.db");
        var summary = await GenerateCommand.GenerateAsync(env, new GeneratorOptions(GenerateCommand.ParsePreset(preset), 1, 5, AsOf: new DateOnly(2026, 3, 31)), sourcePath, ct);
        var warehousePath = Path.Combine(scratch, "warehouse.db");
        await EtlCommand.RunAsync(env, new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, sourcePath), new DatabaseTarget(DatabaseProvider.Sqlite, warehousePath))
        {
            TriggerKind = "bench",
            AsOf = summary.AsOf,
        }, ct);
        // A letter's findings, so the monitoring-visit pack has its full evidence to make (as in the demo).
        await DemoFindings.AddIfNoneAsync(Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, warehousePath)), summary.AsOf, env.Time, ct);
        return warehousePath;
    }

    private static async Task RunAsync(CliEnvironment env, string warehousePath, string scratch, int userCount, int requests, int clickCount, bool chromium, int repeats, CancellationToken ct)
    {
        var connections = Warehouse.Connect(new DatabaseTarget(DatabaseProvider.Sqlite, warehousePath));
        await WarehouseSetup.PrepareAsync(connections, ct);
        var queries = new IndicatorQueries(connections);
        var periods = await queries.PeriodsAsync(ct);
        var period = periods.Count > 0 ? periods[^1] : throw new InvalidOperationException("The warehouse has no indicator figures to serve.");
        // A month no one has opened: its figures and charts are not cached, as every page's are not after a new load.
        var unseen = periods.Count > 1 ? periods[^2] : period;
        var teams = await queries.TeamsAsync(ct);
        var team = teams.FirstOrDefault(t => t.Name == DemoAccounts.ManagerTeamName);
        if (team == default) team = teams[0];

        // One password for every benchmark account, hashed once: hashing is deliberately slow.
        var password = PasswordRules.Generate();
        var hash = PasswordRules.Hash(password);
        var store = new UserStore(connections, env.Time);
        var names = Enumerable.Range(1, userCount).Select(i => $"bench.user{i:D3}").ToList();
        foreach (var name in names)
        {
            if (await store.FindAsync(name, ct) is null) await store.AddAsync(new NewUser(name, name, AppRole.Director, hash, false), ct);
            else await store.SetPasswordAsync(name, hash, false, ct);
        }

        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard__Warehouse__Provider"] = "sqlite",
            ["Dashboard__Warehouse__ConnectionString"] = warehousePath,
            ["Dashboard__DataDirectory"] = scratch,
            ["Dashboard__Web__SignInsPerMinute"] = "10000",
        }, ct);
        var harness = new WebLoadHarness(server.BaseUrl, Indicator, period);
        env.Out.MarkupLine($"Serving {Markup.Escape(warehousePath)} at {server.BaseUrl}; period {period}.");

        using var first = await harness.SignInAsync(names[0], password, ct);
        var cold = new List<(string Name, RequestSample Sample)>();
        async Task Cold(string name, string url) => cold.Add((name, (await WebLoadHarness.RepeatAsync(first, name, url, 1, ct))[0]));
        await Cold("Overview, first after start", $"/?period={period}");
        await Cold($"Indicator ({Indicator}), first after start", $"/indicators/{Indicator}?period={period}");
        await Cold("Overview, first of a month not yet drawn", $"/?period={unseen}");
        await Cold($"Indicator ({Indicator}), first of a month not yet drawn", $"/indicators/{Indicator}?period={unseen}");
        await WebLoadHarness.RepeatAsync(first, "warm-up", $"/?period={period}", 3, ct);
        await WebLoadHarness.RepeatAsync(first, "warm-up", $"/indicators/{Indicator}?period={period}", 3, ct);
        var overview = await WebLoadHarness.RepeatAsync(first, "overview", $"/?period={period}", repeats, ct);
        var indicator = await WebLoadHarness.RepeatAsync(first, "indicator", $"/indicators/{Indicator}?period={period}", repeats, ct);

        var signIn = Stopwatch.StartNew();
        var clients = await Task.WhenAll(names.Select(n => harness.SignInAsync(n, password, ct)));
        signIn.Stop();
        var load = Stopwatch.StartNew();
        var samples = await harness.RunAsync(clients, requests, team.Id, ct);
        load.Stop();
        foreach (var c in clients) c.Dispose();

        // The same users again, each with the indicator page's circuit, whose list sorts, pages and filters in place.
        List<RequestSample> interactive = [];
        var opened = TimeSpan.Zero;
        var clicking = TimeSpan.Zero;
        int? rowsChanged = null;
        (TimeSpan Server, TimeSpan Clients)? cpu = null;
        if (clickCount > 0)
        {
            var list = await LongestListAsync(connections, period, ct);
            env.Out.MarkupLine($"Interactive run on {Markup.Escape(list)}'s follow-up list, the longest of {period}.");
            var open = Stopwatch.StartNew();
            if (chromium)
            {
                await using var tabs = new CircuitLoadHarness(server.BaseUrl, list, period, team.Id);
                var pages = await ProgressDisplay.RunAsync(env.Out, $"Opening {userCount} signed-in Chromium tabs", () => tabs.OpenAsync(names, password, ct));
                opened = open.Elapsed;
                var click = Stopwatch.StartNew();
                interactive = await ProgressDisplay.RunAsync(env.Out, $"{clickCount:N0} clicks over {userCount} circuits", () => tabs.RunAsync(pages, clickCount, ct));
                clicking = click.Elapsed;
            }
            else
            {
                var circuits = new CircuitClientHarness(server.BaseUrl, list, period, team.Id);
                var tabs = await ProgressDisplay.RunAsync(env.Out, $"Opening {userCount} signed-in circuits", () => circuits.OpenAsync(harness, names, password, ct));
                try
                {
                    opened = open.Elapsed;
                    // CPU used by the server and by this process (the circuit clients) over the clicks: on a shared
                    // machine the latencies include waiting for the cores, the CPU per click does not.
                    var serverCpu = server.CpuTime();
                    var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var click = Stopwatch.StartNew();
                    interactive = await ProgressDisplay.RunAsync(env.Out, $"{clickCount:N0} clicks over {userCount} circuits", () => circuits.RunAsync(tabs, clickCount, ct));
                    clicking = click.Elapsed;
                    rowsChanged = circuits.RowsChanged;
                    cpu = (server.CpuTime() - serverCpu, Process.GetCurrentProcess().TotalProcessorTime - clientCpu);
                }
                finally
                {
                    foreach (var tab in tabs) await tab.DisposeAsync();
                }
            }
        }
        var (rss, peak) = server.Memory();

        Print(env.Out, cold, overview, indicator, samples, userCount, signIn.Elapsed, load.Elapsed, rss, peak);
        if (clickCount > 0) PrintInteractive(env.Out, interactive, userCount, chromium, opened, clicking, rowsChanged, cpu);
    }

    /// <summary>The indicator whose follow-up list is longest in the month, so every user has pages to turn.</summary>
    private static async Task<string> LongestListAsync(IConnectionFactory connections, string period, CancellationToken ct)
    {
        var queries = new ScopeSeriesQueries(connections);
        var (best, rows) = (Indicator, -1);
        foreach (var indicator in Dashboard.Core.Indicators.Catalogue.IndicatorCatalogue.All.Where(i => i.Definition.ExceptionRows is not null))
        {
            var total = (await queries.ExceptionsAsync(new ExceptionQuery(indicator.Definition.Id, period) { Limit = 1 }, ct)).Total;
            if (total > rows) (best, rows) = (indicator.Definition.Id, total);
        }
        return best;
    }

    private static void PrintInteractive(IAnsiConsole console, List<RequestSample> clicks, int users, bool chromium, TimeSpan opened, TimeSpan clicking, int? rowsChanged, (TimeSpan Server, TimeSpan Clients)? cpu)
    {
        var who = chromium ? "in Chromium tabs" : "as circuit clients (no browser)";
        var steps = new Table().Title($"Interactive run: {users} signed-in users {who}, {clicks.Count:N0} clicks over their circuits").AddColumn("Click")
            .AddColumn(new TableColumn("Clicks").RightAligned()).AddColumn(new TableColumn("Errors").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("p95 ms").RightAligned()).AddColumn(new TableColumn("max ms").RightAligned());
        foreach (var group in clicks.GroupBy(s => s.Step).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = group.Select(s => s.Milliseconds).ToList();
            steps.AddRow(Markup.Escape(group.Key), group.Count().ToString("N0"), group.Count(s => s.Failed).ToString("N0"), WebLoadHarness.Percentile(ms, 0.5).ToString("N0"),
                WebLoadHarness.Percentile(ms, 0.95).ToString("N0"), ms.Max().ToString("N0"));
        }
        console.Write(steps);
        var all = clicks.Select(s => s.Milliseconds).ToList();
        var p95 = WebLoadHarness.Percentile(all, 0.95);
        var errors = clicks.Count(s => s.Failed);
        console.WriteLine($"{(chromium ? "tabs" : "circuits")} opened:{(chromium ? "      " : "  ")}{users} signed in, each list on its circuit, in {opened.TotalSeconds:N1} s");
        console.WriteLine($"clicks:           {clicks.Count:N0} in {clicking.TotalSeconds:N1} s ({clicks.Count / Math.Max(clicking.TotalSeconds, 0.001):N0} clicks/s), "
            + (chromium ? "click to new rows drawn" : "event sent to the new rows rendered and the address moved"));
        if (cpu is { } used && clicks.Count > 0)
        {
            console.WriteLine($"cpu per click:    server {used.Server.TotalMilliseconds / clicks.Count:N1} ms, circuit clients {used.Clients.TotalMilliseconds / clicks.Count:N1} ms "
                + $"(server {used.Server.TotalSeconds / Math.Max(clicking.TotalSeconds, 0.001):N2} cores busy on average)");
        }
        if (rowsChanged is { } changed) console.WriteLine($"rows changed:     {changed:N0} of {clicks.Count:N0} clicks showed a different first row");
        console.WriteLine($"latency:          p50 {WebLoadHarness.Percentile(all, 0.5):N0} ms, p95 {p95:N0} ms (target < {P95TargetMs:N0} ms) {Verdict(p95 < P95TargetMs)}");
        console.WriteLine($"errors:           {errors:N0} (target 0) {Verdict(errors == 0)}");
    }

    private static void Print(IAnsiConsole console, List<(string Name, RequestSample Sample)> cold, List<RequestSample> overview, List<RequestSample> indicator,
        List<RequestSample> load, int users, TimeSpan signIn, TimeSpan loadTime, long rss, long peak)
    {
        var first = new Table().Title("Cold render (one user, first request)").AddColumn("Page")
            .AddColumn(new TableColumn("Server ms").RightAligned()).AddColumn(new TableColumn("Round trip ms").RightAligned()).AddColumn("Target");
        foreach (var (name, sample) in cold)
        {
            var ms = sample.ServerMilliseconds ?? double.NaN;
            first.AddRow(name, ms.ToString("N1"), sample.Milliseconds.ToString("N1"), $"<= {ColdTargetMs} ms {Verdict(ms <= ColdTargetMs && !sample.Failed)}");
        }
        console.Write(first);

        var table = new Table().Title("Warm render (one user, repeated loads)").AddColumn("Page")
            .AddColumn(new TableColumn("Loads").RightAligned()).AddColumn(new TableColumn("Server median ms").RightAligned())
            .AddColumn(new TableColumn("Server p95 ms").RightAligned()).AddColumn(new TableColumn("Round trip median ms").RightAligned()).AddColumn("Target");
        foreach (var (name, samples) in new[] { ("Overview", overview), ($"Indicator ({Indicator})", indicator) })
        {
            var server = samples.Where(s => s.ServerMilliseconds is not null).Select(s => s.ServerMilliseconds!.Value).ToList();
            var median = WebLoadHarness.Percentile(server, 0.5);
            table.AddRow(name, samples.Count.ToString("N0"), median.ToString("N1"), WebLoadHarness.Percentile(server, 0.95).ToString("N1"),
                WebLoadHarness.Percentile(samples.Select(s => s.Milliseconds), 0.5).ToString("N1"), $"<= {WarmTargetMs} ms {Verdict(median <= WarmTargetMs && samples.All(s => !s.Failed))}");
        }
        console.Write(table);

        var steps = new Table().Title($"Load run: {users} signed-in users, {load.Count:N0} requests").AddColumn("Step")
            .AddColumn(new TableColumn("Requests").RightAligned()).AddColumn(new TableColumn("Errors").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("p95 ms").RightAligned()).AddColumn(new TableColumn("max ms").RightAligned());
        foreach (var group in load.GroupBy(s => s.Step).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = group.Select(s => s.Milliseconds).ToList();
            steps.AddRow(group.Key, group.Count().ToString("N0"), group.Count(s => s.Failed).ToString("N0"), WebLoadHarness.Percentile(ms, 0.5).ToString("N0"),
                WebLoadHarness.Percentile(ms, 0.95).ToString("N0"), ms.Max().ToString("N0"));
        }
        console.Write(steps);
        var all = load.Select(s => s.Milliseconds).ToList();
        var p95 = WebLoadHarness.Percentile(all, 0.95);
        var errors = load.Count(s => s.Failed);
        console.WriteLine($"machine:          {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        console.WriteLine($"date:             {DateTime.UtcNow:yyyy-MM-dd}");
        console.WriteLine($"sign-in:          {users} users in {signIn.TotalSeconds:N1} s (concurrent)");
        console.WriteLine($"load run:         {load.Count:N0} requests in {loadTime.TotalSeconds:N1} s ({load.Count / loadTime.TotalSeconds:N0} requests/s)");
        console.WriteLine($"latency:          p50 {WebLoadHarness.Percentile(all, 0.5):N0} ms, p95 {p95:N0} ms (target < {P95TargetMs:N0} ms) {Verdict(p95 < P95TargetMs)}");
        console.WriteLine($"errors:           {errors:N0} (target 0) {Verdict(errors == 0)}");
        console.WriteLine($"server memory:    {rss / (1024.0 * 1024):N0} MiB resident after the run, {peak / (1024.0 * 1024):N0} MiB peak");
    }

    private static string Verdict(bool met) => met ? "met" : "NOT MET";
}
