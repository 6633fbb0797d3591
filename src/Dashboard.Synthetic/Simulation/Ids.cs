namespace Dashboard.Synthetic.Simulation;

/// <summary>The kinds of identifier the council's case system hands out.</summary>
internal enum IdKind : byte
{
    Person, Contact, EarlyHelp, EarlyHelpWorker, Referral, Involvement, Assessment, CinPlan, CinVisit, S47, Icpc, CpPlan,
    CpVisit, CpReview, ClaEpisode, PeriodOfCare, Placement, ClaReview, ClaVisit, LegalStatus, Meeting, Attendance,
    Oversight, Worker, Staff, Team,
}

/// <summary>An identifier as the case system writes it: a prefix and a number ("P000123"). Kept as a number
/// until the row is written, so handing ids around allocates nothing.</summary>
internal readonly record struct Id(IdKind Kind, long Number)
{
    public override string ToString() => Ids.PrefixOf(Kind) + Number.ToString("D6");
}

/// <summary>
/// Hands out ids in order. Ids of children who are simulated but not written (their story ended before the
/// window) leave gaps, as deleted records do in a real case system.
/// </summary>
internal sealed class Ids
{
    /// <summary>Planted unknown references use numbers from here up, which no real row reaches.</summary>
    public const long UnknownBase = 900_000_000;

    private static readonly string[] Prefixes =
    [
        "P", "C", "EH", "EHW", "R", "INV", "A", "CINP", "CINV", "S47", "ICPC", "CPP",
        "CPV", "CPR", "CLAE", "CLA", "PL", "CLAR", "CLAV", "LS", "M", "MA",
        "MO", "W", "S", "T",
    ];

    private static readonly byte[][] Utf8Prefixes = [.. Prefixes.Select(p => System.Text.Encoding.ASCII.GetBytes(p))];

    private readonly long[] _next = new long[Prefixes.Length];

    public Id Next(IdKind kind) => new(kind, ++_next[(int)kind]);

    public static string PrefixOf(IdKind kind) => Prefixes[(int)kind];

    /// <summary>Writes the id as ASCII into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Format(IdKind kind, long number, Span<byte> destination)
    {
        var prefix = Utf8Prefixes[(int)kind];
        prefix.CopyTo(destination);
        number.TryFormat(destination[prefix.Length..], out var written, "D6");
        return prefix.Length + written;
    }
}
