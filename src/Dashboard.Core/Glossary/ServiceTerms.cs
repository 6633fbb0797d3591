namespace Dashboard.Core.Glossary;

/// <summary>
/// The abbreviations and words of children's social care that pages and packs use, as a councillor or a new manager
/// would need them explained. Entries with an expansion are abbreviations: pages wrap them in &lt;abbr&gt; with it.
/// </summary>
public static class ServiceTerms
{
    public static IReadOnlyList<GlossaryEntry> Entries { get; } =
    [
        new("CIN", "A child in need: a child the council has assessed as needing its services to be safe, healthy or to develop well (Children Act 1989, section 17).", "child in need"),
        new("CLA", "A child looked after: a child in the council's care, living with foster carers, in a children's home or elsewhere (also called a child in care).", "child looked after"),
        new("CP", "Child protection: a plan made at a conference when a child is judged at risk of significant harm.", "child protection"),
        new("DfE", "The Department for Education, which publishes the England figures the measures are compared with.", "Department for Education"),
        new("ICPC", "The first conference of professionals and family after a section 47 enquiry, which decides whether a child needs a child protection plan. It should be held within 15 working days of the strategy discussion.", "initial child protection conference"),
        new("IRO", "An independent reviewing officer chairs the reviews of a child in care and checks that the plan for the child is working.", "independent reviewing officer"),
        new("NFA", "No further action: a referral or assessment closed without the council providing a service.", "no further action"),
        new("PN0-PN7", "How a child took part in their review (the DfE's participation codes): PN0 the child was under 4; PN1 attended and spoke for themselves; PN2 attended and an advocate spoke for them; PN3 attended and gave their views in another way; PN4 attended but did not give views; PN5 did not attend, an advocate gave their views; PN6 did not attend, gave views another way; PN7 did not attend and gave no views.", "participation codes"),
        new("RAG", "Red, amber, green: a rating of a figure against its target. Green meets the target; amber misses it by no more than a tenth of the target; red misses it by more.", "red, amber, green"),
        new("RCPC", "A review conference of a child protection plan, held within three months of the initial conference and then at least every six months.", "review child protection conference"),
        new("Referral", "A request to children's social care to consider whether a child needs help or protection, accepted for a decision on what to do next."),
        new("Contact", "Any first approach to children's social care about a child (a call, an email, a police notification); some become referrals."),
        new("s47", "An enquiry under section 47 of the Children Act 1989, made when there is reasonable cause to suspect a child is suffering, or likely to suffer, significant harm.", "section 47 enquiry"),
        new("SSD", "The standard safeguarding dataset: the common extract of case records from the council's system that the figures are built from.", "standard safeguarding dataset"),
        new("Strategy discussion", "A discussion between children's social care, the police and health (and others) when a child may be at risk of significant harm, which decides whether to start a section 47 enquiry."),
        new("UASC", "A child who has come to the UK without a parent or carer to seek asylum.", "unaccompanied asylum-seeking child"),
        new("Pathway plan", "The plan for a care leaver's move to adult life (housing, education, work, health), reviewed at least every six months."),
        new("Care leaver", "A young person of 16 to 25 who was in care; the council stays in touch and supports them."),
    ];
}
