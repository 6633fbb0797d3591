using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Glossary;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Services;

/// <summary>
/// Marks the glossary's abbreviations in a piece of text ("ICPCs within 15 working days") as &lt;abbr title="initial
/// child protection conference"&gt;, so a reader who does not know them can hover or tap for the long form; the
/// glossary page explains each in full. The text is HTML-encoded first: only the abbr tags are markup.
/// </summary>
public static class Abbreviations
{
    private static readonly Dictionary<string, string> Expansions = Glossary.All
        .Where(e => e.Expansion is not null && Regex.IsMatch(e.Term, "^[A-Za-z0-9]+$"))
        .DistinctBy(e => e.Term, StringComparer.Ordinal) // a term listed twice (service and statistics) is marked once
        .ToDictionary(e => e.Term, e => e.Expansion!, StringComparer.Ordinal);

    // Whole words only, with an optional plural s ("ICPCs"); case as printed, so "cp" in a word is never matched.
    private static readonly Regex Pattern = new(
        $@"\b({string.Join('|', Expansions.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))})(s?)\b",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static MarkupString Mark(string? text)
    {
        if (string.IsNullOrEmpty(text)) return new MarkupString("");
        var encoded = WebUtility.HtmlEncode(text);
        return new MarkupString(Pattern.Replace(encoded, m =>
            $"<abbr title=\"{WebUtility.HtmlEncode(Expansions[m.Groups[1].Value])}{(m.Groups[2].Length > 0 ? "s" : "")}\">{m.Value}</abbr>"));
    }

    /// <summary>The long form of an abbreviation the glossary knows, or null.</summary>
    public static string? Expand(string term) => Expansions.GetValueOrDefault(term);
}
