using System.Globalization;
using Dashboard.Core.Calendar;

namespace Dashboard.Data.Seeding;

/// <summary>The rows of dim_date from <see cref="WorkingDayCalendar.Epoch"/> to <see cref="WorkingDayCalendar.End"/>
/// (2000-01-01..2040-12-31 inclusive), computed from Core's calendar: nothing here is typed in.</summary>
internal static class DateDimension
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "date_key", "calendar_date", "year", "month", "day", "year_month", "day_of_week", "is_weekend",
        "is_bank_holiday", "bank_holiday_name", "is_working_day", "working_day_number", "financial_year",
    ];

    public static DateOnly First => WorkingDayCalendar.Epoch;

    public static DateOnly Last => WorkingDayCalendar.End;

    public static int DayCount => Last.DayNumber - First.DayNumber + 1;

    /// <summary>yyyymmdd.</summary>
    public static int KeyOf(DateOnly date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    /// <summary>April to March: 2024-04-01..2025-03-31 is "2024-25".</summary>
    public static string FinancialYear(DateOnly date)
    {
        var start = date.Month >= 4 ? date.Year : date.Year - 1;
        return $"{start.ToString(CultureInfo.InvariantCulture)}-{((start + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";
    }

    public static IEnumerable<object?[]> Rows()
    {
        for (var date = First; date <= Last; date = date.AddDays(1))
        {
            var dayOfWeek = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
            var holiday = BankHolidays.NameOf(date);
            yield return
            [
                KeyOf(date),
                date,
                date.Year,
                date.Month,
                date.Day,
                date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                dayOfWeek,
                dayOfWeek >= 6,
                holiday is not null,
                holiday,
                WorkingDayCalendar.IsWorkingDay(date),
                WorkingDayCalendar.WorkingDayNumber(date),
                FinancialYear(date),
            ];
        }
    }
}
