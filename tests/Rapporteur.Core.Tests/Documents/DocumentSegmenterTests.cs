using System.Text.RegularExpressions;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Documents;

[Collection(Fuzz.HostileInputs.Collection)]
public sealed partial class DocumentSegmenterTests
{
    // Title case, like the headlines of the listing pages in the shared corpus.
    private static readonly string[] Headlines =
    [
        "Blogger Nurbek Asanov Detained in Osh After Video About Water Prices",
        "Court in Jalal-Abad Fines Journalist Zarina Abdieva Over Facebook Post",
        "Lawyer Timur Kadyrov Barred From Seeing His Client in Bishkek",
        "Karakol Rights Group Ordered to Register as Foreign Representative",
    ];

    private static readonly string[] SentenceCaseHeadlines =
    [
        "Blogger Nurbek Asanov detained in Osh after a video about water prices",
        "Court in Jalal-Abad fines journalist Zarina Abdieva for a Facebook post",
        "Lawyer Timur Kadyrov barred from seeing his client in Bishkek",
        "Human rights group in Karakol ordered to register as a foreign representative",
    ];

    private static readonly string[] Leads =
    [
        "Police in Osh detained the blogger Nurbek Asanov on Tuesday evening, a day after he published a video in which market traders complained about the price of irrigation water. His brother said officers took his phone and laptop and did not say where he was being taken.",
        "A district court in Jalal-Abad fined the journalist Zarina Abdieva for a post in which she criticised the local administration's handling of a landslide. Abdieva said she was not told about the hearing and learned of the fine from a text message sent by the court.",
        "Timur Kadyrov, who represents the detained activist Bolot Sydykov, said guards at the pre-trial detention centre in Bishkek turned him away three times this week, each time saying that the investigator had not signed the necessary permission for the visit.",
        "The Karakol Centre for Civic Initiatives, which has run free legal clinics for villagers around Lake Issyk-Kul for eleven years, received a letter from the justice department telling it to register as a representative of foreign interests within thirty days or close.",
    ];

    private static readonly string[] Ticker = ["• KGS/USD = 0.01150 +0.1%", "• KZT/USD = 0.00193 -0.2%", "• TJS/USD = 0.09300 0%", "• UZS/USD = 0.00007 0%", "• TMT/USD = 0.28500 0.1%"];

    private static string ListingPage(string newline = "\n", string[]? headlines = null)
    {
        headlines ??= Headlines;
        var lines = new List<string>();
        for (var repeat = 0; repeat < 5; repeat++)
        {
            lines.AddRange(Ticker);
        }
        lines.Add("");
        lines.Add("Viewing results 1 - 4 of 312");
        lines.Add("");
        for (var i = 0; i < headlines.Length; i++)
        {
            lines.Add(headlines[i]);
            lines.Add("");
            lines.Add(Leads[i]);
            lines.Add("");
        }
        lines.Add("« Older posts");
        return string.Join(newline, lines);
    }

    private const string ReportWithSections = """
        Kyrgyzstan: shrinking space for independent media

        This report describes the pressure on independent journalists in Kyrgyzstan documented by the Bishkek Media Support Centre between January and June, based on interviews with reporters, editors and their lawyers in Bishkek, Osh and Naryn.

        Background to the Cases

        Since the adoption of the law on false information, prosecutors have opened at least nine cases against journalists and bloggers. In most of them the charge rests on a single post or video, and the court has relied on an expert opinion commissioned by the investigator alone.

        Reporters told us that summonses often arrive by telephone on the evening before questioning and do not say whether they are called as witnesses or suspects. Several said they were asked to name their sources during the first interview.

        The cases are concentrated in the south of the country, where regional outlets cover local administrations more closely than the national press does.

        Detention of Journalists

        The journalist Aibek Mamatov was held for two months in the detention centre of the security service in Bishkek before being moved to house arrest. His lawyer was not allowed to bring documents into the meetings with him, and each meeting was limited to thirty minutes.

        Zarina Abdieva, a reporter in Jalal-Abad, was fined twice in four months. After the second fine her editor asked her to stop publishing under her own name, and she now works for an outlet based outside the country.

        Recommendations to the Authorities

        We call on the authorities to end the prosecution of journalists for their reporting, to give lawyers unimpeded access to their clients from the first hour of detention, and to repeal the provisions of the law on false information that allow websites to be blocked without a court order.

        We also call on the prosecutor general to publish the number of cases opened under that law each year, with the outcome of each.
        """;

