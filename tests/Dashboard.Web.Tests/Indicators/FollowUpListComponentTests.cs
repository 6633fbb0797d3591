using System.Net;
using System.Security.Claims;
using Bunit;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Assets;
using Dashboard.Web.Auditing;
using Dashboard.Web.Circuits;
using Dashboard.Web.Components.Pages.Indicators;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>
/// The follow-up list as an interactive component (bUnit, the council's real services behind it): each click changes
/// the rows as a circuit would, puts the view into the address bar, and writes the same audit row as a page view; the
/// roles that may not see children get no rows because the service refuses them, not because the markup hides them.
/// </summary>
public sealed class FollowUpListComponentTests
{
    private DashboardTestHost _host = null!;
    private string _indicator = "";
    private string _period = "";
    private IReadOnlyList<StoredExceptionRow> _all = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        (_indicator, _period, _all) = await FollowUpListData.LongestListAsync(_host.Services);
        Assert.That(_all, Has.Count.GreaterThan(ExceptionRequest.PageSize), "the test list has more than one page");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Clicking_a_header_sorts_the_rows_puts_the_sort_in_the_address_and_audits_the_view()
    {
        using var ctx = Context(AppRole.Director, out var history);
        var cut = Render(ctx);
        Assert.That(cut.Find("th[aria-sort='descending'] a").TextContent, Is.EqualTo("Overdue by"), "most overdue first");
        var before = await ViewsAsync(AppRole.Director);

        await cut.Find("th a:contains('Child')").ClickAsync(new());

        var children = FollowUpListHtml.Rows(cut.Markup).Select(r => r.Child).ToList();
        Assert.That(children, Is.Ordered.Using<string>(StringComparer.Ordinal));
        Assert.That(children, Is.EqualTo(_all.Select(r => r.PersonId).Order(StringComparer.Ordinal).Take(ExceptionRequest.PageSize)));
        Assert.That(LastAddress(history), Is.EqualTo($"/indicators/{_indicator}?period={_period}&sort=child&dir=asc&page=1"));
        Assert.That(cut.Find("a[download]").GetAttribute("href"), Does.Contain("sort=child&dir=asc"), "the CSV carries the order shown");
        var after = await ViewsAsync(AppRole.Director);
        Assert.That(after.Total, Is.EqualTo(before.Total + 1), "one audit row for the view made over the circuit");
        Assert.That(after.Rows[0].Resource, Is.EqualTo($"/indicators/{_indicator}/exceptions?period={_period}"));
        Assert.That(after.Rows[0].RemoteAddress, Is.EqualTo("127.0.0.1"), "the circuit's address, not none");
    }

    [Test]
    public async Task Next_shows_the_second_page_in_place()
    {
        using var ctx = Context(AppRole.Director, out var history);
        var cut = Render(ctx);
        var first = FollowUpListHtml.Rows(cut.Markup);

        await cut.Find("nav a:contains('Next')").ClickAsync(new());

        var second = FollowUpListHtml.Rows(cut.Markup);
        Assert.That(second, Is.Not.Empty);
        Assert.That(second.Intersect(first), Is.Empty, "page 2 holds other rows");
        Assert.That(cut.Find("caption").TextContent, Does.Contain("page 2 of"));
        Assert.That(LastAddress(history), Does.EndWith("&sort=overdue&dir=desc&page=2"));
    }

