using System.Collections.Concurrent;

namespace Dashboard.Cli.Benchmarks;

/// <summary>
/// What every interactive user of `bench web` does to the follow-up list, whoever drives it (a Chromium tab or a
/// circuit client): the same round of clicks, and a fixed number of clicks shared among the users, each waiting for
/// its view before the next.
/// </summary>
internal static class FollowUpClickRound
{
    /// <summary>A header or pager link by the start of its text, or the team filter (on, then off). Sorting starts again at
    /// page 1, so each round ends where it began: page 1 of the whole list.</summary>
    public static readonly string[] Clicks = ["Child", "Next", "Previous", "Team", "Worker", "Next", "Due date", "team filter", "Overdue by", "team filter"];

    /// <summary>The users' clicks, <paramref name="totalClicks"/> in all; <paramref name="click"/> makes one and times it
    /// (null when the list has no such link, which is not a fault).</summary>
    public static async Task<List<RequestSample>> RunAsync<TUser>(
        IReadOnlyList<TUser> users, int totalClicks, Func<TUser, string, CancellationToken, Task<RequestSample?>> click, CancellationToken ct)
    {
        var remaining = totalClicks;
        var samples = new ConcurrentBag<RequestSample>();
        await Task.WhenAll(users.Select(async user =>
        {
            for (var step = 0; Interlocked.Decrement(ref remaining) >= 0; step = (step + 1) % Clicks.Length)
            {
                ct.ThrowIfCancellationRequested();
                if (await click(user, Clicks[step], ct) is { } sample) samples.Add(sample);
            }
        }));
        return [.. samples];
    }
}
