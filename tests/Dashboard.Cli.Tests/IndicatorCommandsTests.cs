using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Indicators.Catalogue;
using Microsoft.Data.Sqlite;

namespace Dashboard.Cli.Tests;

/// <summary><c>dashboard indicators</c> and <c>dashboard exceptions</c> over a generated small council (two years) loaded once.</summary>
[NonParallelizable]
public class IndicatorCommandsTests
{
    private static readonly string[] JsonFields =
        ["indicator", "title", "period", "scope", "scopeId", "scopeName", "numerator", "denominator", "value", "unit", "notAvailable",
         "target", "england", "englandPeriod", "rag", "verdict", "assurance"];

    private CliHarness _cli = null!;
    private string _latest = "";

    [OneTimeSetUp]
    public async Task LoadACouncil()
    {
        _cli = new CliHarness();
        AssertOk(await _cli.RunAsync("generate", "--preset", "small", "--years", "2", "--seed", "3", "--out", _cli.SourcePath));
        var etl = await _cli.RunAsync("etl");
        AssertOk(etl);
        Assert.That(etl.Output, Does.Match(@"Indicators: [\d,]+ figures and [\d,]+ exception rows in [\d.]+ s\."));
        _latest = (string)Scalar("SELECT MAX(period) FROM fact_indicator")!;
    }

    [OneTimeTearDown]
    public void Dispose() => _cli.Dispose();

    private static void AssertOk(CliResult result) => Assert.That(result.ExitCode, Is.Zero, result.ToString());

