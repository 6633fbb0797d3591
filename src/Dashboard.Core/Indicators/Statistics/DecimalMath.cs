namespace Dashboard.Core.Indicators.Statistics;

/// <summary>Square roots in decimal, so limits stay in the same exact arithmetic as rates (never double).</summary>
public static class DecimalMath
{
    /// <summary>Newton's method from a double estimate; correct to about 26 significant digits.</summary>
    public static decimal Sqrt(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0) return 0;
        var x = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4; i++)
        {
            if (x == 0) return 0;
            var next = (x + (value / x)) / 2;
            if (next == x) break;
            x = next;
        }
        return x;
    }

    public static decimal Clamp(decimal value, decimal min, decimal max) => value < min ? min : value > max ? max : value;
}
