namespace Dashboard.Web.Tests.Support;

/// <summary>
/// What every browser journey starts from: Debian's Chromium and the dashboard served on a real port for one test
/// council, both started once for the fixture and stopped after it. A journey names its council; the tests then sign
/// in and click as the person would.
/// </summary>
public abstract class BrowserJourney
{
    private readonly TestCouncil _council;

    protected BrowserJourney(TestCouncil council) => _council = council;

    protected LiveDashboard Dashboard { get; private set; } = null!;

    protected BrowserSession Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartBrowserAndDashboardAsync()
    {
        Browser = await BrowserSession.StartAsync();
        Dashboard = await LiveDashboard.StartAsync(_council);
    }

    [OneTimeTearDown]
    public async Task StopBrowserAndDashboardAsync()
    {
        if (Dashboard is not null) await Dashboard.DisposeAsync();
        if (Browser is not null) await Browser.DisposeAsync();
    }
}
