using Dashboard.Charts;
using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.Web.Services.Charts;

/// <summary>
/// Drawn charts (SVG, and PNG when asked for) kept in memory by <see cref="ChartKey"/>, so a page's server render does not
/// draw again what an earlier viewer with the same view already drew. Keys carry the load id, so a new load's pages make
/// new entries at once and the old ones age out (sliding hour) or are evicted first when the size limit is reached.
/// Entries are sized by their bytes (strings in UTF-16); the limit is <see cref="ChartCacheSettings.Megabytes"/>.
/// </summary>
public sealed class ChartCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly MemoryCache? _cache;

    public ChartCache(ChartCacheSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Compact a quarter at a time when full, so a burst of new charts does not evict one by one.
        if (settings.Megabytes > 0) _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.SizeLimitBytes, CompactionPercentage = 0.25 });
    }

    /// <summary>Entries held now (for tests and the benchmark's report).</summary>
    public int Count => _cache?.Count ?? 0;

    /// <summary>Bytes the entries are sized at now.</summary>
    public long Bytes => _cache?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>True when the key has a drawn chart (or a recorded "no chart") in the cache.</summary>
    public bool Contains(ChartKey key) => _cache is not null && _cache.TryGetValue(key, out _);

    /// <summary>
    /// The chart for <paramref name="key"/>, drawn by <paramref name="draw"/> (and its SVG rendered) on a miss; null when
    /// the builder gives none (that answer is kept too, so a page with too little data does not build it again).
    /// </summary>
    public ChartSpec? GetOrDraw(ChartKey key, Func<ChartSpec?> draw)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(draw);
        if (_cache is null) return draw();
        if (_cache.TryGetValue(key, out Entry? hit)) return hit!.Chart;
        var chart = draw();
        // The SVG is drawn now, once, so its size is known; the page would draw it next anyway.
        var size = chart is null ? 64 : Size(chart);
        _cache.Set(key, new Entry(chart), new MemoryCacheEntryOptions { Size = size, SlidingExpiration = Lifetime });
        return chart;
    }

    /// <summary>
    /// The chart's PNG, kept under the key's <see cref="ChartKey.Png"/> entry. The bytes are drawn afresh on a miss and
    /// not kept by the chart itself, so the cache's size is the memory they take.
    /// </summary>
    public byte[] Png(ChartKey key, ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(chart);
        if (_cache is null) return chart.Drawing.DrawPng();
        if (_cache.TryGetValue(key.Png, out byte[]? hit)) return hit!;
        var png = chart.Drawing.DrawPng();
        _cache.Set(key.Png, png, new MemoryCacheEntryOptions { Size = png.Length + 64, SlidingExpiration = Lifetime });
        return png;
    }

    /// <summary>The SVG, description and table as UTF-16 strings, plus the objects around them.</summary>
    private static long Size(ChartSpec chart)
    {
        long chars = chart.Svg.Length + chart.Title.Length + chart.Description.Length + chart.Table.Caption.Length
            + chart.Table.Headers.Sum(h => h.Length) + chart.Table.Rows.Sum(r => r.Sum(c => c.Length + 12));
        return chars * 2 + 512;
    }

    public void Dispose() => _cache?.Dispose();

    private sealed record Entry(ChartSpec? Chart);
}
