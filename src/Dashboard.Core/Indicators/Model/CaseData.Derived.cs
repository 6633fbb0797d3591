using System.Collections.Concurrent;

namespace Dashboard.Core.Indicators.Model;

/// <summary>
/// Lookups derived on first use and then shared: several indicators need the same thing for the same month
/// (the open cases and who holds them), and OVERSIGHT-02 needs each month's decisions twelve times over.
/// Computed once per key, whichever thread asks first; the data never changes, so a cached answer never goes stale.
/// </summary>
public sealed partial class CaseData
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _derived = new(StringComparer.Ordinal);

    /// <summary>The value for <paramref name="key"/>, built by <paramref name="build"/> the first time it is asked for.</summary>
    public T Derived<T>(string key, Func<CaseData, T> build) where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var lazy = _derived.GetOrAdd(key, _ => new Lazy<object>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }
}
