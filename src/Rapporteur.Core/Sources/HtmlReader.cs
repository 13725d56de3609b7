using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rapporteur.Core.Sources;

/// <summary>
/// HTML pages: the main text by a readability port (SmartReader), title and publication date from
/// the page's metadata. A page with several &lt;article&gt; elements is a listing and keeps them all.
/// </summary>
public sealed class HtmlReader(ReadLimits limits) : ISourceReader
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public HtmlReader()
        : this(ReadLimits.Default)
    {
    }

    public int Claims(SourceInput input)
    {
        if (input.MediaTypeHint is { } hint && (hint.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || hint.StartsWith("application/xhtml", StringComparison.OrdinalIgnoreCase)))
        {
            return 2;
        }
        var head = Encoding.ASCII.GetString(input.Bytes, 0, Math.Min(input.Bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t', '?', 'ï', '»', '¿');
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }
        return input.Extension is ".html" or ".htm" or ".xhtml" ? 1 : 0;
    }

    public ReadResult Read(SourceInput input)
    {
        if (TextDecoding.Decode(input.Bytes, out var html, out _) is Refused refused)
        {
            return refused;
        }
        if (html.Length > limits.MaxTextCharacters)
        {
            return ReadLimits.TooLarge("page", html.Length, limits.MaxTextCharacters);
        }
        var warnings = new List<string>();
        html = HtmlNesting.Cap(html, limits.MaxMarkupDepth, out var dropped);
        if (dropped > 0)
        {
            warnings.Add(FormattableString.Invariant($"markup nested deeper than {limits.MaxMarkupDepth} elements: {dropped} tags past that depth were dropped, their text kept"));
        }
        if (html.IndexOf("</html>", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("</body>", StringComparison.OrdinalIgnoreCase) < 0)
        {
            warnings.Add("truncated HTML (no closing </body> or </html>): read what was there");
        }
        var page = Parser.ParseDocument(html);
        var title = Meta(page, "og:title") ?? page.Title?.Trim() ?? page.QuerySelector("h1")?.TextContent.Trim();
        var published = PublishedAt(page);
        var language = page.DocumentElement?.GetAttribute("lang");

        string text;
        var starts = new List<int>();
        var articles = page.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList();
        if (articles.Count >= 2)
        {
            var listing = new StringBuilder();
            foreach (var part in articles.Select(BlockText.Of).Where(t => t.Length > 0))
            {
                if (listing.Length > 0)
                {
                    listing.Append("\n\n");
                }
                starts.Add(listing.Length);
                listing.Append(part);
            }
            text = listing.ToString();
        }
        else
        {
            text = MainText(input, html, page);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Refused(ReadProblem.NoText, "the page has no readable text");
        }
        if (text.Length > limits.MaxTextCharacters)
        {
            return ReadLimits.TooLarge("text of the page", text.Length, limits.MaxTextCharacters);
        }
        return new Read("text/html", text)
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            PublishedAt = published,
            Language = string.IsNullOrWhiteSpace(language) ? null : language,
            Publisher = Meta(page, "og:site_name"),
            ArticleStarts = starts,
            Warnings = warnings,
        };
    }

    private static string MainText(SourceInput input, string html, IDocument page)
    {
        var uri = Uri.TryCreate(input.Origin, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u
            : new Uri("https://localhost/document");
        try
        {
            var article = SmartReader.Reader.ParseArticle(uri.ToString(), html);
            if (article.IsReadable && !string.IsNullOrWhiteSpace(article.Content))
            {
                var main = BlockText.Of(Parser.ParseDocument(article.Content).Body!);
                if (main.Length >= 200)
                {
                    return main;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page the readability port cannot score still has a body worth reading.
        }
        var body = page.Body;
        if (body is null)
        {
            return "";
        }
        foreach (var furniture in body.QuerySelectorAll("script,style,noscript,nav,header,footer,form,aside,template,svg").ToList())
        {
            furniture.Remove();
        }
        return BlockText.Of(body);
    }

    private static string? Meta(IDocument page, string name)
    {
        foreach (var meta in page.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                return string.IsNullOrWhiteSpace(content) ? null : content.Trim();
            }
        }
        return null;
    }

    private static DateTimeOffset? PublishedAt(IDocument page)
    {
        string?[] candidates =
        [
            Meta(page, "article:published_time"),
            Meta(page, "datePublished"),
            Meta(page, "date"),
            Meta(page, "pubdate"),
            Meta(page, "dc.date"),
            Meta(page, "dcterms.created"),
            page.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        ];
        foreach (var candidate in candidates)
        {
            if (candidate is not null && DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }
        }
        return null;
    }
}
