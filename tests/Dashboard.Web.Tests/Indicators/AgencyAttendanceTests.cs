using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>Partner indicators show attendance by agency, and their follow-up rows say which agency did what.</summary>
public sealed partial class AgencyAttendanceTests
{
    private static readonly string[] Agencies = ["Police", "Health", "Education", "Probation", "Housing", "Other agency"];
    private DashboardTestHost _host = null!;
    private Month _month;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        _month = (await _host.Services.GetRequiredService<IndicatorFigures>().PeriodAsync(null))!.Selected;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase(AppRole.Director, false)]
    [TestCase(AppRole.Manager, true)]
    public async Task The_partner_page_shows_each_agencys_invitations_and_attendance_for_the_month_and_12_months(AppRole role, bool ownTeam)
    {
        var (level, id) = ownTeam ? ("team", _host.ManagerTeamId) : ("council", "council");
        var stored = await _host.Services.GetRequiredService<FindingEvidenceQueries>()
            .BreakdownsAsync(["PARTNERS-02"], level, id, _month.AddMonths(-11).ToString(), _month.ToString());
        using var client = await _host.SignedInAsync(role);
        var html = await client.GetStringAsync($"/indicators/PARTNERS-02?period={_month}" + (ownTeam ? $"&team={_host.ManagerTeamId}" : ""));

        var rows = AgencyRows().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => m.Groups[2].Captures.Select(c => c.Value).ToArray());
        Assert.That(rows.Keys, Is.EqualTo(Agencies));
        var police = stored.Where(r => r.Series == "POLICE").ToList();
        var month = police.Single(r => r.Period == _month.ToString());
        Assert.That(rows["Police"][0], Is.EqualTo(VisibleFigure.Count(month.Denominator)), "invited in the month");
        Assert.That(rows["Police"][1], Is.EqualTo(VisibleFigure.Count(month.Numerator)), "attended in the month");
        Assert.That(rows["Police"][3], Is.EqualTo(VisibleFigure.Count(police.Sum(r => r.Denominator))), "invited over 12 months");
        Assert.That(rows["Police"][4], Is.EqualTo(VisibleFigure.Count(police.Sum(r => r.Numerator))), "attended over 12 months");
        Assert.That(html, Does.Contain("Attendance by agency").Or.Contain("by agency,"));
    }

    [Test]
    public async Task Conference_reports_are_counted_as_reports_provided()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync($"/indicators/PARTNERS-03?period={_month}");
        Assert.That(html, Does.Contain("<th scope=\"col\" class=\"num\">Report provided</th>"));
    }

    [Test]
    public async Task An_indicator_without_agencies_has_no_agency_table()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync($"/indicators/SEEN-01?period={_month}");
        Assert.That(html, Does.Not.Contain("id=\"agencies-heading\""));
    }

    [Test]
    public async Task A_councillor_sees_the_agency_table_with_no_count_from_1_to_5()
    {
        await using var scilly = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        using var client = await scilly.SignedInAsync(AppRole.Councillor);
        foreach (var id in new[] { "PARTNERS-01", "PARTNERS-02", "PARTNERS-03" })
        {
            var html = await client.GetStringAsync($"/indicators/{id}");
            Assert.That(html, Does.Contain("id=\"agencies-heading\""), id);
            Assert.That(SuppressionScan.SmallCountsInTableCells(html), Is.Empty, id);
        }
    }

    [Test]
    public async Task Follow_up_rows_name_the_agency_and_what_went_wrong()
    {
        var rows = await _host.Services.GetRequiredService<ScopeSeriesQueries>().AllExceptionsAsync(new ExceptionQuery("PARTNERS-02", _month.ToString()));
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r.WhatDue), Is.All.Match("^(Police|Health|Education|Probation|Housing|Other agency) invited to the initial conference, (did not attend|attendance not recorded)$"));

        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/children/{rows[0].PersonId}"));
        var overdue = html[html.IndexOf("id=\"overdue-heading\"", StringComparison.Ordinal)..];
        Assert.That(overdue, Does.Contain(rows[0].WhatDue), "the child's timeline says which agency did not attend");
        Assert.That(html, Does.Not.Contain("Invited agency attended"));
    }

    [GeneratedRegex("<tr>\\s*<th scope=\"row\">([^<]+)</th>(?:\\s*<td class=\"num\">([^<]*)</td>){6}\\s*</tr>")]
    private static partial Regex AgencyRows();
}
