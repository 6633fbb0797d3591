using System.Globalization;
using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Tests.Support;

/// <summary>
/// A large, plausible SSD source for throughput tests, without the synthetic council generator: children with a
/// realistic spread of contacts, referrals, visits, plans, meetings and oversight (about 30 rows each), every
/// reference valid, and about 1% of visits given an unparseable date so the quarantine path is exercised.
/// Deterministic for a given size.
/// </summary>
public static class BulkSource
{
    public static long Write(string path, long approximateRows)
    {
        SsdSourceBuilder.AnSsdSource().Team("T0").Build(path);   // every table, empty but for one team
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        using var transaction = connection.BeginTransaction();
        var inserts = SsdSchema.All.ToDictionary(t => t.Name, t => Prepare(connection, transaction, t));
        var random = new Random(20260630);
        var start = new DateOnly(2021, 1, 1);
        long rows = 0;
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        void Add(string table, params object?[] values)
        {
            var (command, parameters) = inserts[table];
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = i < values.Length && values[i] is { } v ? v : DBNull.Value;
            command.ExecuteNonQuery();
            rows++;
        }

        for (var t = 1; t < 20; t++) Add("ssd_department", $"T{t}", $"Team {t}", "CSC", "Children's social care");
        for (var w = 0; w < 400; w++) Add("ssd_professionals", $"W{w}", $"S{w}", $"Worker {w}", "Social worker", 20L, $"T{w % 20}", 1.0, "N");
        var persons = Math.Max(1, approximateRows / 30);
        for (var p = 0; p < persons; p++)
        {
            var id = $"P{p:D7}";
            var day0 = start.AddDays(random.Next(0, 1500));
            var worker = $"W{random.Next(400)}";
            var team = $"T{random.Next(20)}";
            Add("ssd_person", id, p % 2 == 0 ? "F" : "M", null, "WBRI", D(day0.AddYears(-random.Next(1, 17))));
            if (p % 2 == 0) Add("ssd_disability", id, p % 4 == 0 ? "NONE" : "MOB");
            for (var c = 0; c < 3; c++)
            {
                Add("ssd_contacts", $"C{p:D7}-{c}", id, D(day0.AddDays(-c)), "2A", "School", """{"NEW_REFERRAL_FLAG":"Y","NFA_FLAG":"N"}""");
            }
            Add("ssd_cin_episodes", $"R{p:D7}", id, D(day0), "N1", "6", null, null, "N", null, null, team, worker);
            Add("ssd_involvements", $"I{p:D7}-0", worker, "SW", team, D(day0), null, null, id, $"R{p:D7}");
            Add("ssd_involvements", $"I{p:D7}-1", $"W{random.Next(400)}", "SW", team, D(day0.AddDays(30)), null, null, id, $"R{p:D7}");
            Add("ssd_cin_assessments", $"A{p:D7}", id, $"R{p:D7}", D(day0.AddDays(1)), "Y", D(day0.AddDays(20)), null, "N", team, worker);
            for (var v = 0; v < 4; v++)
            {
                var date = random.Next(100) == 0 ? "31/12/2023" : D(day0.AddDays(10 * (v + 1)));
                Add("ssd_cin_visits", $"CV{p:D7}-{v}", id, date, "Y", "N", "N");
            }
            if (p % 5 == 0)
            {
                Add("ssd_s47_enquiry", $"S{p:D7}", $"R{p:D7}", id, D(day0.AddDays(2)), D(day0.AddDays(12)), "N", """{"CP_CONFERENCE_FLAG":"Y"}""", worker, team);
                Add("ssd_initial_cp_conference", $"IC{p:D7}", null, $"S{p:D7}", id, null, $"R{p:D7}", "N", null, D(day0.AddDays(14)), "Y", null, team, worker);
                Add("ssd_cp_plans", $"CP{p:D7}", $"R{p:D7}", $"IC{p:D7}", id, D(day0.AddDays(14)), null, "NEG", "N", "NEG");
                for (var v = 0; v < 10; v++) Add("ssd_cp_visits", $"CPV{p:D7}-{v}", id, $"CP{p:D7}", D(day0.AddDays(15 + (10 * v))), "Y", v % 2 == 0 ? "Y" : "N", "N");
                Add("ssd_cp_reviews", $"CPR{p:D7}", id, $"CP{p:D7}", D(day0.AddDays(104)), D(day0.AddDays(100)), null, "Y", "Y", null);
            }
            if (p % 20 == 0)
            {
                Add("ssd_cla_episodes", $"CLE{p:D7}", id, D(day0), "S", "N1", null, null, $"CLA{p:D7}", $"R{p:D7}", $"PL{p:D7}", D(day0), null);
                Add("ssd_cla_placement", $"PL{p:D7}", $"CLA{p:D7}", id, D(day0), "U4", null, 3.5, null, null, null, null);
                for (var v = 0; v < 2; v++) Add("ssd_cla_reviews", $"CLR{p:D7}-{v}", $"CLA{p:D7}", D(day0.AddDays(20 + (90 * v))), D(day0.AddDays(19 + (90 * v))), "N", null);
                for (var v = 0; v < 6; v++) Add("ssd_cla_visits", $"CLV{p:D7}-{v}", $"CLA{p:D7}", id, D(day0.AddDays(7 + (40 * v))), "Y", "Y");
                Add("ssd_legal_status", $"L{p:D7}", id, "C2", D(day0), null);
            }
            for (var m = 0; m < 6; m++)
            {
                Add("ssd_ext_meeting_attendance", $"MA{p:D7}-{m}", $"M{p:D7}-{m / 3}", m < 3 ? "STRAT" : "ICPC", D(day0.AddDays(m < 3 ? 1 : 14)), id,
                    (m % 3) switch { 0 => "POLICE", 1 => "HEALTH", _ => "EDUCATION" }, "Y", m % 3 == 1 ? "N" : "Y", "N");
            }
            for (var o = 0; o < 8; o++) Add("ssd_ext_management_oversight", $"MO{p:D7}-{o}", id, D(day0.AddDays(5 * o)), $"W{random.Next(400)}", "SUPERVISION");
        }
        transaction.Commit();
        foreach (var (command, _) in inserts.Values) command.Dispose();
        return rows + 1;
    }

    private static (SqliteCommand, SqliteParameter[]) Prepare(SqliteConnection connection, SqliteTransaction transaction, SsdTable table)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
                              $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("@p" + i, DBNull.Value))).ToArray();
        command.Prepare();
        return (command, parameters);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
