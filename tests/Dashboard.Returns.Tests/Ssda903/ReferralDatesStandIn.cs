using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Ssda903;

/// <summary>
/// Stands in for the CIN census in the SSDA903 round trip: carries only each referral's id, child and date. The
/// indicator engine reports months from the earliest referral or contact (CaseData.FirstMonth), so a source holding
/// the SSDA903 alone is measured for its latest month only; the lead imports the CIN census before the SSDA903, and
/// this gives the round trip the same months without depending on the census importer. It loads nothing the
/// SSDA903's indicators read.
/// </summary>
internal sealed class ReferralDatesStandIn : IReturnWriter, IReturnImporter
{
    public StatutoryReturn Kind => StatutoryReturn.CinCensus;

    public IReadOnlyList<string> Write(SqliteConnection source, string outDirectory, ReturnWriteOptions options, CancellationToken ct)
    {
        var path = Path.Combine(outDirectory, "referral-dates.txt");
        using var command = source.CreateCommand();
        command.CommandText = "SELECT cine_referral_id, cine_person_id, cine_referral_date FROM ssd_cin_episodes";
        using var reader = command.ExecuteReader();
        using var file = new StreamWriter(path);
        while (reader.Read()) file.WriteLine($"{reader.GetString(0)}\t{reader.GetString(1)}\t{reader.GetString(2)}");
        return [path];
    }

    public ReturnImportSummary Import(IReadOnlyList<string> paths, SsdSourceWriter writer, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        long records = 0;
        foreach (var line in File.ReadLines(paths[0]))
        {
            var f = line.Split('\t');
            writer.Write(SsdSchema.Persons, new Dictionary<string, string?> { ["pers_person_id"] = f[1] }, MergeRule.FillGaps);
            writer.Write(SsdSchema.Referrals, new Dictionary<string, string?> { ["cine_referral_id"] = f[0], ["cine_person_id"] = f[1], ["cine_referral_date"] = ReturnValues.Date(f[2]) });
            records++;
        }
        var summary = new ReturnImportSummary(new ReturnProvenance(Kind, [Path.GetFileName(paths[0])], "referral dates only",
            [new SuppliedTable(SsdSchema.Referrals, TableCoverage.Complete, "Ids, children and dates only (test stand-in).")]), records, 0);
        writer.Record(summary);
        return summary;
    }
}
