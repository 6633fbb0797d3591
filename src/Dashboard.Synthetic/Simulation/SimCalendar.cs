using System.Text;
using Dashboard.Core.Calendar;

namespace Dashboard.Synthetic.Simulation;

/// <summary>
/// The generator's clock: the extract date, the window of history, and fast working-day arithmetic over
/// a fixed range (built once from <see cref="WorkingDayCalendar.IsWorkingDay"/>, so bank holidays follow
/// Core's rules). It also caches the written form of every date, so writing a date allocates nothing.
/// </summary>
internal sealed class SimCalendar
{
    private readonly DateOnly _min;
    private readonly int[] _number;
    private readonly int[] _dayOfNumber;
    private readonly bool[] _working;
    private readonly byte[][] _dateUtf8;
    private readonly byte[][] _dateTimeUtf8;

    public SimCalendar(DateOnly asOf, int years)
    {
        AsOf = asOf;
        WindowStart = asOf.AddYears(-years).AddDays(1);
        WarmStart = WindowStart.AddYears(-2);
        PeriodStart = asOf.AddMonths(-6).AddDays(1);
        _min = WarmStart.AddYears(-40);
        Max = asOf.AddYears(5);

        var days = Max.DayNumber - _min.DayNumber + 1;
        _number = new int[days];
        _working = new bool[days];
        _dateUtf8 = new byte[days][];
        _dateTimeUtf8 = new byte[days][];
        var dayOfNumber = new List<int>(days) { 0 };
        var running = 0;
        for (var i = 0; i < days; i++)
        {
            var date = _min.AddDays(i);
            _working[i] = WorkingDayCalendar.IsWorkingDay(date);
            if (_working[i])
            {
                running++;
                dayOfNumber.Add(i);
            }
            _number[i] = running;
            _dateUtf8[i] = Encoding.ASCII.GetBytes(date.ToString("yyyy-MM-dd"));
            _dateTimeUtf8[i] = Encoding.ASCII.GetBytes(date.ToString("yyyy-MM-dd") + " 00:00:00");
        }
        _dayOfNumber = [.. dayOfNumber];
    }

    /// <summary>The extract date: nothing happens after it.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The first day of the requested years of history.</summary>
    public DateOnly WindowStart { get; }

    /// <summary>Two years before the window: children referred from here are simulated so that cases are
    /// already open when the window starts; those with nothing left by then are not written.</summary>
    public DateOnly WarmStart { get; }

    /// <summary>The first day of the last six months, where the planted deterioration and improvement show.</summary>
    public DateOnly PeriodStart { get; }

    /// <summary>The last date the calendar covers.</summary>
    public DateOnly Max { get; }

    private int Offset(DateOnly date) => date.DayNumber - _min.DayNumber;

    private bool InRange(int offset) => (uint)offset < (uint)_number.Length;

    /// <summary>Dates outside the cached range (far-off plans that are cut at the extract date anyway) fall
    /// back to Core's calendar, which has no range limit for these questions.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var i = Offset(date);
        return InRange(i) ? _working[i] : WorkingDayCalendar.IsWorkingDay(date);
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (start is day zero),
    /// as <see cref="WorkingDayCalendar.AddWorkingDays"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        if (days <= 0) return start;
        var i = Offset(start);
        if (InRange(i))
        {
            var n = _number[i] + days;
            if (n < _dayOfNumber.Length) return _min.AddDays(_dayOfNumber[n]);
        }
        return WorkingDayCalendar.AddWorkingDays(start, days);
    }

    /// <summary>The working day that is <paramref name="days"/> working days before <paramref name="end"/>; with
    /// 0, <paramref name="end"/> itself when it is a working day, else the working day before it.</summary>
    public DateOnly SubtractWorkingDays(DateOnly end, int days)
    {
        days = Math.Max(0, days);
        var i = Offset(end);
        if (InRange(i) && _number[i] - days >= 1) return _min.AddDays(_dayOfNumber[_number[i] - days]);
        var d = OnOrPreviousWorkingDay(end);
        for (var left = days; left > 0;)
        {
            d = d.AddDays(-1);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    public DateOnly OnOrPreviousWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(-1);
        return date;
    }

    /// <summary>The date as ASCII ISO text, with or without a midnight time (some SSD extracts write datetime
    /// columns that way); cached for the calendar's range.</summary>
    public ReadOnlySpan<byte> Utf8(DateOnly date, bool withTime)
    {
        var i = Offset(date);
        if (InRange(i)) return withTime ? _dateTimeUtf8[i] : _dateUtf8[i];
        return Encoding.ASCII.GetBytes(date.ToString(withTime ? "yyyy-MM-dd 00:00:00" : "yyyy-MM-dd"));
    }
}
