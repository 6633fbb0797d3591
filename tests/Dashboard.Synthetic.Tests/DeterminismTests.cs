using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Synthetic.Tests;

public sealed class DeterminismTests
{
    private static Dictionary<string, string> Fingerprints(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return SsdSchema.All.ToDictionary(t => t.Name, t =>
        {
            var text = new StringBuilder();
            foreach (var row in SourceTable.Read(connection, t).Rows)
            {
                text.AppendJoin('\u001f', row.Select(v => v ?? "\u2400")).Append('\n');
            }
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        });
    }

    private static GenerationSummary Generate(GeneratorOptions options) =>
        new CouncilGenerator(TimeProvider.System).Generate(options, TestRun.NewPath("determinism"));

    [Test]
    public void The_same_options_and_seed_give_the_same_rows()
    {
        var again = Generate(Councils.Small.Options);
        Assert.That(Fingerprints(again.Path), Is.EqualTo(Fingerprints(Councils.Small.Summary.Path)));
        Assert.That(again.RowsPerTable, Is.EqualTo(Councils.Small.Summary.RowsPerTable));
    }

    [Test]
    public void The_same_seed_with_faults_gives_the_same_faults()
    {
        var options = Councils.Scilly.Options with { FaultRate = 0.2 };
        var first = Generate(options);
        var second = Generate(options);
        Assert.That(Fingerprints(second.Path), Is.EqualTo(Fingerprints(first.Path)));
        Assert.That(second.FaultsPerTable, Is.EqualTo(first.FaultsPerTable));
        Assert.That(second.TotalFaults, Is.GreaterThan(0));
    }

    [Test]
    public void A_different_seed_gives_different_rows()
    {
        var other = Generate(Councils.Scilly.Options with { Seed = 2 });
        var mine = Fingerprints(Councils.Scilly.Summary.Path);
        var theirs = Fingerprints(other.Path);
        Assert.That(theirs[SsdSchema.Persons.Name], Is.Not.EqualTo(mine[SsdSchema.Persons.Name]));
        Assert.That(theirs[SsdSchema.Referrals.Name], Is.Not.EqualTo(mine[SsdSchema.Referrals.Name]));
    }

    [Test]
    public void Leaving_out_early_help_and_the_extensions_empties_those_tables_and_changes_nothing_else()
    {
        var without = Generate(Councils.Scilly.Options with { IncludeEarlyHelp = false, IncludeExtensions = false });
        var full = Fingerprints(Councils.Scilly.Summary.Path);
        var partial = Fingerprints(without.Path);
        var leftOut = new[] { SsdSchema.EarlyHelpEpisodes, SsdSchema.MeetingAttendance, SsdSchema.ManagementOversight }.Select(t => t.Name).ToList();

        Assert.Multiple(() =>
        {
            foreach (var name in leftOut)
            {
                Assert.That(without.RowsPerTable[name], Is.Zero, name);
                Assert.That(Councils.Scilly.Summary.RowsPerTable[name], Is.GreaterThan(0), name);
            }
            foreach (var table in SsdSchema.All.Where(t => !leftOut.Contains(t.Name)))
            {
                Assert.That(partial[table.Name], Is.EqualTo(full[table.Name]), table.Name);
            }
        });
    }
}
