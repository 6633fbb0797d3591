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
public sealed record RuleBreak(QuarantineRule Rule, string Field, string? Value, string Problem);

/// <summary>A rejected source row as it goes into etl_quarantine.</summary>
/// <param name="BusinessKey">The row's key as text (composite keys joined with '|'); null when missing.</param>
/// <param name="RowJson">The whole source row as JSON, so nothing is lost.</param>
public sealed record QuarantineRecord(
    string SourceTable, string? BusinessKey, string Field, string? Value, QuarantineRule Rule, string Message, string RowJson);
