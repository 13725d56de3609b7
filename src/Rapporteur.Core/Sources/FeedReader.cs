using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Rapporteur.Core.Sources;

/// <summary>
/// RSS 2.0 and Atom feeds. Each item becomes a source of its own, linked to the feed; an item
/// with neither text nor link is reported and skipped while the others are kept.
/// </summary>
public sealed class FeedReader(ReadLimits limits) : ISourceReader
{
    public FeedReader()
        : this(ReadLimits.Default)
    {
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public int Claims(SourceInput input)
    {
        if (input.MediaTypeHint is { } hint && (hint.Contains("rss", StringComparison.OrdinalIgnoreCase) || hint.Contains("atom", StringComparison.OrdinalIgnoreCase)))
        {
            return 2;
        }
        var head = Encoding.UTF8.GetString(input.Bytes, 0, Math.Min(input.Bytes.Length, 1024));
        if (head.Contains("<rss", StringComparison.Ordinal) || (head.Contains("<feed", StringComparison.Ordinal) && head.Contains("2005/Atom", StringComparison.Ordinal)))
        {
            return 2;
        }
        return input.Extension is ".rss" or ".atom" ? 1 : 0;
    }

    public ReadResult Read(SourceInput input)
    {
        // Judged on bytes, before any parsing: no real feed comes near the limit.
        if (input.Bytes.Length > limits.MaxTextCharacters)
        {
            return ReadLimits.TooLarge("feed", input.Bytes.Length, limits.MaxTextCharacters, "bytes");
        }
        XDocument xml;
        try
        {
            // No DTDs: a feed cannot expand entities (billion laughs) or reach for external files.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = limits.MaxTextCharacters };
            // LINQ to XML reads an element's text recursively, and a hundred thousand nested
            // elements overflow the stack; so the depth is measured in a streaming pass first.
            using (var scan = XmlReader.Create(new MemoryStream(input.Bytes, writable: false), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > limits.MaxMarkupDepth)
                    {
                        return new Refused(ReadProblem.TooLarge, FormattableString.Invariant($"the feed nests elements deeper than {limits.MaxMarkupDepth} levels (line {((IXmlLineInfo)scan).LineNumber})"));
                    }
                }
            }
            using var stream = new MemoryStream(input.Bytes, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            xml = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return new Refused(ReadProblem.Corrupt, $"the feed is not well-formed XML (line {e.LineNumber}, position {e.LinePosition})");
        }
        var root = xml.Root!;
        var isAtom = root.Name == Atom + "feed";
        var channel = isAtom ? root : root.Element("channel");
        if (channel is null)
        {
            return new Refused(ReadProblem.Unsupported, "XML, but neither an RSS channel nor an Atom feed");
        }
        var title = (isAtom ? channel.Element(Atom + "title") : channel.Element("title"))?.Value.Trim();
        var entries = isAtom ? channel.Elements(Atom + "entry") : channel.Elements("item");
        var items = new List<FeedItem>();
        var warnings = new List<string>();
        var titles = new StringBuilder();
        var number = 0;
        foreach (var entry in entries)
        {
            number++;
            var itemTitle = (isAtom ? entry.Element(Atom + "title") : entry.Element("title"))?.Value.Trim();
            var link = isAtom
                ? (entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value)
                : entry.Element("link")?.Value.Trim();
            var body = isAtom
                ? (entry.Element(Atom + "content") ?? entry.Element(Atom + "summary"))?.Value
                : (entry.Element(Content + "encoded") ?? entry.Element("description"))?.Value;
            var dateText = isAtom
                ? (entry.Element(Atom + "published") ?? entry.Element(Atom + "updated"))?.Value
                : entry.Element("pubDate")?.Value;
            if (string.IsNullOrWhiteSpace(body) && string.IsNullOrWhiteSpace(itemTitle))
            {
                warnings.Add($"item {number} skipped: it has neither a title nor any text");
                continue;
            }
            DateTimeOffset? published = null;
            if (!string.IsNullOrWhiteSpace(dateText))
            {
                if (TryParseFeedDate(dateText, out var at))
                {
                    published = at;
                }
                else
                {
                    warnings.Add($"item {number}: unreadable date \"{Shorten(dateText)}\" ignored");
                }
            }
            var html = ItemPage(itemTitle, published, body ?? "");
            var origin = string.IsNullOrWhiteSpace(link) ? $"{input.Origin}#item-{number}" : link.Trim();
            items.Add(new FeedItem(new SourceInput(Encoding.UTF8.GetBytes(html), origin, input.CapturedAt, "text/html"), itemTitle, published));
            titles.Append(itemTitle ?? origin).Append('\n');
        }
        if (items.Count == 0)
        {
            return new Refused(ReadProblem.NoText, warnings.Count > 0 ? "the feed has no usable items: " + string.Join("; ", warnings) : "the feed has no items");
        }
        return new Read(isAtom ? "application/atom+xml" : "application/rss+xml", titles.ToString().TrimEnd())
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Items = items,
            Warnings = warnings,
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    // An item is stored as a small HTML page built from what the feed carries for it; the feed
    // itself is kept byte for byte as its own source.
    private static string ItemPage(string? title, DateTimeOffset? published, string body)
    {
        var head = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">");
        if (title is not null)
        {
            head.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        }
        if (published is { } at)
        {
            head.Append("<meta property=\"article:published_time\" content=\"").Append(at.ToString("O", CultureInfo.InvariantCulture)).Append("\">");
        }
        head.Append("</head><body><article>");
        if (title is not null)
        {
            head.Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        }
        var looksLikeHtml = body.Contains('<', StringComparison.Ordinal) && body.Contains('>', StringComparison.Ordinal);
        head.Append(looksLikeHtml ? body : "<p>" + WebUtility.HtmlEncode(body).Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>");
        return head.Append("</article></body></html>").ToString();
    }

    private static bool TryParseFeedDate(string text, out DateTimeOffset at)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            return true;
        }
        // RFC 822 zones like "GMT"/"EST" that the invariant parser does not know.
        string[] formats = ["ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "dd MMM yyyy HH:mm:ss 'GMT'"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }
}
