using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class PartnersTests
{
    private static readonly DateOnly Extract = 31.March(2025);

    [Test]
    public void PARTNERS_01_needs_police_health_and_education_for_a_school_age_child_and_names_who_was_missing()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("All", c => c.BornOn(1.May(2015)).StrategyDiscussion(10.March(2025)))
            .WithChild("NoSchool", c => c.BornOn(1.May(2015)).StrategyDiscussion(10.March(2025), education: false))
            .WithChild("Toddler", c => c.BornOn(1.May(2022)).StrategyDiscussion(10.March(2025), education: false))
            .WithChild("Unknown", c => c.StrategyDiscussion(10.March(2025), education: false))
            .Build();

        var m = Measure.Of("PARTNERS-01", data, Extract);

        Assert.That(m.Ratio, Is.EqualTo("2/4"), "an unknown date of birth expects education");
        Assert.That(m.Exceptions.Select(e => e.PersonId), Is.EquivalentTo(new[] { "NoSchool", "Unknown" }));
        Assert.That(m.Exceptions.Single(e => e.PersonId == "NoSchool").Detail.What, Is.EqualTo("Strategy discussion without education (school-age child)"));
        Assert.That(m.Exceptions.Single(e => e.PersonId == "Unknown").Detail.What,
            Is.EqualTo("Strategy discussion without education (child's age not known, so education expected)"));
    }

    [Test]
    public void PARTNERS_01_names_every_agency_missing_in_plain_words()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c.BornOn(1.May(2015)).StrategyDiscussion(10.March(2025), police: false, health: false))
            .WithChild("C2", c => c.BornOn(1.May(2022)).StrategyDiscussion(10.March(2025), police: false, education: false))
            .Build();

        var what = Measure.Of("PARTNERS-01", data, Extract).Exceptions.ToDictionary(e => e.PersonId!, e => e.Detail.What);

        Assert.That(what["C1"], Is.EqualTo("Strategy discussion without police and health"));
        Assert.That(what["C2"], Is.EqualTo("Strategy discussion without police"), "education is not expected for a toddler");
    }

    [Test]
    public void PARTNERS_01_is_also_shown_per_agency_with_education_out_of_school_age_children_only()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("A", c => c.BornOn(1.May(2015)).StrategyDiscussion(10.March(2025), police: false))
            .WithChild("B", c => c.BornOn(1.May(2022)).StrategyDiscussion(10.March(2025), education: false))
            .Build();

        var m = Measure.Of("PARTNERS-01", data, Extract);

        Assert.That($"{m.Series("POLICE").Numerator}/{m.Series("POLICE").Denominator}", Is.EqualTo("1/2"));
        Assert.That($"{m.Series("HEALTH").Numerator}/{m.Series("HEALTH").Denominator}", Is.EqualTo("2/2"));
        Assert.That($"{m.Series("EDUCATION").Numerator}/{m.Series("EDUCATION").Denominator}", Is.EqualTo("1/1"));
        Assert.That(m.Exceptions.All(e => e.Series is null), Is.True, "the per-agency series repeat no exception rows");
    }

    [Test]
    public void PARTNERS_01_school_age_edge_a_child_turning_5_on_the_day_is_school_age()
    {
        var data = CouncilBuilder.AsAt(Extract).WithChild("C1", c => c.BornOn(10.March(2020)).StrategyDiscussion(10.March(2025), education: false)).Build();

        Assert.That(Measure.Of("PARTNERS-01", data, Extract).Ratio, Is.EqualTo("0/1"));
    }

    [Test]
    public void PARTNERS_02_counts_each_partner_invitation_to_an_ICPC_and_leaves_out_the_council_itself()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c
                .MeetingInvitation("ICPC", 12.March(2025), "POLICE", attended: true)
                .MeetingInvitation("ICPC", 12.March(2025), "HEALTH", attended: false)
                .MeetingInvitation("ICPC", 12.March(2025), "LA", attended: true)
                .MeetingInvitation("RCPC", 12.March(2025), "POLICE", attended: false))
            .Build();

        var m = Measure.Of("PARTNERS-02", data, Extract);

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Series("HEALTH").Value, Is.EqualTo(0m));
        Assert.That(m.Series("POLICE").Value, Is.EqualTo(100m));
        Assert.That(m.Series("HOUSING").Value, Is.Null, "an agency never invited has no value");
        Assert.That(m.Exceptions.Single().Detail.What, Is.EqualTo("Health invited to the initial conference, did not attend"));
    }

    [Test]
    public void PARTNERS_02_says_when_attendance_was_not_recorded_and_names_every_agency_plainly()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c
                .MeetingInvitation("ICPC", 12.March(2025), "PROBATION", attended: null)
                .MeetingInvitation("ICPC", 12.March(2025), "OTHER", attended: false)
                .MeetingInvitation("ICPC", 12.March(2025), "HOUSING", attended: true))
            .Build();

        var what = Measure.Of("PARTNERS-02", data, Extract).Exceptions.Select(e => e.Detail.What);

        Assert.That(what, Is.EquivalentTo(new[]
        {
            "Probation invited to the initial conference, attendance not recorded",
            "Other agency invited to the initial conference, did not attend",
        }));
    }

    [Test]
    public void PARTNERS_03_counts_reports_for_initial_and_review_conferences()
    {
        var data = CouncilBuilder.AsAt(Extract)
            .WithChild("C1", c => c
                .MeetingInvitation("ICPC", 12.March(2025), "EDUCATION", attended: true, report: true)
                .MeetingInvitation("RCPC", 19.March(2025), "HEALTH", attended: true, report: false)
                .MeetingInvitation("STRAT", 5.March(2025), "POLICE", attended: true, report: false))
            .Build();

        var m = Measure.Of("PARTNERS-03", data, Extract);

        Assert.That(m.Ratio, Is.EqualTo("1/2"));
        Assert.That(m.Exceptions.Single().Detail.What, Is.EqualTo("Health invited to the review conference, no report provided"));
    }

    [Test]
    public void Meeting_attendance_missing_from_the_extract_makes_partner_measures_not_available()
    {
        var data = CouncilBuilder.AsAt(Extract).WithChild("C1", c => c.Referred(3.March(2025))).Without(DataSource.MeetingAttendance).Build();

        Assert.That(Measure.Of("PARTNERS-02", data, Extract).Council.IsAvailable, Is.False);
    }
}
