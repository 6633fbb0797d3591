using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>
/// One generated child's journey, by its structural choices; the details (exact gaps, flags) come from
/// <see cref="Seed"/>. FsCheck generates lists of these; the performance test makes thousands.
/// </summary>
/// <param name="StartDay">Days after the council's start date of the first contact.</param>
/// <param name="Path">0 referral only, 1 child in need plan, 2 child protection, 3 looked after.</param>
public sealed record ChildStory(int Seed, int StartDay, int Path, bool Nfa, int Workers, bool Open);

/// <summary>
/// Turns child stories into case facts: contacts, referrals, allocations (with worker changes and workers
/// who change team), assessments, plans, visits (some not seen), reviews (some late or missing),
/// conferences (some transfer-in), attendance, oversight, placements and care leavers. Messy on purpose,
/// so properties meet the edge cases real data has. Deterministic for the same stories.
/// </summary>
public static class SyntheticCouncil
{
    public static readonly DateOnly Start = 1.April(2021);

    public static CaseData Build(IReadOnlyList<ChildStory> stories, int teams, int workers, DateOnly extract)
    {
        var f = new Facts(teams, workers, extract);
        for (var i = 0; i < stories.Count; i++) new Journey(f, $"P{i:D6}", stories[i]).Run();
        return new CaseData(f.ToCaseFacts());
    }

    /// <summary>A council of about <paramref name="referralsPerYear"/> referrals a year for <paramref name="years"/> years.</summary>
    public static CaseData Random(int seed, int referralsPerYear, int years)
    {
        var rnd = new Random(seed);
        var days = years * 365;
        var count = referralsPerYear * years;
        var stories = new ChildStory[count];
        for (var i = 0; i < count; i++)
        {
            var path = rnd.Next(100) switch { < 45 => 0, < 80 => 1, < 92 => 2, _ => 3 };
            stories[i] = new ChildStory(rnd.Next(), rnd.Next(days), path, rnd.Next(100) < 8, 1 + rnd.Next(4), rnd.Next(100) < 15);
        }
        var workers = Math.Max(4, referralsPerYear / 45);
        return Build(stories, Math.Max(2, workers / 8), workers, Start.AddDays(days));
    }

    internal sealed class Facts(int teams, int workers, DateOnly extract)
    {
        public int TeamCount { get; } = teams;
        public int WorkerCount { get; } = workers;
        public DateOnly Extract { get; } = extract;
        public List<Child> Children { get; } = [];
        public List<Involvement> Involvements { get; } = [];
        public List<Contact> Contacts { get; } = [];
        public List<Referral> Referrals { get; } = [];
        public List<Assessment> Assessments { get; } = [];
        public List<CinPlan> CinPlans { get; } = [];
        public List<CinVisit> CinVisits { get; } = [];
        public List<S47Enquiry> S47s { get; } = [];
        public List<StrategyDiscussion> Discussions { get; } = [];
        public List<MeetingAttendance> Meetings { get; } = [];
        public List<Icpc> Icpcs { get; } = [];
        public List<CpPlan> CpPlans { get; } = [];
        public List<CpVisit> CpVisits { get; } = [];
        public List<CpReview> CpReviews { get; } = [];
        public List<ClaEpisode> Episodes { get; } = [];
        public List<Placement> Placements { get; } = [];
        public List<ClaVisit> ClaVisits { get; } = [];
        public List<ClaReview> ClaReviews { get; } = [];
        public List<CareLeaver> CareLeavers { get; } = [];
        public List<Oversight> Oversight { get; } = [];

        public string Team(int i) => $"T{i % TeamCount}";
        public string Worker(int i) => $"W{i % WorkerCount}";

        public CaseFacts ToCaseFacts()
        {
            var teams = Enumerable.Range(0, TeamCount).Select(t => new Team($"T{t}", $"Team {t}", $"SA{t % 3}", $"Area {t % 3}")).ToList();
            // A fifth of workers move team half way through; the rest stay put.
            var middle = Start.AddDays((Extract.DayNumber - Start.DayNumber) / 2);
            var spells = new List<WorkerSpell>();
            for (var w = 0; w < WorkerCount; w++)
            {
                if (w % 5 == 0)
                {
                    spells.Add(new WorkerSpell($"W{w}", $"Worker {w}", Team(w), Start.AddYears(-5), middle.AddDays(-1)));
                    spells.Add(new WorkerSpell($"W{w}", $"Worker {w}", Team(w + 1), middle));
                }
                else
                {
                    spells.Add(new WorkerSpell($"W{w}", $"Worker {w}", Team(w), Start.AddYears(-5)));
                }
            }
            return new CaseFacts
            {
                Teams = teams, WorkerSpells = spells, Children = Children, Involvements = Involvements, Contacts = Contacts,
                Referrals = Referrals, Assessments = Assessments, CinPlans = CinPlans, CinVisits = CinVisits, S47Enquiries = S47s,
                StrategyDiscussions = Discussions, MeetingAttendance = Meetings, Icpcs = Icpcs, CpPlans = CpPlans, CpVisits = CpVisits,
                CpReviews = CpReviews, ClaEpisodes = Episodes, Placements = Placements, ClaVisits = ClaVisits, ClaReviews = ClaReviews,
                CareLeavers = CareLeavers, Oversight = Oversight, ExtractDate = Extract,
            };
        }
    }
}
