using System.Text.Json;
using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Synthetic.Tests;

public sealed class SchemaTests
{
    [Test]
    public void Every_contract_table_is_created_with_its_columns_in_order_and_their_types()
    {
        using var connection = new SqliteConnection($"Data Source={Councils.Scilly.Summary.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Multiple(() =>
        {
            foreach (var table in SsdSchema.All)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA table_info(\"{table.Name}\")";
                using var reader = command.ExecuteReader();
                var columns = new List<(string Name, string Type)>();
                while (reader.Read()) columns.Add((reader.GetString(1), reader.GetString(2)));
                var expected = table.Columns.Select(c => (c.Name, c.Kind switch
                {
                    SsdKind.WholeNumber => "INTEGER",
                    SsdKind.Number => "REAL",
                    _ => "TEXT",
                })).ToList();
                Assert.That(columns, Is.EqualTo(expected), table.Name);
            }
        });
    }

    [Test]
    public void The_summary_lists_every_table()
    {
        var summary = Councils.Scilly.Summary;
        Assert.That(summary.RowsPerTable.Keys, Is.EquivalentTo(SsdSchema.All.Select(t => t.Name)));
        Assert.That(summary.FaultsPerTable.Keys, Is.EquivalentTo(SsdSchema.All.Select(t => t.Name)));
    }

    [Test]
    public void Dates_and_flags_come_in_the_mixed_styles_of_real_extracts()
    {
        var council = Councils.Small;
        var referralDates = council.Read(SsdSchema.Referrals).Rows.Select(r => r[2]!).ToList();
        var contactDates = council.Read(SsdSchema.Contacts).Rows.Select(r => r[2]!).ToList();
        var agency = council.Read(SsdSchema.Professionals).Rows.Select(r => r[7]).Distinct().ToList();
        var ola = council.Read(SsdSchema.CpPlans).Rows.Select(r => r[7]).Distinct().ToList();
        var cancelled = council.Read(SsdSchema.ClaReviews).Rows.Select(r => r[4]).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(referralDates, Has.All.Match(@"^\d{4}-\d{2}-\d{2} 00:00:00$"));
            Assert.That(contactDates, Has.All.Match(@"^\d{4}-\d{2}-\d{2}$"));
            Assert.That(agency, Is.SubsetOf(new[] { "Yes", "No" }));
            Assert.That(ola, Is.SubsetOf(new[] { "1", "0" }));
            Assert.That(cancelled, Is.EquivalentTo(new[] { "true", "false" }));
        });
    }

    [Test]
    public void Contact_outcomes_carry_every_SSD_key()
    {
        string[] keys =
        [
            "NEW_REFERRAL_FLAG", "EXISTING_REFERRAL_FLAG", "CP_ENQUIRY_FLAG", "NFA_FLAG", "NON_AGENCY_ADOPTION_FLAG",
            "PRIVATE_FOSTERING_FLAG", "ADVICE_FLAG", "MISSING_FLAG", "OLA_CP_FLAG", "OTHER_OUTCOMES_EXIST_FLAG",
        ];
        var json = Councils.Small.Read(SsdSchema.Contacts).Rows.Select(r => r[5]!).Distinct().ToList();
        Assert.That(json, Has.Count.GreaterThan(3));
        foreach (var text in json)
        {
            using var document = JsonDocument.Parse(text);
            Assert.That(document.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(keys));
        }
    }
}
