namespace Dashboard.Synthetic.Simulation;

/// <summary>
/// A seeded <see cref="Random"/> with the few draws the simulation needs. Each child gets its own stream
/// derived from the run's seed and the child's number, so a change to one child's story does not reshuffle
/// every other child.
/// </summary>
internal sealed class Rng
{
    private readonly Random _random;

    public Rng(int seed) => _random = new Random(seed);

    /// <summary>A stream for one purpose and index of a run (SplitMix64 over the three numbers).</summary>
    public static Rng For(int seed, int stream, long index)
    {
        var z = Mix((ulong)(uint)seed);
        z = Mix(z ^ (ulong)(uint)stream);
        z = Mix(z ^ (ulong)index);
        return new Rng((int)(z & 0x7FFFFFFF));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public double Next() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Int(int min, int max) => max <= min ? min : _random.Next(min, max + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An exponential draw with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - _random.NextDouble());

    /// <summary>A Poisson count (Knuth's method; the means used here are small).</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = _random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= _random.NextDouble();
        }
        return k;
    }
}

/// <summary>Values with weights, drawn in proportion to them. Order is fixed, so draws are deterministic.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(params (T Value, double Weight)[] items)
    {
        _values = [.. items.Select(i => i.Value)];
        _cumulative = new double[items.Length];
        var total = 0.0;
        for (var i = 0; i < items.Length; i++)
        {
            total += items[i].Weight;
            _cumulative[i] = total;
        }
        for (var i = 0; i < items.Length; i++) _cumulative[i] /= total;
    }

    public IReadOnlyList<T> Values => _values;

    public T Draw(Rng rng)
    {
        var u = rng.Next();
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (u < _cumulative[i]) return _values[i];
        }
        return _values[^1];
    }
}