    [Test]
    public async Task The_team_filter_and_search_change_the_rows_and_the_address_and_keep_the_order()
    {
        using var ctx = Context(AppRole.Director, out var history);
        var cut = Render(ctx, sort: "child", dir: "asc");
        var team = _host.ManagerTeamId;
        var worker = _all.First(r => r.TeamId == team && r.WorkerName is not null).WorkerName!.Split(' ')[^1];

        await cut.Find("#x-team").ChangeAsync(new() { Value = team });
        await cut.Find("#x-search").ChangeAsync(new() { Value = worker });
        await cut.Find("form.filters").SubmitAsync();

        var expected = _all.Where(r => r.TeamId == team && (r.WorkerName ?? "").Contains(worker, StringComparison.OrdinalIgnoreCase)).ToList();
        var rows = FollowUpListHtml.Rows(cut.Markup);
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r.Child), Is.SubsetOf(expected.Select(r => r.PersonId)));
        Assert.That(rows.Select(r => r.Child), Is.Ordered.Using<string>(StringComparer.Ordinal), "the order chosen stays");
        Assert.That(LastAddress(history), Does.Contain($"xteam={team}&q={Uri.EscapeDataString(worker)}&sort=child&dir=asc&page=1"));
        Assert.That(cut.Find("a[download]").GetAttribute("href"), Does.Contain($"team={team}&q={Uri.EscapeDataString(worker)}"));
    }

    [TestCase(AppRole.Councillor)]
    [TestCase(AppRole.Admin)]
    public void A_role_that_may_not_see_children_gets_no_rows_from_the_service(AppRole role)
    {
        using var ctx = Context(role, out _);
        Assert.That(() => Render(ctx), Throws.InstanceOf<AccessDeniedException>());
    }

    [Test]
    public void A_manager_asking_for_another_team_is_refused_by_the_service()
    {
        using var ctx = Context(AppRole.Manager, out _);
        Assert.That(() => Render(ctx, team: _host.OtherTeamId), Throws.InstanceOf<AccessDeniedException>());
    }

    [Test]
    public void A_manager_sees_only_their_team_and_a_director_sees_more()
    {
        using var manager = Context(AppRole.Manager, out _);
        var managerRows = FollowUpListHtml.Rows(Render(manager).Markup);
        Assert.That(managerRows, Is.Not.Empty);
        var teamName = _all.First(r => r.TeamId == _host.ManagerTeamId).TeamName;
        Assert.That(managerRows.Select(r => r.Team).Distinct(), Is.EqualTo(new[] { teamName }));

        using var director = Context(AppRole.Director, out _);
        Assert.That(FollowUpListHtml.Total(Render(director).Markup), Is.GreaterThan(FollowUpListHtml.Total(Render(manager).Markup)));
    }

    private IRenderedComponent<ExceptionList> Render(BunitContext ctx, string? team = null, string? sort = null, string? dir = null) =>
        ctx.Render<ExceptionList>(p => p
            .Add(c => c.IndicatorId, _indicator)
            .Add(c => c.Period, _period)
            .Add(c => c.PageValues, [new QueryValue("period", _period)])
            .Add(c => c.TeamChoices, [new TeamChoice(_host.ManagerTeamId, "Manager's team"), new TeamChoice(_host.OtherTeamId, "Other team")])
            .Add(c => c.Team, team)
            .Add(c => c.Sort, sort)
            .Add(c => c.Dir, dir));

    /// <summary>A component context as a circuit of this person: their claims, their address, the real services.</summary>
    private BunitContext Context(AppRole role, out BunitJSModuleInterop history)
    {
        var ctx = new BunitContext();
        // The council's own services (the host's), with this context's circuit user behind the audit trail.
        var host = _host.Services;
        ctx.Services.AddScoped<CircuitUser>();
        ctx.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<AuditTrail>(host, sp.GetRequiredService<CircuitUser>()));
        ctx.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<ExceptionListService>(host, sp.GetRequiredService<AuditTrail>()));
        ctx.Services.AddSingleton(host.GetRequiredService<EmbeddedAssets>());
        ctx.AddBunitPersistentComponentState();
        var userName = DashboardTestHost.UserNameFor(role);
        var claims = role == AppRole.Manager ? new[] { new Claim(Viewer.TeamClaim, _host.ManagerTeamId) } : [];
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(role.ToString());
        auth.SetClaims(claims);
        ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role.ToString()), .. claims], "test");
        ctx.Services.GetRequiredService<CircuitUser>().Set(new ClaimsPrincipal(identity), IPAddress.Loopback);
        history = ctx.JSInterop.SetupModule(_host.Services.GetRequiredService<EmbeddedAssets>().Url("history.js"));
        history.SetupVoid("show", _ => true);
        return ctx;
    }

    private static string? LastAddress(BunitJSModuleInterop history)
    {
        var calls = history.Invocations["show"];
        return calls.Count == 0 ? null : calls[^1].Arguments[0] as string;
    }

    private Task<AuditPage> ViewsAsync(AppRole role) => _host.Services.GetRequiredService<AuditLog>()
        .RecentAsync(new AuditQuery { UserName = DashboardTestHost.UserNameFor(role), Action = AuditActions.ViewExceptions });
}
