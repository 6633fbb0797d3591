using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Engine;

/// <summary>Sources in words, with the SSD table they come from, for "not available" messages and the docs.</summary>
public static class SourceNames
{
    public static string Describe(DataSource source) => source switch
    {
        DataSource.Contacts => "contacts (ssd_contacts)",
        DataSource.Referrals => "referrals (ssd_cin_episodes)",
        DataSource.Involvements => "worker allocations (ssd_involvements)",
        DataSource.Assessments => "assessments (ssd_cin_assessments)",
        DataSource.CinPlans => "child in need plans (ssd_cin_plans)",
        DataSource.CinVisits => "child in need visits (ssd_cin_visits)",
        DataSource.S47Enquiries => "section 47 enquiries (ssd_s47_enquiry)",
        DataSource.MeetingAttendance => "meeting attendance (ssd_ext_meeting_attendance, our extension)",
        DataSource.Icpcs => "initial child protection conferences (ssd_initial_cp_conference)",
        DataSource.CpPlans => "child protection plans (ssd_cp_plans)",
        DataSource.CpVisits => "child protection visits (ssd_cp_visits)",
        DataSource.CpReviews => "child protection reviews (ssd_cp_reviews)",
        DataSource.ClaEpisodes => "looked-after episodes (ssd_cla_episodes)",
        DataSource.Placements => "placements (ssd_cla_placement)",
        DataSource.ClaVisits => "looked-after visits (ssd_cla_visits)",
        DataSource.ClaReviews => "looked-after reviews (ssd_cla_reviews)",
        DataSource.CareLeavers => "care leavers (ssd_care_leavers)",
        DataSource.Oversight => "management oversight records (ssd_ext_management_oversight, our extension)",
        _ => source.ToString(),
    };
}
