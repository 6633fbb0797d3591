using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Data.Sqlite;
using static Dashboard.Returns.CinCensus.CinElements;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// Writes an SSD source as CIN census files, one per census year (1 April to 31 March; the last year's reference date
/// is the extract date when that is earlier), as a council's case system would export each census at its reference
/// date: every child with an episode of need open at any time in the year, and in each episode the assessments, CIN
/// plans and CP plans open in the year, the section 47 enquiries started (or whose conference fell) in it, and the CP
/// review conferences held in it. What happened after the reference date is not yet known to that year's file (a close
/// date after it is left out; the next year's file gives it). Elements are in the schema's order.
/// </summary>
public sealed class CinCensusWriter : IReturnWriter
{
    /// <summary>The first census year (2024-25) whose files carry Sex instead of GenderCurrent.</summary>
    private const int SexFromYear = 2025;

    public StatutoryReturn Kind => StatutoryReturn.CinCensus;

    public IReadOnlyList<string> Write(SqliteConnection source, string outDirectory, ReturnWriteOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Years < 1) throw new ArgumentException($"Years must be at least 1 (was {options.Years}).", nameof(options));
        Directory.CreateDirectory(outDirectory);
        var children = CinSourceReader.Read(source, ct);
        var last = CensusYears.YearEnding(options.ReferenceDate);
        var files = new List<string>();
        for (var year = last - options.Years + 1; year <= last; year++)
        {
            ct.ThrowIfCancellationRequested();
            var end = CensusYears.End(year) < options.ReferenceDate ? CensusYears.End(year) : options.ReferenceDate;
            var path = Path.Combine(outDirectory, $"cin-census-{CensusYears.Label(year)}.xml");
            WriteYear(path, children, year, CensusYears.Start(year), end);
            files.Add(path);
        }
        return files;
    }

    private static void WriteYear(string path, IReadOnlyList<CinChild> children, int year, DateOnly start, DateOnly end)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement(Message);
        xml.WriteStartElement(Header);
        xml.WriteStartElement(CollectionDetails);
        xml.WriteElementString(Collection, "CIN");
        xml.WriteElementString(Year, year.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString(ReferenceDate, Iso(end));
        xml.WriteEndElement();
        xml.WriteStartElement(Source);
        xml.WriteElementString("SourceLevel", "L");
        xml.WriteElementString("SoftwareCode", "Inspection Ready");
        xml.WriteElementString("Release", "1");
        xml.WriteElementString("SerialNo", "1");
        xml.WriteElementString("DateTime", Iso(end) + "T00:00:00");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement(Children);
        foreach (var child in children)
        {
            var episodes = child.Episodes.Where(e => e.OpenIn(start, end)).ToList();
            if (episodes.Count > 0) WriteChild(xml, child, episodes, year, start, end);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteChild(XmlWriter xml, CinChild child, List<CinEpisode> episodes, int year, DateOnly start, DateOnly end)
    {
        xml.WriteStartElement(Child);
        xml.WriteStartElement(ChildIdentifiers);
        xml.WriteElementString(LaChildId[0], child.Id);
        Optional(xml, BirthDate[0], child.BirthDate);
        if (child.BirthDate is null) Optional(xml, ExpectedBirthDate[0], child.ExpectedBirthDate);
        // From 2024-25 the census's Sex (M, F, U) replaces GenderCurrent's numbers (business and technical
        // specification 2024-25, item N00783, after CBDS RFC 1233).
        if (year >= SexFromYear) Optional(xml, "Sex", CinValues.SexCode(child.Sex));
        else Optional(xml, Sex[0], CinValues.GenderCurrent(child.Sex));
        Optional(xml, DeathDate[0], Known(child.DeathDate, end));
        xml.WriteEndElement();
        xml.WriteStartElement(ChildCharacteristics);
        Optional(xml, Ethnicity[0], child.Ethnicity);
        if (child.Disabilities.Count > 0)
        {
            xml.WriteStartElement(Disabilities);
            foreach (var code in child.Disabilities) xml.WriteElementString(Disability, code);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        foreach (var episode in episodes) WriteEpisode(xml, episode, start, end);
        xml.WriteEndElement();
    }

    private static void WriteEpisode(XmlWriter xml, CinEpisode episode, DateOnly start, DateOnly end)
    {
        var closed = Known(episode.CloseDate, end);
        xml.WriteStartElement(CinDetails);
        xml.WriteElementString(ReferralDate[0], Iso(episode.ReferralDate));
        Optional(xml, ReferralSource[0], episode.Source);
        Optional(xml, PrimaryNeed[0], episode.Need);
        Optional(xml, ClosureDate[0], closed);
        Optional(xml, ClosureReason[0], closed is null ? null : episode.CloseReason);
        Optional(xml, IcpcDate[0], episode.TransferInConferences.Where(d => d <= end).Select(d => (DateOnly?)d).LastOrDefault());
        Optional(xml, ReferralNfa[0], episode.Nfa is { } nfa ? (nfa ? "true" : "false") : null);
        foreach (var a in episode.Assessments.Where(a => a.Start <= end && (a.Authorised is not { } auth || auth >= start)))
        {
            var authorised = Known(a.Authorised, end);
            xml.WriteStartElement(Assessments);
            xml.WriteElementString(AssessmentStart[0], Iso(a.Start));
            Optional(xml, AssessmentAuthorised[0], authorised);
            if (authorised is not null && a.Nfa == true)
            {
                // The SSD source records the outcome, not the factors: an assessment that found no need is written
                // with factor 21 (no factors identified); others with none, since the source holds none.
                xml.WriteStartElement(Factors);
                xml.WriteElementString(Factor, CinValues.NoFactorsIdentified);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        foreach (var plan in episode.CinPlans.Where(p => p.Start <= end && (p.End is not { } e || e >= start)))
        {
            xml.WriteStartElement(CinPlanDates);
            xml.WriteElementString(CinPlanStart[0], Iso(plan.Start));
            Optional(xml, CinPlanEnd[0], Known(plan.End, end));
            xml.WriteEndElement();
        }
        foreach (var s47 in episode.Enquiries.Where(s => s.Start <= end && (s.Start >= start || s.ConferenceDate is { } d && d >= start && d <= end)))
        {
            var held = Known(s47.ConferenceDate, end);
            xml.WriteStartElement(Section47);
            xml.WriteElementString(S47Start[0], Iso(s47.Start));
            Optional(xml, IcpcTarget[0], s47.ConferenceTarget);
            Optional(xml, IcpcDate[0], held);
            xml.WriteElementString(IcpcNotRequired[0], held is null && !s47.ConferenceBooked ? "true" : "false");
            xml.WriteEndElement();
        }
        foreach (var plan in episode.ProtectionPlans.Where(p => p.Start <= end && (p.End is not { } e || e >= start)))
        {
            xml.WriteStartElement(CpPlans);
            xml.WriteElementString(CpPlanStart[0], Iso(plan.Start));
            Optional(xml, CpPlanEnd[0], Known(plan.End, end));
            Optional(xml, InitialCategory[0], plan.InitialCategory);
            Optional(xml, LatestCategory[0], plan.LatestCategory);
            xml.WriteElementString(PreviousPlans[0], plan.PreviousPlans.ToString(CultureInfo.InvariantCulture));
            var reviews = plan.Reviews.Where(r => r >= start && r <= end).ToList();
            if (reviews.Count > 0)
            {
                xml.WriteStartElement(Reviews);
                foreach (var review in reviews) xml.WriteElementString(ReviewDate[0], Iso(review));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>A date the case system knew at the census's reference date: a later one is not yet in that year's file.</summary>
    private static DateOnly? Known(DateOnly? date, DateOnly end) => date is { } d && d <= end ? d : null;

    private static void Optional(XmlWriter xml, string name, DateOnly? date)
    {
        if (date is { } d) xml.WriteElementString(name, Iso(d));
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) xml.WriteElementString(name, value);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
