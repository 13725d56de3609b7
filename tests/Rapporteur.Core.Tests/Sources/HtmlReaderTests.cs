using System.Text;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Sources;

public sealed class HtmlReaderTests
{
    private static readonly DateTimeOffset Captured = new(2025, 3, 20, 8, 0, 0, TimeSpan.Zero);

    private const string ArticleBody = """
        <p>Bishkek, 14 March. Officers of the State Committee for National Security searched the flat of Aigul Temirbekova, an editor at an independent outlet, early on Friday morning and took away two laptops and her telephone.</p>
        <p>Temirbekova was then taken for questioning as a witness in a case about "calls for mass unrest". Her lawyer, Ulan Sydykov, said he was kept waiting outside the building for more than four hours before he was allowed in.</p>
        <p>Colleagues said the search followed a report the outlet published in February about the demolition of houses on the outskirts of the city, in which several residents described being threatened by officials.</p>
        """;

    private static Read ReadPage(string html, string origin = "https://news.example.kg/2025/03/search.html")
    {
        var result = new HtmlReader().Read(new SourceInput(Encoding.UTF8.GetBytes(html), origin, Captured, "text/html"));
        return Assert.IsType<Read>(result);
    }

    private static string Page(string head, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>";

    [Fact]
    public void Title_comes_from_the_title_element()
    {
        var read = ReadPage(Page("<title>Editor's flat searched in Bishkek</title>", $"<article>{ArticleBody}</article>"));

        Assert.Equal("Editor's flat searched in Bishkek", read.Title);
    }

    [Fact]
    public void Open_graph_title_is_preferred_to_the_title_element()
    {
        var read = ReadPage(Page(
            "<title>Editor's flat searched in Bishkek | Kyrgyz Monitor | News, politics, economy</title><meta property=\"og:title\" content=\"Editor's flat searched in Bishkek\">",
            $"<article>{ArticleBody}</article>"));

        Assert.Equal("Editor's flat searched in Bishkek", read.Title);
    }

    [Fact]
    public void Publication_date_comes_from_article_published_time()
    {
        var read = ReadPage(Page(
            "<title>Editor's flat searched</title><meta property=\"article:published_time\" content=\"2025-03-14T11:20:00+06:00\">",
            $"<article>{ArticleBody}</article>"));

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 11, 20, 0, TimeSpan.FromHours(6)), read.PublishedAt);
    }

    [Fact]
    public void Main_text_keeps_the_article_and_drops_navigation_footer_and_scripts()
    {
        var body = $"""
            <nav><ul><li><a href="/">Front page</a></li><li><a href="/politics">Politics section</a></li><li><a href="/sport">Sport section</a></li></ul></nav>
            <script>window.trackingCounter = "counter-8841";</script>
            <main><article><h1>Editor's flat searched in Bishkek</h1>{ArticleBody}</article></main>
            <footer><p>Kyrgyz Monitor editorial office, 12 Chuy Avenue. Reprints by permission only.</p></footer>
            """;

        var read = ReadPage(Page("<title>Editor's flat searched in Bishkek</title>", body));

        Assert.Contains("searched the flat of Aigul Temirbekova", read.Text, StringComparison.Ordinal);
        Assert.Contains("he was kept waiting outside the building", read.Text, StringComparison.Ordinal);
        Assert.Contains("the demolition of houses", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Politics section", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("counter-8841", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reprints by permission", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_of_the_main_text_are_separated_by_a_blank_line()
    {
        var read = ReadPage(Page("<title>Editor's flat searched</title>", $"<article>{ArticleBody}</article>"));

        Assert.Contains("her telephone.\n\nTemirbekova was then taken", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_with_three_articles_is_read_as_a_listing_with_three_starts()
    {
        string[] headlines =
        [
            "Blogger Nurbek Asanov detained in Osh",
            "Court in Jalal-Abad fines journalist Zarina Abdieva",
            "Lawyer Timur Kadyrov barred from seeing his client",
        ];
        var body = string.Concat(headlines.Select((h, i) =>
            $"<article><h2>{h}</h2><p>Item {i + 1}: relatives said the person named above was questioned for several hours without a lawyer and was not told what the case was about.</p></article>"));

        var read = ReadPage(Page("<title>Osh Bulletin: latest news</title>", $"<header>Osh Bulletin</header>{body}<footer>Page 1 of 40</footer>"));

        Assert.Equal(3, read.ArticleStarts.Count);
        for (var i = 0; i < headlines.Length; i++)
        {
            Assert.StartsWith(headlines[i], read.Text[read.ArticleStarts[i]..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Single_article_page_has_no_listing_starts()
    {
        var read = ReadPage(Page("<title>Editor's flat searched</title>", $"<article>{ArticleBody}</article>"));

        Assert.Empty(read.ArticleStarts);
    }

    [Fact]
    public void Truncated_html_is_read_with_a_warning()
    {
        var html = $"<!doctype html><html><head><title>Editor's flat searched in Bishkek</title></head><body><article>{ArticleBody}<p>Sydykov said he would appeal against the decis";

        var read = ReadPage(html);

        Assert.Contains("searched the flat of Aigul Temirbekova", read.Text, StringComparison.Ordinal);
        var warning = Assert.Single(read.Warnings);
        Assert.Contains("truncated", warning, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Complete_html_is_read_without_warnings()
    {
        var read = ReadPage(Page("<title>Editor's flat searched</title>", $"<article>{ArticleBody}</article>"));

        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Page_without_any_text_is_refused()
    {
        var result = new HtmlReader().Read(new SourceInput(Encoding.UTF8.GetBytes(Page("<title></title>", "<script>var a = 1;</script>")), "empty.html", Captured, "text/html"));

        Assert.Equal(ReadProblem.NoText, Assert.IsType<Refused>(result).Problem);
    }
}