    private static void AssertUsageError(CliResult result, string option)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(option), result.ToString());
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1), result.ToString());
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_cli.WarehousePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Test]
    public async Task The_table_shows_every_indicator_for_the_latest_month_with_its_target_england_rag_and_verdict()
    {
        var result = await _cli.RunAsync("indicators");

        AssertOk(result);
        Assert.That(result.Output, Does.Contain($"Indicators: {_latest}, council"));
        foreach (var indicator in IndicatorCatalogue.All) Assert.That(result.Output, Does.Contain(indicator.Definition.Id));
        Assert.That(result.Output, Does.Contain("Children on CP plans visited in time"));
        Assert.That(result.Output, Does.Contain("22.6% (year ending 31 March 2025)"), "FRONT-03's England figure with its year");
        Assert.That(result.Output, Does.Match("green|amber|red"));
        Assert.That(result.Output, Does.Match("no real change|getting better|getting worse|too few months to judge yet|than usual"));
        Assert.That(result.Output, Does.Not.Match("(?i)significant change|reliably|either way|special cause"), "plain words only");
        Assert.That(runsShowIndicatorTime(await _cli.RunAsync("runs")), Is.True);

        static bool runsShowIndicatorTime(CliResult runs) => runs.Output.Contains("Indicators", StringComparison.Ordinal);
    }

    [Test]
    public async Task Json_is_an_array_of_objects_with_the_stable_fields()
    {
        var result = await _cli.RunAsync("indicators", "--format", "json");

        AssertOk(result);
        using var json = JsonDocument.Parse(result.Output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.That(rows, Has.Count.EqualTo(IndicatorCatalogue.All.Count));
        foreach (var row in rows)
        {
            Assert.That(row.EnumerateObject().Select(p => p.Name), Is.SupersetOf(JsonFields));
            Assert.That(row.GetProperty("period").GetString(), Is.EqualTo(_latest));
            Assert.That(row.GetProperty("scope").GetString(), Is.EqualTo("council"));
        }
        var seen01 = rows.Single(r => r.GetProperty("indicator").GetString() == "SEEN-01");
        var (n, d) = (seen01.GetProperty("numerator").GetInt32(), seen01.GetProperty("denominator").GetInt32());
        if (d > 0) Assert.That(seen01.GetProperty("value").GetDecimal(), Is.EqualTo(100m * n / d).Within(0.000001m));
    }

    [Test]
    public async Task A_zero_denominator_gives_a_null_value_in_json_and_a_dash_in_the_table()
    {
        using var connection = new SqliteConnection($"Data Source={_cli.WarehousePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT indicator_id, period FROM fact_indicator WHERE scope_level = 'council' AND series = '' AND denominator = 0 " +
                              "AND not_available IS NULL ORDER BY period DESC, indicator_id LIMIT 1";
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True, "a month where some indicator had nothing to count");
        var (indicator, period) = (reader.GetString(0), reader.GetString(1));

        var json = await _cli.RunAsync("indicators", "--month", period, "--indicator", indicator, "--format", "json");
        AssertOk(json);
        using var doc = JsonDocument.Parse(json.Output);
        var row = doc.RootElement.EnumerateArray().Single();
        Assert.That(row.GetProperty("denominator").GetInt32(), Is.Zero);
        Assert.That(row.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(row.GetProperty("rag").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var table = await _cli.RunAsync("indicators", "--month", period, "--indicator", indicator);
        AssertOk(table);
        Assert.That(table.Output, Does.Match(@"│\s+-\s+│\s+0 / 0 │"));
    }

    [Test]
    public async Task Csv_has_a_header_and_one_line_per_team_with_the_same_fields_as_json()
    {
        var result = await _cli.RunAsync("indicators", "--scope", "team", "--indicator", "SEEN-01", "--format", "csv");

        AssertOk(result);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo(string.Join(',', JsonFields)));
        Assert.That(lines.Length - 1, Is.EqualTo(Convert.ToInt32(Scalar(
            $"SELECT COUNT(*) FROM fact_indicator WHERE indicator_id = 'SEEN-01' AND series = '' AND period = '{_latest}' AND scope_level = 'team'"),
            CultureInfo.InvariantCulture)));
        Assert.That(lines.Skip(1), Has.All.StartsWith($"SEEN-01,Children on CP plans visited in time,{_latest},team,"));
    }

    [Test]
    public async Task A_range_and_a_team_narrow_the_figures()
    {
        var team = (string)Scalar("SELECT team_name FROM dim_team WHERE team_key <> 0 ORDER BY team_name LIMIT 1")!;
        var first = (string)Scalar($"SELECT MIN(period) FROM fact_indicator WHERE period >= '{_latest[..4]}-01'")!;

        var result = await _cli.RunAsync("indicators", "--from", first, "--to", _latest, "--team", team, "--indicator", "OVERSIGHT-01", "--format", "json");

        AssertOk(result);
        using var doc = JsonDocument.Parse(result.Output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("scopeName").GetString()), Has.All.EqualTo(team));
        Assert.That(rows.Select(r => r.GetProperty("period").GetString()), Is.Ordered.And.Unique);
        Assert.That(rows.Select(r => r.GetProperty("verdict").ValueKind), Has.All.EqualTo(JsonValueKind.Null), "the verdict is the council series'");
    }

    [Test]
    public async Task Exceptions_list_the_children_behind_failures_most_overdue_first()
    {
        var indicator = (string)Scalar($"SELECT indicator_id FROM fact_indicator_exception WHERE period = '{_latest}' " +
                                       "GROUP BY indicator_id ORDER BY COUNT(*) DESC LIMIT 1")!;

        var table = await _cli.RunAsync("exceptions", "--indicator", indicator, "--limit", "5");
        AssertOk(table);
        Assert.That(table.Output, Does.Contain($"exceptions in {_latest}"));
        Assert.That(table.Output, Does.Contain("Showing the first 5"));

        var json = await _cli.RunAsync("exceptions", "--indicator", indicator.ToLowerInvariant(), "--month", _latest, "--format", "json", "--limit", "500");
        AssertOk(json);
        using var doc = JsonDocument.Parse(json.Output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r.GetProperty("indicator").GetString()), Has.All.EqualTo(indicator));
        var overdue = rows.Select(r => r.GetProperty("daysOverdue")).Where(d => d.ValueKind == JsonValueKind.Number).Select(d => d.GetInt32()).ToList();
        Assert.That(overdue, Is.Ordered.Descending);

        var csv = await _cli.RunAsync("exceptions", "--indicator", indicator, "--format", "csv", "--limit", "3");
        AssertOk(csv);
        Assert.That(csv.Output.Split('\n')[0], Does.StartWith("indicator,series,period,ruleDate,personId"));
    }

    [TestCase("indicators", "--month", "2026-13", "--month")]
    [TestCase("indicators", "--month", "March", "--month")]
    [TestCase("indicators", "--indicator", "SEEN-99", "--indicator")]
    [TestCase("indicators", "--team", "No such team", "--team")]
    [TestCase("indicators", "--month", "1999-01", "--month")]
    [TestCase("exceptions", "--indicator", "NOPE", "--indicator")]
    public async Task A_bad_value_is_one_sentence_naming_the_option(string command, string option, string value, string named)
    {
        AssertUsageError(await _cli.RunAsync(command, option, value), named);
    }

    [Test]
    public async Task Exceptions_without_an_indicator_is_a_usage_error()
    {
        AssertUsageError(await _cli.RunAsync("exceptions"), "--indicator");
    }

    [Test]
    public async Task Without_a_warehouse_the_message_is_the_one_runs_gives()
    {
        using var empty = new CliHarness();
        var runs = await empty.RunAsync("runs");
        var indicators = await empty.RunAsync("indicators");
        var exceptions = await empty.RunAsync("exceptions", "--indicator", "SEEN-01");

        Assert.That(indicators.ExitCode, Is.EqualTo(runs.ExitCode));
        Assert.That(indicators.Error, Is.EqualTo(runs.Error).And.Contain("There is no warehouse"));
        Assert.That(exceptions.Error, Is.EqualTo(runs.Error));
    }
}
