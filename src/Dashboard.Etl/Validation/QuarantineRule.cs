namespace Dashboard.Etl.Validation;

/// <summary>
/// The rules a source row can break, in the order they are checked. A rejected row is quarantined under
/// the first rule it breaks (lowest value here); its message mentions the others.
/// </summary>
public enum QuarantineRule
{
    Required,
    DateUnparseable,
    DateFuture,
    DateOrder,
    CodeUnknown,
    FlagUnparseable,
    NumberUnparseable,
    JsonUnparseable,
    ReferenceUnresolved,
    DuplicateKey,
}

public static class QuarantineRuleNames
{
    /// <summary>The name stored in etl_quarantine.rule.</summary>
    public static string Name(this QuarantineRule rule) => rule switch
    {
        QuarantineRule.Required => "required",
        QuarantineRule.DateUnparseable => "date_unparseable",
        QuarantineRule.DateFuture => "date_future",
        QuarantineRule.DateOrder => "date_order",
        QuarantineRule.CodeUnknown => "code_unknown",
        QuarantineRule.FlagUnparseable => "flag_unparseable",
        QuarantineRule.NumberUnparseable => "number_unparseable",
        QuarantineRule.JsonUnparseable => "json_unparseable",
        QuarantineRule.ReferenceUnresolved => "reference_unresolved",
        QuarantineRule.DuplicateKey => "duplicate_key",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}

/// <summary>One broken rule on one field.</summary>
/// <param name="Ordinal">The column's position in the table, for a repair to empty it.</param>
/// <param name="Repairable">True when loading the row with this field empty is safe (see <see cref="RowValidator"/>).</param>
public sealed record RuleBreak(QuarantineRule Rule, string Field, string? Value, string Problem, int Ordinal = -1, bool Repairable = false);

/// <summary>What happened to a row with an entry in etl_quarantine.</summary>
public enum QuarantineOutcome
{
    /// <summary>The row was not loaded.</summary>
    Rejected,
    /// <summary>The row was loaded with the entry's field empty; the entry keeps the original value.</summary>
    Repaired,
}

public static class QuarantineOutcomeNames
{
    /// <summary>The name stored in etl_quarantine.outcome.</summary>
    public static string Name(this QuarantineOutcome outcome) => outcome == QuarantineOutcome.Repaired ? "repaired" : "rejected";
}

/// <summary>A rejected source row, or one repaired field of a loaded row, as it goes into etl_quarantine.</summary>
/// <param name="BusinessKey">The row's key as text (composite keys joined with '|'); null when missing.</param>
/// <param name="RowJson">The whole source row as JSON, so nothing is lost.</param>
public sealed record QuarantineRecord(
    string SourceTable, string? BusinessKey, string Field, string? Value, QuarantineRule Rule, string Message, string RowJson,
    QuarantineOutcome Outcome = QuarantineOutcome.Rejected);
