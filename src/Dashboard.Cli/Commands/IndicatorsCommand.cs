using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Cli.Hosting;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data;
using Dashboard.Data.Indicators;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard indicators</c>: the figures the nightly ETL stored (fact_indicator), for one month (default: the
/// latest) or a range, one scope, optionally one team or indicator; with target, England comparator, RAG and
/// the council series' SPC verdict. Table, CSV or JSON (a stable interface: see IndicatorsOutput).
/// </summary>
internal static partial class IndicatorsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var month = new Option<string?>("--month") { Description = "The month to show, YYYY-MM (default: the latest in the warehouse)." };
        var from = new Option<string?>("--from") { Description = "First month of a range, YYYY-MM." };
        var to = new Option<string?>("--to") { Description = "Last month of a range, YYYY-MM (default: the latest)." };
        var scope = new Option<string>("--scope") { Description = "Whose figures: the council, each service area, team or worker.", DefaultValueFactory = _ => "council" };
        scope.AcceptOnlyFromAmong("council", "service-area", "team", "worker");
        var team = new Option<string?>("--team") { Description = "One team, by name or id (with --scope team, the default then, or worker)." };
        var indicator = new Option<string?>("--indicator") { Description = "One indicator, by id (e.g. SEEN-01)." };
        var format = Format();
        var warehouse = CommonOptions.Warehouse();
        var warehouseProvider = CommonOptions.WarehouseProvider();
        var command = new Command("indicators", "Show the indicator figures the last ETL run computed: value, target, England, RAG and the SPC verdict.")
        {
            month, from, to, scope, team, indicator, warehouse, warehouseProvider, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var indicatorId = IndicatorId(parse.GetValue(indicator));
            var months = (Month: ParseMonth(parse.GetValue(month), "--month"), From: ParseMonth(parse.GetValue(from), "--from"), To: ParseMonth(parse.GetValue(to), "--to"));
            if (months.Month is not null && (months.From is not null || months.To is not null))
            {
                throw new SettingsException("--month cannot be combined with --from or --to: give one month, or a range.");
            }
            if (months.From is { } f && months.To is { } t && f > t) throw new SettingsException($"--from ({f}) is after --to ({t}).");
            var scopeLevel = parse.GetValue(scope)!;
            var teamName = parse.GetValue(team);
            if (teamName is not null && parse.GetResult(scope) is { Implicit: false } && scopeLevel is not ("team" or "worker"))
            {
                throw new SettingsException("--team can only be used with --scope team or --scope worker.");
            }
            if (teamName is not null && scopeLevel == "council") scopeLevel = "team";

            var queries = await OpenAsync(env, parse.GetValue(warehouse), parse.GetValue(warehouseProvider), ct);
            var periods = await PeriodsAsync(queries, ct);
            if (periods.Count == 0)
            {
                env.Error.WriteLine(NoFigures);
                return ErrorReporter.Failure;
            }
            var teamId = teamName is null ? null : await TeamIdAsync(queries, teamName, ct);
            var settings = DashboardSettings.From(env.Configuration).Indicators;
            var offered = await queries.ReportingMonthsAsync(settings.ReportingStart, ct);
            // With no month asked for: the latest COMPLETE month, as on the dashboard (the month so far is never the default).
            var last = months.Month ?? months.To ?? offered?.Default ?? Month.Parse(periods[^1]);
            var first = months.Month ?? months.From ?? last;
            RequireHeld(periods, first, months.Month is null ? "--from" : "--month");
            RequireHeld(periods, last, months.Month is null ? "--to" : "--month");

            var rows = await queries.ResultsAsync(new IndicatorFilter
            {
                FromPeriod = first.ToString(), ToPeriod = last.ToString(), IndicatorId = indicatorId, ScopeLevel = scopeLevel.Replace('-', '_'), TeamId = teamId,
            }, ct);
            var council = await queries.ResultsAsync(new IndicatorFilter { ToPeriod = last.ToString(), IndicatorId = indicatorId, ScopeLevel = "council" }, ct);
            var view = IndicatorsOutput.Build(rows, council, settings, offered?.Running);
            IndicatorsOutput.Write(env, view, parse.GetValue(format)!, $"{(first == last ? first.ToString() : $"{first} to {last}")}, {scopeLevel}");
            return 0;
        });
        return command;
    }

    public const string NoFigures = "The warehouse holds no indicator figures yet: run 'dashboard etl' (each run computes them).";

    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }

    /// <summary>Opens an existing warehouse the same way <c>dashboard runs</c> does (same message when there is none).</summary>
    public static async Task<IndicatorQueries> OpenAsync(CliEnvironment env, string? warehouse, string? provider, CancellationToken ct)
    {
        var target = DashboardSettings.Override(DashboardSettings.From(env.Configuration).Warehouse, warehouse, provider);
        return new IndicatorQueries(await RunsCommand.OpenExistingAsync(target, ct));
    }

    /// <summary>The months with figures; none for a warehouse last loaded before indicators existed (no fact_indicator yet).</summary>
    public static async Task<IReadOnlyList<string>> PeriodsAsync(IndicatorQueries queries, CancellationToken ct)
    {
        try
        {
            return await queries.PeriodsAsync(ct);
        }
        catch (System.Data.Common.DbException) when (!ct.IsCancellationRequested)
        {
            return [];   // the next 'dashboard etl' migrates the warehouse and computes them
        }
    }

    /// <summary>The catalogue's id for what the user typed (any case), or a usage error naming the option.</summary>
    public static string? IndicatorId(string? value)
    {
        if (value is null) return null;
        var found = IndicatorCatalogue.All.FirstOrDefault(i => i.Definition.Id.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return found?.Definition.Id
            ?? throw new SettingsException($"--indicator is '{value}', but there is no indicator with that id; ids look like SEEN-01 (see docs/indicators.md).");
    }

    public static Month? ParseMonth(string? value, string option)
    {
        if (value is null) return null;
        if (MonthText().IsMatch(value) && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Month.Of(date);
        }
        throw new SettingsException($"{option} is '{value}', but it must be a month written YYYY-MM, such as 2026-03.");
    }

    public static void RequireHeld(IReadOnlyList<string> periods, Month month, string option)
    {
        if (!periods.Contains(month.ToString()))
        {
            throw new SettingsException($"{option} is {month}, but the warehouse holds figures for {periods[0]} to {periods[^1]} only.");
        }
    }

    /// <summary>A team's id from its name or id (any case), or a usage error naming the option.</summary>
    public static async Task<string> TeamIdAsync(IndicatorQueries queries, string name, CancellationToken ct)
    {
        var teams = await queries.TeamsAsync(ct);
        var wanted = name.Trim();
        foreach (var (id, teamName) in teams)
        {
            if (teamName.Equals(wanted, StringComparison.OrdinalIgnoreCase)) return id;
        }
        foreach (var (id, _) in teams)
        {
            if (id.Equals(wanted, StringComparison.OrdinalIgnoreCase)) return id;
        }
        throw new SettingsException($"--team is '{name}', but the warehouse has no team of that name or id.");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthText();
}
