namespace Dashboard.Etl.Scheduling;

/// <summary>When the nightly run is due: a wall-clock time in the council's time zone.</summary>
public static class NightlySchedule
{
    /// <summary>
    /// The first instant strictly after <paramref name="now"/> at which the local clock in
    /// <paramref name="zone"/> shows <paramref name="at"/>. On the spring-forward night a time that does
    /// not exist (01:30 in the UK) runs at the first minute after the gap; on the autumn night a time that
    /// happens twice runs once, at the first of the two.
    /// </summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(localNow.DateTime);
        for (var i = 0; i < 3; i++)
        {
            var candidate = ToInstant(day.AddDays(i).ToDateTime(at), zone);
            if (candidate > now) return candidate;
        }
        throw new InvalidOperationException("No next run could be found within three days.");
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall)) wall = wall.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(wall)
            ? zone.GetAmbiguousTimeOffsets(wall).Max()   // the larger offset is the earlier instant
            : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }
}
