namespace Dashboard.Cli.Tests;

/// <summary>
/// RISK-01 and SEEN-01 worked out a second way: plain SQL over the warehouse's facts and dim_date, written from
/// the rules in docs/indicators.md and the rule classes (Risk01AssessmentsInTime, Rules/AssessmentClock,
/// Seen01CpVisitTimeliness, Rules/VisitStandard, Rules/Common.CpPlansOpenOn), not from the engine's code paths.
/// Each query returns one row per month with a council numerator and denominator: (period 'yyyy-MM', numerator,
/// denominator). A month with nothing to count has no row (the engine stores 0 / 0 for it).
/// </summary>
/// <remarks>
/// Working days come only from dim_date.working_day_number (a running count of working days): the start day is
/// day zero, so "within N working days" is <c>number(later) - number(earlier) &lt;= N</c>. A date key of 0 is the
/// unknown member; the engine clamps dates outside the calendar (2000-2040) to its ends, hence the
/// <c>MAX(key, 20000101)</c> guards (they change nothing on generated data, which lies well inside).
/// </remarks>
internal static class IndicatorCrossCheckSql
{
    /// <summary>RISK-01: assessments authorised in the month; in time when authorised within 45 working days of the referral.</summary>
    public const string Risk01ByMonth = """
        WITH clock AS (
            -- Every authorised assessment (auth key NULL or 0 = not authorised). The clock starts on the referral's date;
            -- when the assessment names no referral, or one the warehouse does not hold, it starts on the assessment's
            -- own start date instead (AssessmentClock.StartOf).
            SELECT a.assessment_id,
                   a.auth_date_key,
                   COALESCE(r.referral_date_key, a.start_date_key) AS start_key
            FROM fact_assessment a
            LEFT JOIN fact_referral r ON r.referral_id = a.referral_id
            WHERE a.auth_date_key IS NOT NULL AND a.auth_date_key <> 0
        ),
        timed AS (
            -- The month is the authorisation's month; the referral day is day zero.
            SELECT auth.year_month AS period,
                   auth.working_day_number - start.working_day_number AS working_days
            FROM clock c
            JOIN dim_date auth  ON auth.date_key  = MAX(c.auth_date_key, 20000101)
            JOIN dim_date start ON start.date_key = MAX(c.start_key, 20000101)
        )
        SELECT period,
               SUM(working_days <= 45) AS numerator,   -- day 45 is in time, day 46 late
               COUNT(*)                AS denominator
        FROM timed
        GROUP BY period
        ORDER BY period
        """;

