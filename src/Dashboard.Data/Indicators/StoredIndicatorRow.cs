using Dashboard.Data.Internal;

namespace Dashboard.Data.Indicators;

/// <summary>
/// A fact_indicator row as Dapper reads it, for every query class that selects the table's columns: numbers widen
/// to long in SQLite, dates are text there and typed in SQL Server; <see cref="ToStored"/> gives the one record.
/// </summary>
internal sealed class StoredIndicatorRow
{
    public string IndicatorId { get; set; } = "";
    public string? Series { get; set; }
    public string Period { get; set; } = "";
    public object AsAtDate { get; set; } = "";
    public string ScopeLevel { get; set; } = "";
    public string ScopeId { get; set; } = "";
    public string ScopeName { get; set; } = "";
    public long Numerator { get; set; }
    public long Denominator { get; set; }
    public decimal? Value { get; set; }
    public string? NotAvailable { get; set; }

    /// <summary>Series '' (the headline, as stored) becomes null.</summary>
    public StoredIndicator ToStored() => new(IndicatorId, string.IsNullOrEmpty(Series) ? null : Series, Period, IsoText.ToDate(AsAtDate, "as_at_date"),
        ScopeLevel, ScopeId, ScopeName, checked((int)Numerator), checked((int)Denominator), Value, NotAvailable);
}
