using System.Globalization;
using Dashboard.Data.Audit;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// The words every page prints for the load its figures come from, spelled out here rather than taken from the app's
/// own <c>Freshness.Describe</c>, so that the tests reading them would notice it change.
/// </summary>
public static class LoadStamp
{
    /// <summary>"Figures from the load that finished 5 Dec 2026 18:40 UTC (extract as at 31 Mar 2026)".</summary>
    public static string Of(LoadRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(CultureInfo.InvariantCulture,
            $"Figures from the load that finished {(run.FinishedAt ?? run.StartedAt).UtcDateTime:d MMM yyyy HH:mm} UTC (extract as at {run.AsOfDate:d MMM yyyy})");
    }
}
