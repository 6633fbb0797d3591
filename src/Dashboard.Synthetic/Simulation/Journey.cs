using Dashboard.Core.Codes;
using Dashboard.Synthetic.Output;

namespace Dashboard.Synthetic.Simulation;

/// <summary>What happens next in a child's case.</summary>
internal enum Step { None, Open, Close, Cin, Cp, Care }

/// <summary>
/// One child's story from first contact to the extract date, written as SSD rows. One instance is reused
/// for every child; <see cref="Begin"/> resets the per-child state. The three entry points are a referred
/// child (<see cref="RunReferred"/>), a child already in care before the window (<see cref="RunLegacyInCare"/>)
/// and a child known only through contacts (<see cref="RunContactOnly"/>).
/// </summary>
internal sealed partial class Journey
{
    private readonly Practice _practice;
    private readonly Ids _ids;
    private readonly string[] _localityNames;
    private readonly OutcomeJson _contactJson = new(OutcomeJson.ContactKeys);
    private readonly OutcomeJson _referralJson = new(OutcomeJson.ReferralKeys);
    private readonly OutcomeJson _assessmentJson = new(OutcomeJson.AssessmentKeys);
    private readonly OutcomeJson _s47Json = new(OutcomeJson.S47Keys);
    private readonly OutcomeJson _icpcJson = new(OutcomeJson.IcpcKeys);

    private DateOnly _dob;
    private int _locality;
    private int _cpPlans;
    private bool _open;
    private DateOnly _lastActivity;
    private bool _unstablePlacements;
    private Id? _pendingIcpc;
    private Id? _pendingPlan;

    public Journey(SimCalendar calendar, Workforce work, SsdRows rows, Practice practice, PresetProfile profile)
    {
        Calendar = calendar;
        Work = work;
        Rows = rows;
        _practice = practice;
        _ids = rows.Ids;
        _localityNames = profile.Localities;
    }

    public SimCalendar Calendar { get; }
    public Workforce Work { get; }
    public SsdRows Rows { get; }
    public Rng Rng { get; private set; } = new(0);
    public Id Person { get; private set; }

    /// <summary>Visits, meetings and oversight before this date (three months before the window) are not in the
    /// extract, as SSD's timeframe filter leaves them out; cases, plans and episodes open then are kept whole.</summary>
    public DateOnly HistoryFrom { get; private set; }

    private DateOnly AsOf => Calendar.AsOf;

    /// <summary>Something of this child's is open at the extract date.</summary>
    public void MarkOpen() => _open = true;

    /// <summary>A referred child: returns false when the whole story ended before the window (not written).</summary>
    public bool RunReferred(Rng rng, DateOnly firstReferral)
    {
        var age = Mix.AgeAtReferral.Draw(rng);
        Begin(rng, firstReferral.AddYears(-age).AddDays(-rng.Int(7, 360)));
        WritePerson(_dob, null);
        WriteDisabilities();
        var date = firstReferral;
        while (true)
        {
            if (Referral(date) is not { } closed) break;
            Touch(closed);
            if (NextReferral(date, closed) is not { } next || next > AsOf || AgeAt(next) >= 18) break;
            date = next;
        }
        OtherContacts(firstReferral);
        return _open || _lastActivity >= Calendar.WindowStart;
    }

    /// <summary>A child only ever contacted about (advice, no further action, early help); a few are unborn.</summary>
    public bool RunContactOnly(Rng rng, DateOnly first)
    {
        var unborn = first >= AsOf.AddDays(-120) && rng.Chance(0.02);
        var dob = unborn ? AsOf.AddDays(rng.Int(1, 150)) : first.AddYears(-Mix.AgeAtReferral.Draw(rng)).AddDays(-rng.Int(7, 360));
        Begin(rng, dob);
        WritePerson(unborn ? null : dob, unborn ? dob : null);
        var contacts = rng.Next() switch { < 0.75 => 1, < 0.95 => 2, _ => 3 };
        var date = first;
        for (var i = 0; i < contacts && date <= AsOf && AgeAt(date) < 18; i++)
        {
            var source = Mix.Source.Draw(rng);
            var outcome = rng.Next() switch
            {
                < 0.45 => "NFA_FLAG",
                < 0.80 => "ADVICE_FLAG",
                < 0.95 => "OTHER_OUTCOMES_EXIST_FLAG",
                < 0.98 => "MISSING_FLAG",
                < 0.99 => "PRIVATE_FOSTERING_FLAG",
                _ => "OLA_CP_FLAG",
            };
            Rows.Contact(Person, date, source, Mix.Label(CodeLists.ReferralSource, source), _contactJson.With(outcome));
            if (outcome == "OTHER_OUTCOMES_EXIST_FLAG") EarlyHelpEpisode(date);
            date = Calendar.OnOrNextWorkingDay(date.AddDays(rng.Int(20, 300)));
        }
        return true;
    }

    private void Begin(Rng rng, DateOnly dob)
    {
        Rng = rng;
        Person = _ids.Next(IdKind.Person);
        _dob = dob;
        _locality = rng.Int(0, _localityNames.Length - 1);
        _cpPlans = 0;
        _open = false;
        _lastActivity = DateOnly.MinValue;
        _unstablePlacements = rng.Chance(0.2);
        HistoryFrom = Calendar.WindowStart.AddMonths(-3);
        _pendingIcpc = null;
        _pendingPlan = null;
    }

    private void Touch(DateOnly date)
    {
        if (date > _lastActivity) _lastActivity = date;
    }

    private void WritePerson(DateOnly? dob, DateOnly? expected)
    {
        var sex = Mix.Sex.Draw(Rng);
        var gender = sex switch { "M" => "Male", "F" => "Female", _ => "Not recorded" };
        Rows.Person(Person, sex, gender, Mix.Ethnicity.Draw(Rng), dob, expected);
    }

    /// <summary>About one child in ten referred has a disability (one or two codes); a third of the rest
    /// carry an explicit NONE.</summary>
    private void WriteDisabilities()
    {
        if (Rng.Chance(0.1))
        {
            var first = Mix.Disability.Draw(Rng);
            Rows.Disability(Person, first);
            if (Rng.Chance(0.3) && Mix.Disability.Draw(Rng) is var second && second != first) Rows.Disability(Person, second);
        }
        else if (Rng.Chance(0.33))
        {
            Rows.Disability(Person, "NONE");
        }
    }

    public int AgeAt(DateOnly date)
    {
        var age = date.Year - _dob.Year;
        if (date < _dob.AddYears(age)) age--;
        return age;
    }

    private DateOnly Birthday(int years) => _dob.AddYears(years);

    private bool SchoolAge(DateOnly date) => AgeAt(date) is >= 4 and <= 16;

    /// <summary>A visit on the working day given or, now and then (1.5%), the weekend or holiday just before it.</summary>
    private DateOnly VisitDay(DateOnly workingDay, DateOnly notBefore)
    {
        if (!Rng.Chance(0.015)) return workingDay;
        for (var back = 1; back <= 4; back++)
        {
            var day = workingDay.AddDays(-back);
            if (day < notBefore) break;
            if (!Calendar.IsWorkingDay(day)) return day;
        }
        return workingDay;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
