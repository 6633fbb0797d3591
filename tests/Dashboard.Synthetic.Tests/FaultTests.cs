using Dashboard.Core.Ssd;

namespace Dashboard.Synthetic.Tests;

public sealed class FaultTests
{
    private static readonly HashSet<string> Referenced = SsdSchema.All.SelectMany(t => t.Columns)
        .Select(c => c.References?.Table).OfType<string>().ToHashSet(StringComparer.Ordinal);

    [Test]
    public void The_faults_counted_are_exactly_the_faulty_rows_the_checker_finds()
    {
        var council = Councils.SmallWithFaults;
        var checks = council.Check();
        Assert.Multiple(() =>
        {
            foreach (var check in checks.Values)
            {
                Assert.That(check.FaultyRows, Is.EqualTo(council.Summary.FaultsPerTable[check.Table]), check.ToString());
            }
        });
    }

    [Test]
    public void Faults_are_planted_in_about_the_rate_of_leaf_rows()
    {
        var summary = Councils.SmallWithFaults.Summary;
        var leaves = summary.RowsPerTable.Keys.Where(t => !Referenced.Contains(t)).ToList();
        var rate = (double)leaves.Sum(t => summary.FaultsPerTable[t]) / leaves.Sum(t => summary.RowsPerTable[t]);
        Assert.That(rate, Is.InRange(0.045, 0.055));
        Assert.That(leaves.Where(t => summary.RowsPerTable[t] > 1000 && summary.FaultsPerTable[t] == 0), Is.Empty);
    }

    [Test]
    public void Tables_other_tables_refer_to_carry_no_faults_so_nothing_cascades()
    {
        var council = Councils.SmallWithFaults;
        Assert.Multiple(() =>
        {
            foreach (var table in Referenced)
            {
                Assert.That(council.Summary.FaultsPerTable[table], Is.Zero, table);
                Assert.That(council.Check()[table].FaultyRows, Is.Zero, table);
            }
        });
    }

    [Test]
    public void Every_kind_of_fault_is_planted()
    {
        var rules = Councils.SmallWithFaults.Check().Values.SelectMany(c => c.ByRule.Keys).ToHashSet();
        Assert.That(rules, Is.SupersetOf(new[] { "required", "date", "future", "reference", "code", "order", "duplicate" }));
    }

    [Test]
    public void Faults_leave_the_clean_rows_as_they_were()
    {
        var clean = Councils.Small.Summary.RowsPerTable;
        var faulty = Councils.SmallWithFaults.Summary;
        Assert.Multiple(() =>
        {
            foreach (var (table, rows) in clean)
            {
                Assert.That(faulty.RowsPerTable[table], Is.InRange(rows, rows + faulty.FaultsPerTable[table]), table);
            }
        });
    }
}
