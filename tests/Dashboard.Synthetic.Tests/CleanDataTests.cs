using Dashboard.Core.Ssd;

namespace Dashboard.Synthetic.Tests;

public sealed class CleanDataTests
{
    private static IEnumerable<TestCaseData> CleanCouncils()
    {
        yield return new TestCaseData(CouncilPreset.Scilly).SetName("Scilly");
        yield return new TestCaseData(CouncilPreset.Small).SetName("Small");
    }

    private static GeneratedCouncil Council(CouncilPreset preset) => preset == CouncilPreset.Scilly ? Councils.Scilly : Councils.Small;

    [TestCaseSource(nameof(CleanCouncils))]
    public void Clean_data_keeps_every_rule_of_the_contract(CouncilPreset preset)
    {
        var council = Council(preset);
        var checks = council.Check();
        Assert.Multiple(() =>
        {
            foreach (var check in checks.Values)
            {
                Assert.That(check.FaultyRows, Is.Zero, check.ToString());
                Assert.That(council.Summary.FaultsPerTable[check.Table], Is.Zero, check.Table);
            }
        });
    }

    [Test]
    public void Every_table_has_rows()
    {
        Assert.That(Councils.Small.Summary.RowsPerTable.Where(t => t.Value == 0).Select(t => t.Key), Is.Empty);
    }

    [Test]
    public void Children_are_0_to_17_when_referred()
    {
        var council = Councils.Small;
        var persons = council.Read(SsdSchema.Persons);
        var dob = persons.Rows.ToDictionary(r => r[0]!, r => persons.Date(r, "pers_dob"));
        var referrals = council.Read(SsdSchema.Referrals);
        var ages = referrals.Rows.Select(r => Age(dob[r[1]!]!.Value, referrals.Date(r, "cine_referral_date")!.Value)).ToList();
        Assert.That(ages, Has.All.InRange(0, 17));
        Assert.That(ages.Distinct().Count(), Is.EqualTo(18), "Every age from 0 to 17 is referred.");
    }

    [Test]
    public void Care_leavers_are_16_to_21_at_the_extract_date()
    {
        var council = Councils.Small;
        var persons = council.Read(SsdSchema.Persons);
        var dob = persons.Rows.ToDictionary(r => r[0]!, r => persons.Date(r, "pers_dob"));
        var ages = council.Read(SsdSchema.CareLeavers).Rows.Select(r => Age(dob[r[0]!]!.Value, council.AsOf)).ToList();
        Assert.That(ages, Is.Not.Empty);
        Assert.That(ages, Has.All.InRange(16, 21));
    }

    [Test]
    public void Visits_fall_within_their_plans()
    {
        var council = Councils.Small;
        var plans = council.Read(SsdSchema.CpPlans);
        var span = plans.Rows.ToDictionary(r => r[0]!, r => (Start: plans.Date(r, "cppl_cp_plan_start_date")!.Value,
            End: plans.Date(r, "cppl_cp_plan_end_date") ?? council.AsOf));
        var visits = council.Read(SsdSchema.CpVisits);
        var outside = visits.Rows.Where(v =>
        {
            var (start, end) = span[v[2]!];
            var date = visits.Date(v, "cppv_cp_visit_date")!.Value;
            return date < start || date > end;
        }).ToList();
        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Nothing_happens_after_the_extract_date_but_due_dates_and_expected_births_may_lie_ahead()
    {
        var council = Councils.Small;
        var future = new List<string>();
        foreach (var table in SsdSchema.All)
        {
            var source = council.Read(table);
            foreach (var column in table.Columns.Where(c => c.Kind == SsdKind.Date))
            {
                var latest = source.Rows.Select(r => Dates.Parse(source.Get(r, column.Name))).Max();
                if (latest > council.AsOf) future.Add($"{column.Name}{(column.AllowsFuture ? "" : " (not allowed)")}");
            }
        }
        Assert.That(future, Has.None.EndsWith("(not allowed)"));
        Assert.That(future, Does.Contain("cppr_cp_review_due").And.Contain("clar_cla_review_due_date"));
    }

    [Test]
    public void Open_cases_have_no_end_date()
    {
        var council = Councils.Small;
        var referrals = council.Read(SsdSchema.Referrals);
        var open = referrals.Rows.Count(r => referrals.Get(r, "cine_close_date") is null);
        var withoutReason = referrals.Rows.Count(r => referrals.Get(r, "cine_close_date") is null && referrals.Get(r, "cine_close_reason") is null);
        Assert.That(open, Is.GreaterThan(100));
        Assert.That(withoutReason, Is.EqualTo(open));
    }

    private static int Age(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        return on < dob.AddYears(age) ? age - 1 : age;
    }
}
