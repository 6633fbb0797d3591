namespace Dashboard.Synthetic.Simulation;

/// <summary>
/// How practice varies, planted so the indicators have something to find (see README.md):
/// <list type="number">
/// <item>the team "Child Protection West" visits children on CP plans late (gaps of 15 to 25 working days);</item>
/// <item>the team "Front Door South" closes about 22% of referrals with no further action, against 4.5% elsewhere;</item>
/// <item>the "Assessment" service area deteriorates over the last six months: assessments and initial
/// conferences later, children seen during assessment less often;</item>
/// <item>the "Children in Care" service area improves over the same six months: visits and reviews on time.</item>
/// </list>
/// Everything else follows the national picture (DOMAIN.md).
/// </summary>
internal sealed class Practice(SimCalendar calendar)
{
    public const string NfaTeam = "Front Door South";
    public const string LateCpVisitTeam = "Child Protection West";
    public const ServiceArea DeterioratingArea = ServiceArea.Assessment;
    public const ServiceArea ImprovingArea = ServiceArea.InCare;

    public const double NfaRate = 0.045;
    public const double NfaTeamRate = 0.22;

    public bool Deteriorating(Team team, DateOnly date) => team.Area == DeterioratingArea && date >= calendar.PeriodStart;

    public bool Improving(Team team, DateOnly date) => team.Area == ImprovingArea && date >= calendar.PeriodStart;

    public static double ReferralNfaRate(Team team) => team.Name == NfaTeam ? NfaTeamRate : NfaRate;

    /// <summary>Working days from referral to authorisation: median about 33 and about 87% within 45, as England;
    /// for referrals to the deteriorating area in the last six months (authorised in the period), half within 45.</summary>
    public int AssessmentWorkingDays(Team team, DateOnly referral, Rng rng)
    {
        var late = Deteriorating(team, referral.AddDays(40));
        if (!rng.Chance(late ? 0.5 : 0.89)) return Math.Min(130, 46 + (int)rng.Exponential(late ? 25 : 15));
        var days = 45 - (int)rng.Exponential(late ? 8 : 22);
        return days >= 7 ? days : rng.Int(7, 30);
    }

    public bool ChildSeenDuringAssessment(Team team, DateOnly referral, Rng rng) =>
        rng.Chance(Deteriorating(team, referral.AddDays(40)) ? 0.82 : 0.97);

    /// <summary>Working days from the strategy discussion to the ICPC: about 83% within 15, as England.</summary>
    public int IcpcWorkingDays(Team team, DateOnly s47Start, Rng rng) =>
        rng.Chance(Deteriorating(team, s47Start.AddDays(14)) ? 0.55 : 0.83) ? rng.Int(6, 15) : rng.Int(16, 30);

    /// <summary>Working days to the next CP visit (standard: 10).</summary>
    public static int CpVisitGap(Team team, Rng rng) => team.Name == LateCpVisitTeam
        ? rng.Chance(0.7) ? rng.Int(15, 25) : rng.Int(8, 14)
        : rng.Chance(0.88) ? rng.Int(4, 10) : rng.Int(11, 16);

    /// <summary>Working days to the next CIN visit (standard: 20).</summary>
    public static int CinVisitGap(Rng rng) => rng.Chance(0.8) ? rng.Int(10, 20) : rng.Int(21, 30);

    /// <summary>Working days from a placement's start to the first visit (regulation 28: within a week).</summary>
    public int ClaFirstVisit(Team team, DateOnly placementStart, Rng rng) =>
        rng.Chance(Improving(team, placementStart) ? 0.98 : 0.86) ? rng.Int(1, 4) : rng.Int(6, 10);

    /// <summary>Days to the next CLA visit (regulation 28: at most six weeks in the first year).</summary>
    public int ClaVisitGapDays(Team team, DateOnly from, Rng rng) =>
        rng.Chance(Improving(team, from) ? 0.96 : 0.78) ? rng.Int(18, 40) : rng.Int(44, 65);

    public bool ClaReviewOnTime(Team team, DateOnly due, Rng rng) => rng.Chance(Improving(team, due) ? 0.97 : 0.8);

    public static bool CpReviewOnTime(Rng rng) => rng.Chance(0.9);
}
