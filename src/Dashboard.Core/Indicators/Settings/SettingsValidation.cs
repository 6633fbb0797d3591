using System.Globalization;
using Dashboard.Core.Codes;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Settings;

/// <summary>The rules a settings value must meet; each problem is one sentence naming the setting.</summary>
internal static class SettingsValidation
{
    public static List<string> Problems(IndicatorSettings s)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(s.CouncilName)) problems.Add("Setting 'councilName' must not be empty.");
        Range(problems, "cpVisitWorkingDays", s.CpVisitWorkingDays, 1, 260, "working days");
        Range(problems, "cinVisitWorkingDays", s.CinVisitWorkingDays, 1, 260, "working days");
        Range(problems, "claVisitWeeks", s.ClaVisitWeeks, 1, 52, "weeks");
        Range(problems, "permanentPlacementVisitMonths", s.PermanentPlacementVisitMonths, 1, 12, "months");
        Range(problems, "oversightWorkingDays", s.OversightWorkingDays, 1, 260, "working days");
        Range(problems, "suppressionThreshold", s.SuppressionThreshold, 0, 99, "as a count");
        Range(problems, "minimumDenominator", s.MinimumDenominator, 1, 10_000, "cases");
        if (s.DefaultLength is not (1 or 3 or 12))
        {
            problems.Add($"Setting 'defaultLength' must be 1 (the month), 3 or 12 (rolling months); it is {s.DefaultLength}.");
        }
        Range(problems, "funnelMinimumWorkerDecisions", s.FunnelMinimumWorkerDecisions, 1, 10_000, "decisions");
        foreach (var code in s.PermanentPlacementTypes)
        {
            if (!CodeLists.Contains(CodeLists.PlacementType, code))
            {
                problems.Add($"Setting 'permanentPlacementTypes' holds '{code}', which is not an SSDA903 placement type.");
            }
        }
        ChangeDatesSetting.Check(problems, s.ChangeDates);
        foreach (var (id, target) in s.Targets.OrderBy(t => t.Key, StringComparer.Ordinal)) Target(problems, id, target);
        return problems;
    }

    private static void Range(List<string> problems, string name, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
        {
            problems.Add($"Setting '{name}' must be a whole number from {min} to {max} ({unit}); it is {value}.");
        }
    }

    private static void Target(List<string> problems, string id, decimal target)
    {
        var indicator = IndicatorCatalogue.Find(id);
        if (indicator is null)
        {
            problems.Add($"Setting 'targets' names '{id}', which is not an indicator in the catalogue.");
            return;
        }
        var d = indicator.Definition;
        var shown = target.ToString(CultureInfo.InvariantCulture);
        if (d.Polarity == Polarity.Neither)
        {
            problems.Add($"Setting 'targets.{id}' cannot be set: {id} is a context measure, where neither higher nor lower is better.");
        }
        else if (d.Unit == IndicatorUnit.Percent && (target < 0 || target > 100))
        {
            problems.Add($"Setting 'targets.{id}' must be a percentage from 0 to 100; it is {shown}.");
        }
        else if (target < 0)
        {
            problems.Add($"Setting 'targets.{id}' must not be negative; it is {shown}.");
        }
    }
}
