using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Returns;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard write-returns</c>: writes an SSD-shaped source (the synthetic council) as the statutory returns a case
/// system would produce, so the import path can be tried, demonstrated and tested without a council's files.
/// </summary>
internal static class WriteReturnsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var source = new Option<string?>("--source") { Description = "The SSD-shaped SQLite source to write out. Default: the configured source, Dashboard:Source." };
        var output = new Option<string>("--out") { Description = "The folder to write the returns into (created if absent; files of the same names are replaced).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "The reference date (yyyy-MM-dd): the last census year ends at 31 March or this day, and Annex A looks back from it. Default: the latest date in the source, or today if that is later." };
        var years = new Option<int>("--years") { Description = "Collection years to write (1 to 20), ending with the one holding the reference date.", DefaultValueFactory = _ => 5 };
        var only = new Option<string[]>("--return") { Description = "Which returns: cin-census, ssda903, annex-a (default: all three).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("write-returns", "Write an SSD-shaped source (such as the synthetic council) as CIN census, SSDA903 and Annex A files.")
        {
            source, output, asOf, years, only,
        };
        command.SetAction((parse, ct) =>
        {
            var settings = DashboardSettings.From(env.Configuration);
            var path = Path.GetFullPath(parse.GetValue(source) ?? ReturnsSettings.OutputFor(settings.Source));
            if (!File.Exists(path)) throw new SettingsException($"There is no source at {path}: generate one with 'dashboard generate --preset small --out {path}'.");
            var yearCount = parse.GetValue(years);
            if (yearCount is < 1 or > 20) throw new SettingsException($"--years is {yearCount}, but it must be between 1 and 20.");
            var kinds = Kinds(parse.GetValue(only));
            var folder = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(output)!)).FullName;
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            // Default: the latest date in the source, never after today (an extract's planted or mistyped future dates).
            var today = DateOnly.FromDateTime(env.Time.GetLocalNow().DateTime);
            var reference = OptionValues.Date(parse.GetValue(asOf), "--as-of") ?? (LatestDate(connection) is var latest && latest < today ? latest : today);
            var table = new Table().Title($"Returns written, as at {reference:yyyy-MM-dd}").AddColumn("Return").AddColumn("Files");
            foreach (var kind in kinds)
            {
                var files = ReturnCatalogue.Writers[kind].Write(connection, folder, new ReturnWriteOptions(reference, yearCount), ct);
                table.AddRow(Markup.Escape(kind.Name()), Markup.Escape(string.Join(", ", files.Select(f => Path.GetRelativePath(folder, f)))));
            }
            env.Out.Write(table);
            env.Out.MarkupLine($"Wrote into [bold]{Markup.Escape(folder)}[/]. Import them with [bold]dashboard import[/] (see docs/sources.md).");
            return Task.FromResult(0);
        });
        return command;
    }

    private static List<StatutoryReturn> Kinds(string[]? names)
    {
        if (names is null || names.Length == 0) return [.. Dashboard.Returns.Import.ReturnsImport.Order];
        return [.. names.Select(n => n.Trim().ToLowerInvariant() switch
        {
            "cin-census" => StatutoryReturn.CinCensus,
            "ssda903" => StatutoryReturn.Ssda903,
            "annex-a" => StatutoryReturn.AnnexA,
            _ => throw new SettingsException($"--return is '{n}', but it must be cin-census, ssda903 or annex-a."),
        }).Distinct()];
    }

    /// <summary>The latest contact or referral date in the source: the synthetic council's "today".</summary>
    private static DateOnly LatestDate(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // Only values that look like dates: an extract's bad text ("not known") would otherwise sort after every date.
        const string IsoDate = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'";
        command.CommandText = $"SELECT MAX(d) FROM (SELECT MAX(substr(cont_contact_date, 1, 10)) AS d FROM ssd_contacts WHERE cont_contact_date GLOB {IsoDate} " +
                              $"UNION ALL SELECT MAX(substr(cine_referral_date, 1, 10)) FROM ssd_cin_episodes WHERE cine_referral_date GLOB {IsoDate})";
        return command.ExecuteScalar() is string text && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new SettingsException("The source holds no contacts or referrals to date it by: give --as-of.");
    }
}
