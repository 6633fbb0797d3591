using System.Xml;
using System.Xml.Linq;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// The CIN census's element names (DfE "Children in need census: guide" and its XML schema, 2015-16 to 2025-26), with
/// the spellings councils' systems have used for the same item (the child's sex is GenderCurrent, coded 0/1/2/9, until
/// 2023-24 and Sex, coded M/F/U, from 2024-25, when item N00783 replaced N00007; some exports write PersonSex or
/// DateOfBirth). Names are matched without a namespace, since some systems add one and the DfE's schema has none.
/// Elements are found by name, not position, so a file with them in another order still reads. The writer uses the
/// first name of each list.
/// </summary>
internal static class CinElements
{
    public const string Message = "Message";
    public const string Header = "Header";
    public const string CollectionDetails = "CollectionDetails";
    public const string Collection = "Collection";
    public const string Year = "Year";
    public const string ReferenceDate = "ReferenceDate";
    public const string Source = "Source";
    public const string Children = "Children";
    public const string Child = "Child";
    public const string ChildIdentifiers = "ChildIdentifiers";
    public const string ChildCharacteristics = "ChildCharacteristics";
    public const string Disabilities = "Disabilities";
    public const string Disability = "Disability";
    public const string CinDetails = "CINdetails";
    public const string Assessments = "Assessments";
    public const string Factors = "FactorsIdentifiedAtAssessment";
    public const string Factor = "AssessmentFactors";
    public const string CinPlanDates = "CINPlanDates";
    public const string Section47 = "Section47";
    public const string CpPlans = "ChildProtectionPlans";
    public const string Reviews = "Reviews";

    public static readonly string[] LaChildId = ["LAchildID", "LAChildID"];
    public static readonly string[] BirthDate = ["PersonBirthDate", "DateOfBirth"];
    public static readonly string[] ExpectedBirthDate = ["ExpectedPersonBirthDate"];
    public static readonly string[] Sex = ["GenderCurrent", "Sex", "PersonSex", "Gender"];
    public static readonly string[] DeathDate = ["PersonDeathDate"];
    public static readonly string[] Ethnicity = ["Ethnicity"];
    public static readonly string[] ReferralDate = ["CINreferralDate"];
    public static readonly string[] ReferralSource = ["ReferralSource"];
    public static readonly string[] PrimaryNeed = ["PrimaryNeedCode", "PrimaryNeed"];
    public static readonly string[] ClosureDate = ["CINclosureDate"];
    public static readonly string[] ClosureReason = ["ReasonForClosure"];
    public static readonly string[] IcpcDate = ["DateOfInitialCPC"];
    public static readonly string[] ReferralNfa = ["ReferralNFA"];
    public static readonly string[] AssessmentStart = ["AssessmentActualStartDate"];
    public static readonly string[] AssessmentReview = ["AssessmentInternalReviewDate"];
    public static readonly string[] AssessmentAuthorised = ["AssessmentAuthorisationDate"];
    public static readonly string[] CinPlanStart = ["CINPlanStartDate"];
    public static readonly string[] CinPlanEnd = ["CINPlanEndDate"];
    public static readonly string[] S47Start = ["S47ActualStartDate"];
    public static readonly string[] IcpcTarget = ["InitialCPCtarget", "InitialCPCTarget"];
    public static readonly string[] IcpcNotRequired = ["ICPCnotRequired", "ICPCNotRequired"];
    public static readonly string[] CpPlanStart = ["CPPstartDate"];
    public static readonly string[] CpPlanEnd = ["CPPendDate"];
    public static readonly string[] InitialCategory = ["InitialCategoryOfAbuse"];
    public static readonly string[] LatestCategory = ["LatestCategoryOfAbuse"];
    public static readonly string[] PreviousPlans = ["NumberOfPreviousCPP"];
    public static readonly string[] ReviewDate = ["CPPreviewDate"];

    /// <summary>The trimmed text of the first child element with one of <paramref name="names"/>; null when absent or blank.</summary>
    public static string? Value(XElement parent, string[] names)
    {
        foreach (var element in parent.Elements())
        {
            if (Array.IndexOf(names, element.Name.LocalName) >= 0)
            {
                var text = element.Value.Trim();
                return text.Length == 0 ? null : text;
            }
        }
        return null;
    }

    /// <summary>The child elements called <paramref name="name"/>.</summary>
    public static IEnumerable<XElement> All(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name);

    /// <summary>The first child element called <paramref name="name"/>, or null.</summary>
    public static XElement? First(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The 1-based line an element starts on, when the reader kept it.</summary>
    public static long? Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
