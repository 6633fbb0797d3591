using Dashboard.Synthetic.Output;

namespace Dashboard.Synthetic.Simulation;

/// <summary>
/// A stretch of a child's case held by one team (assessment, child protection, care, leaving care), with the
/// workers allocated over it. Workers are drawn lazily as the story needs them: when a worker leaves the
/// council, moves team or the case is reallocated, the next worker comes from the same team. Closing the
/// phase writes the involvements (and, for open cases, the supervision records of the team's manager).
/// </summary>
internal sealed class Phase
{
    private const double MeanDaysBetweenReallocations = 600;

    private readonly Journey _child;
    private readonly Workforce _work;
    private readonly List<Segment> _segments = new(4);
    private readonly Id? _referral;
    private readonly string _role;
    private readonly bool _oversight;

    public Phase(Journey child, Team team, DateOnly start, Id? referral, bool oversight)
    {
        _child = child;
        _work = child.Work;
        Team = team;
        Start = start;
        _referral = referral;
        _oversight = oversight;
        _role = team.Spec.Roles is [TeamRole.LeavingCare] ? "Personal Adviser" : "Allocated Social Worker";
        _segments.Add(NewSegment(_work.PickPosting(team, start, child.Rng), start));
    }

    public Team Team { get; }

    public DateOnly Start { get; }

    /// <summary>The worker allocated on the date.</summary>
    public Worker WorkerAt(DateOnly date)
    {
        while (_segments[^1].To <= date) Extend();
        for (var i = _segments.Count - 1; i > 0; i--)
        {
            if (_segments[i].From <= date) return _work.WorkerOf(_segments[i].Posting);
        }
        return _work.WorkerOf(_segments[0].Posting);
    }

    /// <summary>Ends the phase (null: still open at the extract date) and writes its rows.</summary>
    public void Close(DateOnly? end, string? reason)
    {
        var calendar = _child.Calendar;
        var stop = end ?? calendar.AsOf;
        while (_segments[^1].To <= stop) Extend();
        for (var i = 0; i < _segments.Count; i++)
        {
            var s = _segments[i];
            var worker = _work.WorkerOf(s.Posting);
            var team = _work.Teams[_work.Postings[s.Posting].Team].Id;
            if (end is null)
            {
                if (s.From > stop) break;
                var open = s.To > stop;
                if (open) worker.Caseload++;
                _child.Rows.Involvement(worker.Id, _role, team, s.From, open ? null : s.To, open ? null : s.Reason, _child.Person, _referral);
            }
            else
            {
                if (i > 0 && s.From >= stop) break;
                var finished = s.To < stop;
                _child.Rows.Involvement(worker.Id, _role, team, s.From, finished ? s.To : stop, finished ? s.Reason : reason, _child.Person, _referral);
            }
        }
        if (_oversight) WriteOversight(stop);
    }

    /// <summary>A decision when the case starts, then supervision every 12 to 30 working days (so most open cases
    /// have had oversight within 20 working days); one case in eight drifts, with 30 to 70 working days between.</summary>
    private void WriteOversight(DateOnly stop)
    {
        var rng = _child.Rng;
        var calendar = _child.Calendar;
        var manager = _work.ManagerOf(Team).Id;
        var drift = rng.Chance(0.12);
        var date = calendar.AddWorkingDays(Start, rng.Int(0, 3));
        var type = "DECISION";
        while (date <= stop)
        {
            if (date >= _child.HistoryFrom) _child.Rows.Oversight(_child.Person, date, manager, type);
            type = rng.Chance(0.9) ? "SUPERVISION" : "DECISION";
            date = calendar.AddWorkingDays(date, drift ? rng.Int(30, 70) : rng.Int(12, 30));
        }
    }

    private void Extend()
    {
        var last = _segments[^1];
        var posting = _work.PickPosting(Team, last.To, _child.Rng, _work.Postings[last.Posting].Worker);
        _segments.Add(NewSegment(posting, last.To));
    }

    private Segment NewSegment(int posting, DateOnly from)
    {
        var rng = _child.Rng;
        var calendar = _child.Calendar;
        var p = _work.Postings[posting];
        var reallocation = from.AddDays(30 + (int)rng.Exponential(MeanDaysBetweenReallocations));
        if (p.End <= reallocation)
        {
            return new Segment(posting, from, p.End, p.EndsByMove ? "Worker moved team" : "Worker left the authority");
        }
        var to = reallocation <= calendar.Max ? calendar.OnOrNextWorkingDay(reallocation) : reallocation;
        return new Segment(posting, from, to, Mix.WorkerChange.Draw(rng));
    }

    private readonly record struct Segment(int Posting, DateOnly From, DateOnly To, string Reason);
}
