using System.Text.RegularExpressions;

namespace Rapporteur.Core.Documents;

/// <summary>Why a line was left out of the text used for extraction.</summary>
public enum Furniture
{
    None,
    Repeated,
    Ticker,
    Paging,
    CommentForm,
    Sharing,
    Contact,
    Credit,
    SiteChrome,
}

/// <summary>
/// Marks page furniture line by line: lines repeated many times, tickers, paging, comment forms,
/// share buttons, contact blocks, photo credits. It judges the shape of a line, never its story;
/// the stored source keeps every byte.
/// </summary>
public static partial class FurnitureCleaner
{
    private const int RepeatThreshold = 3;
    private const int MaxRepeatedLineLength = 160;
    // Furniture is short: a cookie banner runs to a few hundred characters. Longer lines are
    // prose (or a hostile one-line file) and are kept without running the shape rules over them.
    private const int MaxFurnitureLineLength = 1_000;

    public static Furniture[] Classify(string text, IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        var marks = new Furniture[lines.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Of(text).Trim();
            if (line.IsEmpty || line.Length > MaxRepeatedLineLength)
            {
                continue;
            }
            var key = Whitespace().Replace(line.ToString(), " ");
            keys[i] = key;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var contactSection = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Of(text).Trim().ToString();
            if (line.Length == 0)
            {
                continue;
            }
            var mark = Judge(line);
            if (mark == Furniture.None && keys[i] is { } key && counts[key] >= RepeatThreshold && !LooksLikeProse(line))
            {
                mark = Furniture.Repeated;
            }
            if (mark == Furniture.Contact && ContactHeading().IsMatch(line))
            {
                contactSection = true;
            }
            else if (contactSection && mark == Furniture.None)
            {
                // Inside a contact block, short lines without sentence punctuation are names and job titles.
                if (line.Length <= 80 && !SentenceEnd().IsMatch(line))
                {
                    mark = Furniture.Contact;
                }
                else
                {
                    contactSection = false;
                }
            }
            marks[i] = mark;
        }
        // A short name-like line right above a contact line belongs to the contact block.
        for (var i = 0; i < lines.Count; i++)
        {
            if (marks[i] != Furniture.Contact || !ContactDetail().IsMatch(lines[i].Of(text).ToString()))
            {
                continue;
            }
            var j = i - 1;
            while (j >= 0 && TextLine.IsBlank(lines[j].Of(text)))
            {
                j--;
            }
            if (j >= 0 && marks[j] == Furniture.None)
            {
                var above = lines[j].Of(text).Trim().ToString();
                if (above.Length <= 60 && above.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && !SentenceEnd().IsMatch(above))
                {
                    marks[j] = Furniture.Contact;
                }
            }
        }
        return marks;
    }

    /// <summary>The verdict on one line taken alone.</summary>
    public static Furniture Judge(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim().TrimStart('•', '*', '·', '-', '–', ' ', '\u00A0');
        if (trimmed.Length > MaxFurnitureLineLength)
        {
            return Furniture.None;
        }
        if (Ticker().IsMatch(trimmed))
        {
            return Furniture.Ticker;
        }
        if (Paging().IsMatch(trimmed))
        {
            return Furniture.Paging;
        }
        if (CommentForm().IsMatch(trimmed))
        {
            return Furniture.CommentForm;
        }
        if (Sharing().IsMatch(trimmed))
        {
            return Furniture.Sharing;
        }
        if (ContactHeading().IsMatch(trimmed) || ContactDetail().IsMatch(trimmed) || AuthorLink().IsMatch(trimmed))
        {
            return Furniture.Contact;
        }
        if (Credit().IsMatch(trimmed))
        {
            return Furniture.Credit;
        }
        if (SiteChrome().IsMatch(trimmed))
        {
            return Furniture.SiteChrome;
        }
        return Furniture.None;
    }

    // A repeated line that reads as a sentence of prose is kept: quotes and refrains repeat too.
    private static bool LooksLikeProse(string line) => line.Length > 80 && SentenceEnd().IsMatch(line);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[.!?…][""”’»)]?$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[A-Z]{3}\s*/\s*[A-Z]{3}\s*[=:]\s*[-+]?[\d.,]+", RegexOptions.CultureInvariant)]
    private static partial Regex Ticker();

    [GeneratedRegex(@"^(?:(?:viewing|showing|displaying)\s+)?(?:(?:results?|items?|articles?|entries|records|news|posts)\s+)?\d+\s*(?:-|–|—|to)\s*\d+\s+(?:of|из)\s+\d+\b|^page\s+\d+(?:\s+of\s+\d+)?$|^(?:[«‹<]\s*)?(?:previous|next|older|newer)(?:\s+(?:page|posts|entries|articles))?(?:\s*[»›>])?$|^load more$|^(?:\d+\s+){2,}(?:…\s*\d+\s*)?(?:next|»)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Paging();

    [GeneratedRegex(@"^(?:leave a (?:reply|comment)|your email address will not be published|required fields are marked|post comment$|cancel reply$|(?:name|email|e-mail|website|comment)\s*\*?$|save my name, email|you must be logged in to post a comment|log in to (?:reply|comment)|comments? \(\d+\)$|\d+ comments?$|add (?:a )?comment$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentForm();

    [GeneratedRegex(@"^(?:(?:share on \w+|click to share on \w+|share(?: this(?: article| story| page)?)?|tweet|print(?: this (?:page|article))?|e-?mail|copy link|whatsapp|telegram|facebook|twitter|linkedin|vk|x|reddit|odnoklassniki)[\s:|,/·•]*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sharing();

    [GeneratedRegex(@"^(?:contact us|contacts?|media contacts?|press contacts?|for (?:more information|further information|media enquiries),? (?:please )?contact:?)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactHeading();

    [GeneratedRegex(@"(?:\b(?:e-?mail|phone|tel|mobile|fax|twitter|telegram|whatsapp)\s*:|\[email\s*protected\]|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|\+\d[\d\s()\-]{7,}\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactDetail();

    [GeneratedRegex(@"^read (?:article|more|all articles)(?: by)?\s*[""“].*[""”]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLink();

    [GeneratedRegex(@"^(?:photo|photograph|image|illustration|picture|credit|фото)s?(?:\s+by)?\s*[:©]|^©\s*\w|^\(?photo:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"^(?:accessibility links|skip to (?:main )?content|skip to navigation|subscribe(?: to (?:our )?newsletter)?|sign up for (?:our|the) newsletter|follow us(?: on \w+)?|we use cookies.*|accept(?: all)? cookies|cookie (?:policy|settings)|privacy policy|terms of (?:use|service)|all rights reserved.*|related (?:articles|stories|news|posts)|read (?:more|also)|see also|advertisement|back to top|menu|search|home)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteChrome();
}
