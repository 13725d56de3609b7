using System.Text;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Sources;

public sealed class FeedReaderTests
{
    private static readonly DateTimeOffset Captured = new(2025, 4, 1, 6, 0, 0, TimeSpan.Zero);

    private static ReadResult ReadFeed(string xml, string origin = "https://rights.example.uz/feed.rss") =>
        new FeedReader().Read(new SourceInput(Encoding.UTF8.GetBytes(xml), origin, Captured, "application/rss+xml"));

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Ferghana Rights Watch</title>
            <link>https://rights.example.uz/</link>
            <description>News about defenders in the Ferghana valley</description>
            <item>
              <title>Blogger Sardor Rakhimov detained in Andijan</title>
              <link>https://rights.example.uz/2025/03/rakhimov-detained</link>
              <pubDate>Fri, 14 Mar 2025 09:30:00 GMT</pubDate>
              <description>Sardor Rakhimov was detained at his home in Andijan after posting a video about power cuts.</description>
            </item>
            <item>
              <title>Lawyer Gulnora Ismoilova denied access to her client</title>
              <link>https://rights.example.uz/2025/03/ismoilova-access</link>
              <pubDate>Sat, 15 Mar 2025 12:00:00 +0500</pubDate>
              <description>Gulnora Ismoilova waited six hours at the detention centre in Namangan and was sent away.</description>
            </item>
            <item>
              <title>Court in Fergana fines activist Bekzod Usmonov</title>
              <link>https://rights.example.uz/2025/03/usmonov-fined</link>
              <pubDate>Mon, 17 Mar 2025 16:45:00 GMT</pubDate>
              <description>A court in Fergana fined Bekzod Usmonov for an unsanctioned picket in front of the city hall.</description>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Rss_feed_yields_one_item_per_item_element()
    {
        var read = Assert.IsType<Read>(ReadFeed(Rss));

        Assert.Equal(3, read.Items.Count);
        Assert.Equal("Ferghana Rights Watch", read.Title);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Rss_items_keep_their_titles_links_and_dates()
    {
        var read = Assert.IsType<Read>(ReadFeed(Rss));

        Assert.Equal(
            ["Blogger Sardor Rakhimov detained in Andijan", "Lawyer Gulnora Ismoilova denied access to her client", "Court in Fergana fines activist Bekzod Usmonov"],
            read.Items.Select(i => i.Title));
        Assert.Equal(
            ["https://rights.example.uz/2025/03/rakhimov-detained", "https://rights.example.uz/2025/03/ismoilova-access", "https://rights.example.uz/2025/03/usmonov-fined"],
            read.Items.Select(i => i.Input.Origin));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero), read.Items[0].PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 15, 7, 0, 0, TimeSpan.Zero), read.Items[1].PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 16, 45, 0, TimeSpan.Zero), read.Items[2].PublishedAt);
    }

    [Fact]
    public void Each_item_becomes_an_html_page_the_html_reader_can_read()
    {
        var read = Assert.IsType<Read>(ReadFeed(Rss));

        var item = read.Items[1].Input;
        var page = Assert.IsType<Read>(new HtmlReader().Read(item));

        Assert.Equal("text/html", item.MediaTypeHint);
        Assert.Equal(Captured, item.CapturedAt);
        Assert.Equal("Lawyer Gulnora Ismoilova denied access to her client", page.Title);
        Assert.Contains("waited six hours at the detention centre in Namangan", page.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 3, 15, 7, 0, 0, TimeSpan.Zero), page.PublishedAt);
    }

    [Fact]
    public void Atom_feed_yields_its_entries()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Almaty Defenders Bulletin</title>
              <id>urn:uuid:4b1c2f0e-7f2b-4a53-9a8b-2f1d6e3c9a10</id>
              <updated>2025-02-06T10:00:00Z</updated>
              <entry>
                <title>Activist Yerlan Zhakupov questioned in Almaty</title>
                <link rel="alternate" href="https://bulletin.example.kz/zhakupov-questioned"/>
                <id>urn:uuid:1</id>
                <published>2025-02-05T08:15:00+05:00</published>
                <updated>2025-02-05T09:00:00+05:00</updated>
                <content type="html">&lt;p&gt;Yerlan Zhakupov was questioned for five hours about a post on social media.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Journalist Aliya Sarsenova leaves the country</title>
                <link rel="edit" href="https://bulletin.example.kz/admin/edit/2"/>
                <link href="https://bulletin.example.kz/sarsenova-leaves"/>
                <id>urn:uuid:2</id>
                <updated>2025-02-06T07:00:00Z</updated>
                <summary>Aliya Sarsenova said she left after receiving threats by telephone.</summary>
              </entry>
            </feed>
            """;

        var read = Assert.IsType<Read>(ReadFeed(atom, "https://bulletin.example.kz/atom.xml"));

        Assert.Equal("Almaty Defenders Bulletin", read.Title);
        Assert.Equal(2, read.Items.Count);
        Assert.Equal("Activist Yerlan Zhakupov questioned in Almaty", read.Items[0].Title);
        Assert.Equal("https://bulletin.example.kz/zhakupov-questioned", read.Items[0].Input.Origin);
        Assert.Equal(new DateTimeOffset(2025, 2, 5, 8, 15, 0, TimeSpan.FromHours(5)), read.Items[0].PublishedAt);
        Assert.Equal("https://bulletin.example.kz/sarsenova-leaves", read.Items[1].Input.Origin);
        Assert.Equal(new DateTimeOffset(2025, 2, 6, 7, 0, 0, TimeSpan.Zero), read.Items[1].PublishedAt);
    }

    [Fact]
    public void Broken_item_is_skipped_with_a_warning_naming_it_and_the_others_are_kept()
    {
        var xml = Rss
            .Replace("<title>Lawyer Gulnora Ismoilova denied access to her client</title>", "", StringComparison.Ordinal)
            .Replace("<description>Gulnora Ismoilova waited six hours at the detention centre in Namangan and was sent away.</description>", "", StringComparison.Ordinal);
        Assert.DoesNotContain("Ismoilova", xml, StringComparison.Ordinal);

        var read = Assert.IsType<Read>(ReadFeed(xml));

        Assert.Equal(
            ["https://rights.example.uz/2025/03/rakhimov-detained", "https://rights.example.uz/2025/03/usmonov-fined"],
            read.Items.Select(i => i.Input.Origin));
        var warning = Assert.Single(read.Warnings);
        Assert.Contains("item 2", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_with_an_entity_declaration_is_refused_not_expanded()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title>
              <item><title>Item &lol9;</title><link>https://example.org/1</link><description>&lol9;</description></item>
            </channel></rss>
            """;

        var refused = Assert.IsType<Refused>(ReadFeed(laughs));

        Assert.Equal(ReadProblem.Corrupt, refused.Problem);
    }

    [Fact]
    public void Feed_with_a_harmless_internal_entity_is_refused_too()
    {
        // Refusing every DTD, not only the ones that blow up, is what keeps expansion and external entities out.
        const string declared = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY who "Yerlan Zhakupov"> ]>
            <rss version="2.0"><channel><title>Almaty notes</title>
              <item><title>&who; questioned</title><link>https://notes.example.kz/1</link><description>&who; was questioned for five hours.</description></item>
            </channel></rss>
            """;

        var refused = Assert.IsType<Refused>(ReadFeed(declared));

        Assert.Equal(ReadProblem.Corrupt, refused.Problem);
    }

    [Fact]
    public void Malformed_xml_is_refused_as_corrupt()
    {
        var cut = Rss[..Rss.IndexOf("</item>", StringComparison.Ordinal)] + "<item><title>Unclosed";

        var refused = Assert.IsType<Refused>(ReadFeed(cut));

        Assert.Equal(ReadProblem.Corrupt, refused.Problem);
    }

    [Fact]
    public void Feed_whose_items_are_all_broken_is_refused()
    {
        const string empty = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Quiet feed</title>
              <item><link>https://example.org/only-a-link</link></item>
            </channel></rss>
            """;

        var refused = Assert.IsType<Refused>(ReadFeed(empty));

        Assert.Equal(ReadProblem.NoText, refused.Problem);
        Assert.Contains("item 1", refused.Detail, StringComparison.Ordinal);
    }
}