    /// <summary>
    /// SEEN-01: as at each month's last day (or the run's as-of date for the latest, unfinished month), children
    /// on a CP plan for at least the standard, and those whose latest seen visit since the plan started is within it.
    /// The month list is built here (a recursive CTE from the first contact or referral to the as-of month), not
    /// read from fact_indicator, so a missing or extra month in the engine's output shows too.
    /// </summary>
    public static string Seen01ByMonth(int standardWorkingDays) => $$"""
        WITH RECURSIVE
        run AS (
            -- The latest succeeded load: its as-of date is the extract date, the last day anything is known.
            SELECT as_of_date FROM etl_load_run
            WHERE load_id = (SELECT MAX(load_id) FROM etl_load_run WHERE status = 'succeeded')
        ),
        first_month AS (
            -- A run reports from the month of the earliest contact or referral (CaseData.FirstMonth).
            SELECT MIN(k) / 100 AS yyyymm FROM (
                SELECT MIN(contact_date_key) AS k FROM fact_contact WHERE contact_date_key <> 0
                UNION ALL
                SELECT MIN(referral_date_key) FROM fact_referral WHERE referral_date_key <> 0)
        ),
        months(month_start) AS (
            SELECT printf('%04d-%02d-01', yyyymm / 100, yyyymm % 100) FROM first_month
            UNION ALL
            SELECT date(month_start, '+1 month') FROM months, run WHERE date(month_start, '+1 month') <= run.as_of_date
        ),
        as_at AS (
            -- The month's last day, but never after the extract date (a visit is not late on a day not yet lived).
            SELECT substr(m.month_start, 1, 7) AS period, d.date_key AS as_at_key, d.working_day_number AS as_at_wdn
            FROM months m, run
            JOIN dim_date d ON d.calendar_date = MIN(date(m.month_start, '+1 month', '-1 day'), run.as_of_date)
        ),
        open_plan AS (
            -- Plans open on the as-at day: started on or before it and not ended before it (the end day is still open;
            -- an end key of 0 is an unknown end, read as still open). A child with two open plans counts once, by
            -- the earliest-starting one (then the lowest plan id), as Common.CpPlansOpenOn picks.
            SELECT a.period, a.as_at_key, a.as_at_wdn, p.child_key, p.start_date_key,
                   ROW_NUMBER() OVER (PARTITION BY a.period, p.child_key ORDER BY p.start_date_key, p.cp_plan_id) AS nth
            FROM as_at a
            JOIN fact_cp_plan p ON p.start_date_key <= a.as_at_key
                               AND (p.end_date_key IS NULL OR p.end_date_key = 0 OR p.end_date_key >= a.as_at_key)
        ),
        due AS (
            -- Only plans that have run for at least the standard: a younger plan has not had a visit fall due yet.
            SELECT o.period, o.as_at_key, o.as_at_wdn, o.child_key, o.start_date_key
            FROM open_plan o
            JOIN dim_date s ON s.date_key = MAX(o.start_date_key, 20000101)
            WHERE o.nth = 1 AND o.as_at_wdn - s.working_day_number >= {{standardWorkingDays}}
        ),
        clocked AS (
            -- The clock runs from the child's latest visit with the child seen (seen = 1; not seen or unrecorded does
            -- not count), on or after the plan's start and on or before the as-at day. Visits are the child's, whichever
            -- of their plans they were recorded against. With no such visit it runs from the plan's start.
            -- (A LEFT JOIN with GROUP BY rather than a correlated subquery: SQLite then builds an automatic index on
            -- fact_cp_visit (child_key, seen), which has none, and this takes about a second instead of minutes.)
            SELECT d.period, d.as_at_wdn, COALESCE(MAX(v.visit_date_key), d.start_date_key) AS clock_key
            FROM due d
            LEFT JOIN fact_cp_visit v ON v.child_key = d.child_key AND v.seen = 1
                                     AND v.visit_date_key BETWEEN d.start_date_key AND d.as_at_key
            GROUP BY d.period, d.child_key
        )
        SELECT c.period,
               -- The visit day is day zero, so a visit falling due on the as-at day is still in time.
               SUM(c.as_at_wdn - k.working_day_number <= {{standardWorkingDays}}) AS numerator,
               COUNT(*) AS denominator
        FROM clocked c
        JOIN dim_date k ON k.date_key = MAX(c.clock_key, 20000101)
        GROUP BY c.period
        ORDER BY c.period
        """;

    /// <summary>Every month the run covers (the same recursive month list), so a month the SQL finds empty still appears.</summary>
    public const string Months = """
        WITH RECURSIVE
        run AS (
            SELECT as_of_date FROM etl_load_run
            WHERE load_id = (SELECT MAX(load_id) FROM etl_load_run WHERE status = 'succeeded')
        ),
        first_month AS (
            SELECT MIN(k) / 100 AS yyyymm FROM (
                SELECT MIN(contact_date_key) AS k FROM fact_contact WHERE contact_date_key <> 0
                UNION ALL
                SELECT MIN(referral_date_key) FROM fact_referral WHERE referral_date_key <> 0)
        ),
        months(month_start) AS (
            SELECT printf('%04d-%02d-01', yyyymm / 100, yyyymm % 100) FROM first_month
            UNION ALL
            SELECT date(month_start, '+1 month') FROM months, run WHERE date(month_start, '+1 month') <= run.as_of_date
        )
        SELECT substr(month_start, 1, 7) FROM months ORDER BY 1
        """;
}
