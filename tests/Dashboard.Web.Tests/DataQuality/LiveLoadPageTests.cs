using System.Net;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Web.Security;
using Dashboard.Web.Services.DataQuality;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.DataQuality;

/// <summary>
/// The data quality page as the server first sends it (prerendered, before the live connection): a load running now is
/// read from the board beside the host's own warehouse file, with the setting that decides when it stopped reporting.
/// </summary>
[NonParallelizable]
public sealed class LiveLoadPageTests
{
    private DashboardTestHost _host = null!;
    private HttpClient _director = null!;
    private string _boardPath = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        _director = await _host.SignedInAsync(Data.App.AppRole.Director);
        _boardPath = LoadProgressFile.PathBeside(_host.Warehouse.SqliteFile!);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _director.Dispose();
        await _host.DisposeAsync();
    }

    [TearDown]
    public void RemoveBoard() => File.Delete(_boardPath);

    [Test]
    public async Task A_load_running_now_is_in_the_first_html_with_its_stage_percentage_and_progress_element()
    {
        var now = _host.Clock.GetUtcNow();
        var self = LockOwner.CurrentProcess();
        await new LoadProgressFile(_boardPath).WriteAsync(new LoadProgress(
            41, now.AddSeconds(-72), "Validate", "ssd_cp_visits", 0.45, now.AddSeconds(-1), self.Host, self.ProcessId, self.ProcessStartedAt));

        var html = await _director.GetStringAsync("/data-quality");

        Assert.That(html, Does.Contain("Load 41 is running."));
        Assert.That(html, Does.Match(@"Validate ssd_cp_visits</span>, <span class=""live-load__percent"">45%</span>,\s+started \d\d:\d\d:\d\d UTC, 1 min 12 s so far"));
        Assert.That(html, Does.Contain(@"<progress class=""live-load__bar"" max=""100"" value=""45"" aria-label=""Load 41: 45% done"""));
        Assert.That(html, Does.Contain("data-live=\"page\""), "prerendered; the circuit takes over in the browser");
    }

    [Test]
    public async Task Without_a_board_the_page_has_no_load_panel()
    {
        var html = await _director.GetStringAsync("/data-quality");
        Assert.That(html, Does.Not.Contain("live-load__panel"));
        Assert.That(html, Does.Contain("Nightly runs"));
    }

    [Test]
    public async Task A_load_whose_board_is_older_than_the_limit_shows_as_stopped_reporting()
    {
        var now = _host.Clock.GetUtcNow();
        var self = LockOwner.CurrentProcess();
        await new LoadProgressFile(_boardPath).WriteAsync(new LoadProgress(
            42, now.AddMinutes(-5), "Swap", "fact_referral", 0.9, now.AddSeconds(-61), self.Host, self.ProcessId, self.ProcessStartedAt));

        var html = await _director.GetStringAsync("/data-quality");

        Assert.That(html, Does.Contain("Load 42 stopped reporting at"));
        Assert.That(html, Does.Contain("Nothing has come from it for 1 min 1 s."));
    }

    [TestCase(null, 60)]
    [TestCase("15", 15)]
    [TestCase("3600", 3600)]
    public void The_stale_limit_is_read_from_settings(string? value, int seconds)
    {
        var settings = LoadProgressSettings.From(Configuration(value));
        Assert.That(settings.StaleAfter, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("14")]
    [TestCase("3601")]
    [TestCase("a minute")]
    [TestCase("-5")]
    public void A_stale_limit_out_of_range_is_refused_with_the_setting_s_name(string value)
    {
        Assert.That(() => LoadProgressSettings.From(Configuration(value)), Throws.TypeOf<InvalidWebSettingException>()
            .With.Message.EqualTo($"Dashboard:Web:LoadProgress:StaleAfterSeconds is '{value}', but it must be a whole number of seconds from 15 to 3600 (the load writes its progress at least every 10 s)."));
    }

    private static IConfiguration Configuration(string? value) => new ConfigurationBuilder().AddInMemoryCollection(
        new Dictionary<string, string?> { ["Dashboard:Web:LoadProgress:StaleAfterSeconds"] = value }).Build();
}
