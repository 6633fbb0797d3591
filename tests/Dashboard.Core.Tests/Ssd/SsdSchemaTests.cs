using Dashboard.Core.Codes;
using Dashboard.Core.Ssd;

namespace Dashboard.Core.Tests.Ssd;

public class SsdSchemaTests
{
    [Test]
    public void Every_key_column_exists_in_its_table()
    {
        foreach (var table in SsdSchema.All)
        {
            foreach (var key in table.Key) Assert.That(table.Columns.Select(c => c.Name), Does.Contain(key), table.Name);
        }
    }

    [Test]
    public void Every_reference_names_an_existing_table_and_column_listed_earlier()
    {
        var seen = new List<SsdTable>();
        foreach (var table in SsdSchema.All)
        {
            foreach (var column in table.Columns.Where(c => c.References is not null))
            {
                var target = SsdSchema.All.Single(t => t.Name == column.References!.Table);
                Assert.That(target.Columns.Select(c => c.Name), Does.Contain(column.References!.Column), $"{table.Name}.{column.Name}");
                Assert.That(seen.Append(table), Does.Contain(target), $"{table.Name}.{column.Name} refers to a table loaded later");
            }
            seen.Add(table);
        }
    }

    [Test]
    public void Every_code_column_names_a_known_code_list()
    {
        foreach (var column in SsdSchema.All.SelectMany(t => t.Columns).Where(c => c.Kind == SsdKind.Code))
        {
            Assert.That(CodeLists.Names, Does.Contain(column.CodeList), column.Name);
        }
    }

    [Test]
    public void Every_date_order_names_two_date_columns()
    {
        foreach (var table in SsdSchema.All)
        {
            foreach (var order in table.DateOrders)
            {
                Assert.That(table.Column(order.Start).Kind, Is.EqualTo(SsdKind.Date), $"{table.Name}.{order.Start}");
                Assert.That(table.Column(order.End).Kind, Is.EqualTo(SsdKind.Date), $"{table.Name}.{order.End}");
            }
        }
    }

    [Test]
    public void Only_the_two_extension_tables_are_marked_as_ours() =>
        Assert.That(SsdSchema.All.Where(t => t.IsExtension).Select(t => t.Name),
            Is.EquivalentTo(new[] { "ssd_ext_meeting_attendance", "ssd_ext_management_oversight" }));

    [Test]
    public void Codes_normalise_case_and_spaces_to_the_listed_form()
    {
        Assert.That(CodeLists.Normalise(CodeLists.CpCategory, " neg "), Is.EqualTo("NEG"));
        Assert.That(CodeLists.Normalise(CodeLists.CpCategory, "XYZ"), Is.Null);
    }
}