    private static Read PlainRead(string text) => new("text/plain", text);

    private static void AssertEveryCharacterMapsBack(Read read)
    {
        var documents = DocumentSegmenter.Segment(read);
        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            Assert.Equal(document.Text.Length, document.Map.DocumentLength);
            for (var i = 0; i < document.Text.Length; i++)
            {
                var at = document.Map.ToSource(i);
                Assert.True(read.Text[at] == document.Text[i], $"document {document.Ordinal} character {i} ('{document.Text[i]}') maps to source character {at} ('{read.Text[at]}')");
            }
        }
    }

    [GeneratedRegex(@"^[^\n]*[A-Z]{3}/USD =", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TickerLine();

    [Fact]
    public void Listing_page_yields_one_document_per_article()
    {
        var documents = DocumentSegmenter.Segment(PlainRead(ListingPage()));

        Assert.Equal(4, documents.Count);
    }

    [Fact]
    public void Each_listed_article_gets_its_own_headline_as_title_and_its_own_lead()
    {
        var documents = DocumentSegmenter.Segment(PlainRead(ListingPage()));

        Assert.Equal(Headlines, documents.Select(d => d.Title));
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Contains(Leads[i], documents[i].Text, StringComparison.Ordinal);
            Assert.Equal(i, documents[i].Ordinal);
            foreach (var other in Leads.Where((_, j) => j != i))
            {
                Assert.DoesNotContain(other, documents[i].Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void No_listed_article_contains_a_ticker_or_paging_line()
    {
        var documents = DocumentSegmenter.Segment(PlainRead(ListingPage()));

        Assert.All(documents, d =>
        {
            Assert.DoesNotMatch(TickerLine(), d.Text);
            Assert.DoesNotContain("Viewing results", d.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Older posts", d.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Listing_with_windows_line_breaks_splits_the_same_way()
    {
        var documents = DocumentSegmenter.Segment(PlainRead(ListingPage("\r\n")));

        Assert.Equal(Headlines, documents.Select(d => d.Title));
    }

    [Fact]
    public void Listing_with_sentence_case_headlines_splits_the_same_way()
    {
        var documents = DocumentSegmenter.Segment(PlainRead(ListingPage(headlines: SentenceCaseHeadlines)));

        Assert.Equal(SentenceCaseHeadlines, documents.Select(d => d.Title));
    }

    [Fact]
    public void Article_with_section_headings_each_over_several_paragraphs_stays_one_document()
    {
        var document = Assert.Single(DocumentSegmenter.Segment(PlainRead(ReportWithSections)));

        Assert.Equal("Kyrgyzstan: shrinking space for independent media", document.Title);
        Assert.Contains("Background to the Cases", document.Text, StringComparison.Ordinal);
        Assert.Contains("Recommendations to the Authorities", document.Text, StringComparison.Ordinal);
        Assert.EndsWith("with the outcome of each.", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_headlines_each_over_one_paragraph_make_a_listing_without_paging()
    {
        var text = string.Join("\n\n", Headlines.Take(3).Select((h, i) => h + "\n\n" + Leads[i]));

        var documents = DocumentSegmenter.Segment(PlainRead(text));

        Assert.Equal(Headlines.Take(3), documents.Select(d => d.Title));
    }

    [Fact]
    public void Every_document_character_maps_back_to_the_same_character_of_the_listing()
    {
        AssertEveryCharacterMapsBack(PlainRead(ListingPage()));
        AssertEveryCharacterMapsBack(PlainRead(ListingPage("\r\n")));
    }

    [Fact]
    public void Every_document_character_maps_back_to_the_same_character_of_a_single_article()
    {
        AssertEveryCharacterMapsBack(PlainRead(ReportWithSections));
        AssertEveryCharacterMapsBack(PlainRead(ReportWithSections.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_document_character_maps_back_when_furniture_is_dropped_from_the_middle()
    {
        var text = $"""
            {Headlines[2]}


            {Leads[2]}
            Share on Facebook
            Telegram | WhatsApp | Copy link

            Kadyrov said he would complain to the prosecutor's office.
            Leave a Reply
            Your email address will not be published. Required fields are marked *
              Comment *


            """;

        var document = Assert.Single(DocumentSegmenter.Segment(PlainRead(text)));

        Assert.DoesNotContain("Share on Facebook", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave a Reply", document.Text, StringComparison.Ordinal);
        Assert.Contains("complain to the prosecutor's office.", document.Text, StringComparison.Ordinal);
        AssertEveryCharacterMapsBack(PlainRead(text));
    }

    [Fact]
    public void Every_document_character_maps_back_for_html_listings()
    {
        var body = string.Concat(Headlines.Select((h, i) => $"<article><h2>{h}</h2><p>{Leads[i]}</p></article>"));
        var html = $"<!doctype html><html><head><title>Osh Bulletin</title></head><body><nav>Home</nav>{body}</body></html>";
        var read = Assert.IsType<Read>(new HtmlReader().Read(new SourceInput(System.Text.Encoding.UTF8.GetBytes(html), "listing.html", DateTimeOffset.UnixEpoch, "text/html")));

        Assert.Equal(Headlines, DocumentSegmenter.Segment(read).Select(d => d.Title));
        AssertEveryCharacterMapsBack(read);
    }

    // The line each article starts on was found by scanning every line per article: quadratic.
    [Fact]
    public void Listing_with_fifty_thousand_articles_is_segmented_in_linear_time()
    {
        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        for (var i = 0; i < 50_000; i++)
        {
            starts.Add(text.Length);
            text.Append(Headlines[i % Headlines.Length]).Append("\n\n").Append(Leads[i % Leads.Length]).Append("\n\n");
        }
        var read = new Read("text/html", text.ToString()) { ArticleStarts = starts };

        var clock = Rapporteur.Core.Tests.Fuzz.ThreadClock.Start(); // processor time: a busy machine does not count
        var documents = DocumentSegmenter.Segment(read);

        Assert.Equal(50_000, documents.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"segmenting took {clock.Elapsed}");
        Assert.Equal(Headlines[1], documents[1].Title);
    }

    [Fact]
    public void Headline_after_a_masthead_and_a_date_line_is_the_title()
    {
        var text = $"""
            Fergana Valley Monitor
            Tuesday, 18 March 2025 09:42
            Published: 18.03.2025 | By staff reporter

            {Headlines[0]}

            {Leads[0]}

            Asanov's brother said the family had hired a lawyer and would ask for his release on bail.
            """;

        var document = Assert.Single(DocumentSegmenter.Segment(PlainRead(text)));

        Assert.Equal(Headlines[0], document.Title);
    }

    [Fact]
    public void Title_the_reader_found_wins_over_the_first_line()
    {
        var read = PlainRead(ReportWithSections) with { Title = "Shrinking space: the Bishkek Media Support Centre report" };

        var document = Assert.Single(DocumentSegmenter.Segment(read));

        Assert.Equal("Shrinking space: the Bishkek Media Support Centre report", document.Title);
    }

    [Fact]
    public void Publication_date_of_the_source_becomes_the_document_day()
    {
        var read = PlainRead(ReportWithSections) with { PublishedAt = new DateTimeOffset(2025, 7, 1, 22, 30, 0, TimeSpan.FromHours(6)) };

        var document = Assert.Single(DocumentSegmenter.Segment(read));

        Assert.Equal("2025-07-01", document.Published?.ToString());
    }

    [Fact]
    public void Text_made_only_of_furniture_yields_no_document()
    {
        var text = string.Join("\n", Ticker) + "\nViewing results 1 - 4 of 312\nLeave a Reply\nShare on Facebook\n";

        Assert.Empty(DocumentSegmenter.Segment(PlainRead(text)));
    }
}
