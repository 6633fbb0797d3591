using Dashboard.Reports.AnnexA;
using Dashboard.Reports.Pdf;

namespace Dashboard.Web.Services.Packs;

/// <summary>
/// Why a pack could not be made, as a short code for the page's address and a fixed sentence to show. The page
/// never echoes text from its address, so a crafted link cannot put words in the dashboard's mouth; the exact
/// sentence from the pack code goes to the audit log for whoever has to fix it.
/// </summary>
public static class PackProblem
{
    public const string Chromium = "chromium";
    public const string Output = "output";
    public const string Definition = "definition";
    public const string NoData = "no-data";
    public const string Month = "month";
    public const string Format = "format";
    public const string Pack = "pack";
    public const string Length = "length";

    /// <summary>The code for a pack's failure: one of the constants above.</summary>
    public static string CodeFor(Exception error, bool monthAsked) => error switch
    {
        ChromiumUnavailableException => Chromium,
        PackOutputException => Output,
        PackDefinitionException => Definition,
        AnnexANoDataException => NoData,
        PackLengthException => Length,
        PackDataException => monthAsked ? Month : NoData,
        ArgumentException { ParamName: "format" } => Format,
        _ => Pack,
    };

    /// <summary>The sentence the page shows for a code; null for a code it does not know (nothing is shown).</summary>
    public static string? Message(string? code) => code switch
    {
        Chromium => "The server cannot print PDFs because Chromium is not installed or would not start. Ask your administrator to install it, or choose a pack that comes as Excel.",
        Output => "The server could not write the pack file. Ask your administrator to check the server's temporary folder.",
        Definition => "The pack's definition in the reports folder could not be read. Ask your administrator to check the reports folder setting.",
        NoData => "There are no figures to make the pack from yet: the nightly load has to run first.",
        Month => "There are no figures for that month. Choose one of the months in the list.",
        Length => "Rolling 3- and 12-month figures end at a complete month and need that many months of figures up to it. Choose a complete, later month, or figures for 1 month.",
        Format => "That pack does not come in that format. Choose one of the formats in the list.",
        Pack => "There is no such pack. Choose one of the packs on this page.",
        _ => null,
    };
}
