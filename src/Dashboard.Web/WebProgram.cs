namespace Dashboard.Web;

/// <summary>
/// The web app's own entry point. People start the dashboard with <c>dashboard serve</c> or <c>dashboard demo</c>,
/// which host <see cref="DashboardWebApp"/> in-process with the product's settings; this entry point exists so
/// WebApplicationFactory can host the same app in tests, where the test supplies <see cref="DashboardWebOptions"/>.
/// </summary>
#pragma warning disable CA1052 // Not static: WebApplicationFactory<T> needs a type argument from this assembly.
public sealed class WebProgram
#pragma warning restore CA1052
{
    private WebProgram()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        await using var app = DashboardWebApp.Create(args, options: null);
        await app.RunAsync();
        return 0;
    }
}
