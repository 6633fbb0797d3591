using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// Holds episodes and reviews from every year in temporary tables of the output while the files are read, so an
/// episode seen in two years (open at 31 March, then closed) becomes one (the later year's values win where it has
/// them), and periods of care can be built per child in date order without holding the files in memory.
/// </summary>
internal sealed class Ssda903Stage : IDisposable
{
    private readonly SsdSourceWriter _writer;
    private readonly SqliteCommand _episode;
    private readonly SqliteCommand _review;
    private readonly SqliteCommand _period;

    private static readonly string[] EpisodeColumns = ["child", "decom", "rne", "ls", "cin", "place", "provider", "urn", "pl_post", "dec", "rec", "reason_change"];

    public Ssda903Stage(SsdSourceWriter writer)
    {
        _writer = writer;
        Execute($"""
            CREATE TEMP TABLE ssda903_episodes ({string.Join(", ", EpisodeColumns.Select(c => c + " TEXT"))}, PRIMARY KEY (child, decom));
            CREATE TEMP TABLE ssda903_reviews (child TEXT, review TEXT, code TEXT, file TEXT, line INTEGER, PRIMARY KEY (child, review));
            CREATE TEMP TABLE ssda903_periods (child TEXT, start TEXT, end TEXT, cla_id TEXT);
            CREATE INDEX temp.ix_ssda903_periods ON ssda903_periods (child, start);
            """);
        var others = EpisodeColumns.Skip(2).Select(c => $"{c} = COALESCE(excluded.{c}, {c})");
        _episode = Prepare($"INSERT INTO ssda903_episodes VALUES ({string.Join(", ", EpisodeColumns.Select((_, i) => "$" + i))}) " +
                           $"ON CONFLICT (child, decom) DO UPDATE SET {string.Join(", ", others)}", EpisodeColumns.Length);
        _review = Prepare("INSERT INTO ssda903_reviews VALUES ($0, $1, $2, $3, $4) ON CONFLICT (child, review) DO UPDATE SET " +
                          "code = COALESCE(excluded.code, code), file = excluded.file, line = excluded.line", 5);
        _period = Prepare("INSERT INTO ssda903_periods VALUES ($0, $1, $2, $3)", 4);
    }

    public void Add(Episode e) => Run(_episode, e.Child, e.Decom, e.Rne, e.Ls, e.Cin, e.Place, e.Provider, e.Urn, e.PlacePostcode, e.Dec, e.Rec, e.ReasonPlaceChange);

    public void AddReview(string child, string reviewDate, string? code, string file, long line) => Run(_review, child, reviewDate, code, file, line.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void AddPeriod(string child, string start, string? end, string claId) => Run(_period, child, start, end, claId);

    /// <summary>Every child's episodes, one child at a time, in date order.</summary>
    public IEnumerable<List<Episode>> EpisodesByChild()
    {
        using var command = _writer.Query($"SELECT {string.Join(", ", EpisodeColumns)} FROM ssda903_episodes ORDER BY child, decom");
        using var reader = command.ExecuteReader();
        var current = new List<Episode>();
        while (reader.Read())
        {
            var e = new Episode(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11));
            if (current.Count > 0 && !string.Equals(current[0].Child, e.Child, StringComparison.Ordinal))
            {
                yield return current;
                current = [];
            }
            current.Add(e);
        }
        if (current.Count > 0) yield return current;
    }

    /// <summary>Every review with the period of care it falls in (null when it falls in none).</summary>
    public IEnumerable<(string Child, string Review, string? Code, string File, long Line, string? ClaId)> ReviewsInPeriods()
    {
        using var command = _writer.Query("""
            SELECT r.child, r.review, r.code, r.file, r.line,
                (SELECT p.cla_id FROM ssda903_periods p WHERE p.child = r.child AND p.start <= r.review AND (p.end IS NULL OR p.end >= r.review)
                 ORDER BY p.start DESC LIMIT 1)
            FROM ssda903_reviews r ORDER BY r.child, r.review
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1), Text(reader, 2), reader.GetString(3), reader.GetInt64(4), Text(reader, 5));
        }
    }

    public void Dispose()
    {
        _episode.Dispose();
        _review.Dispose();
        _period.Dispose();
        Execute("DROP TABLE IF EXISTS temp.ssda903_episodes; DROP TABLE IF EXISTS temp.ssda903_reviews; DROP TABLE IF EXISTS temp.ssda903_periods;");
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static void Run(SqliteCommand command, params string?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = (object?)values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _writer.Query(sql);
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("$" + i, SqliteType.Text));
        command.Prepare();
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _writer.Query(sql);
        command.ExecuteNonQuery();
    }
}
