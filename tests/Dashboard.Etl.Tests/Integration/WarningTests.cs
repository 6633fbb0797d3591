using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

public class WarningTests : EtlTestBase
{
    [Test]
    public async Task An_absent_extension_table_is_a_warning_and_the_load_succeeds()
    {
        var result = await LoadAsync(ASmallCouncil().Without("ssd_ext_meeting_attendance"));

        const string Expected = "ssd_ext_meeting_attendance is absent: multi-agency indicators will show as not available.";
        Assert.That(result.Status, Is.EqualTo("succeeded"));
        Assert.That(result.Warnings, Is.EqualTo(new[] { Expected }));
        var table = Table(result, "ssd_ext_meeting_attendance");
        Assert.That((table.RowsRead, table.Warning), Is.EqualTo((0L, Expected)));
        Assert.That(Warehouse.Scalar("SELECT warning FROM etl_load_table WHERE source_table = 'ssd_ext_meeting_attendance'"), Is.EqualTo(Expected));
        Assert.That(Warehouse.Count("fact_meeting_attendance") + Warehouse.Count("fact_strategy_discussion"), Is.Zero);
    }

    [Test]
    public async Task An_extension_table_that_empties_removes_its_old_facts_rather_than_keeping_stale_ones()
    {
        var source = ASmallCouncil();
        await LoadAsync(source);
        Assert.That(Warehouse.Count("fact_oversight"), Is.EqualTo(1));

        var result = await LoadAsync(source.Remove("ssd_ext_management_oversight", "MO1"));

        Assert.That(result.Warnings, Is.EqualTo(new[] { "ssd_ext_management_oversight is empty: management oversight indicators will show as not available." }));
        Assert.That(Warehouse.Count("fact_oversight"), Is.Zero);
    }

    [Test]
    public async Task An_empty_early_help_table_is_a_warning()
    {
        var result = await LoadAsync(ASmallCouncil().Remove("ssd_early_help_episodes", "E1"));
        Assert.That(Table(result, "ssd_early_help_episodes").Warning, Does.StartWith("ssd_early_help_episodes is empty"));
    }

    [Test]
    public async Task An_extension_table_missing_a_column_is_a_warning_and_is_not_read()
    {
        var result = await LoadAsync(ASmallCouncil().WithoutColumn("ssd_ext_management_oversight", "mo_type"));
        Assert.That(result.Warnings.Single(), Does.StartWith("ssd_ext_management_oversight lacks column mo_type"));
        Assert.That(Warehouse.Count("fact_oversight"), Is.Zero);
    }
}
