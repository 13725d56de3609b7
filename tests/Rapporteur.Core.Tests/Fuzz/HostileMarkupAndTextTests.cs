using System.Diagnostics;
using System.Text;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>Markup nested past reason, ten-megabyte lines and broken encodings are read or refused, within bounds.</summary>
[Collection(HostileInputs.Collection)]
public sealed class HostileMarkupAndTextTests
{
    private static readonly DateTimeOffset Captured = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private const string Paragraph = "<p>The Oblast court adjourned the appeal of the fictional reporter Anvar Tolibov until the autumn, his lawyer said.</p>";

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static SourceInput Input(string text, string hint, string origin = "https://bulletin.example.org/page") => new(Encoding.UTF8.GetBytes(text), origin, Captured, hint);

    /// <summary>Runs the read and the segmenter on a thread with a 1 MB stack, so recursion deep enough to overflow it would fail here.</summary>
    private static (ReadResult Result, TimeSpan Took) ReadOnSmallStack(ISourceReader reader, SourceInput input)
    {
        ReadResult? result = null;
        Exception? failure = null;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = reader.Read(input);
                    if (result is Read read)
                    {
                        DocumentSegmenter.Segment(read);
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the read did not finish within a minute");
        Assert.Null(failure);
        return (result!, clock.Elapsed);
    }

    [Theory]
    [InlineData("<div>", "")]
    [InlineData("<div>", "</div>")]
    [InlineData("<table><tr><td>", "")]
    [InlineData("<ul><li>", "</li></ul>")]
    [InlineData("<b><i>", "")]
    [InlineData("<div/>", "")]
    [InlineData("<blockquote>", "</blockquote>")]
    public void Html_nested_a_hundred_thousand_levels_deep_is_read_with_its_text(string open, string close)
    {
        var html = $"<!doctype html><html><body>{Repeat(open, 100_000)}{Paragraph}{Repeat(close, 100_000)}</body></html>";

        var (result, took) = ReadOnSmallStack(new HtmlReader(), Input(html, "text/html"));

        var read = Assert.IsType<Read>(result);
        Assert.Contains("adjourned the appeal of the fictional reporter", read.Text, StringComparison.Ordinal);
        Assert.Contains(read.Warnings, w => w.Contains("nested deeper than 512", StringComparison.Ordinal));
        Assert.True(took < TimeSpan.FromSeconds(10), $"reading took {took}");
    }

    [Fact]
    public void Text_below_the_old_walking_depth_is_kept()
    {
        // The block walker used to stop at 256 levels and dropped the text below.
        var html = $"<!doctype html><html><body>{Repeat("<div>", 400)}{Paragraph}</body></html>";

        var read = Assert.IsType<Read>(new HtmlReader().Read(Input(html, "text/html")));

        Assert.Contains("fictional reporter Anvar Tolibov", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Warnings, w => w.Contains("nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Depth_cap_closes_an_element_whose_inside_was_flattened()
    {
        var html = $"<html><body><svg>{Repeat("<g>", 100_000)}</svg>{Paragraph}</body></html>";

        var capped = HtmlNesting.Cap(html, 512, out var dropped);

        Assert.Equal(100_000 - 509, dropped);
        Assert.EndsWith($"</svg>{Paragraph}</body></html>", capped, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>")]
    [InlineData("<li>")]
    [InlineData("<br>")]
    [InlineData("<img src=x>")]
    [InlineData("<option>")]
    [InlineData("<!-- <div> -->")]
    public void Siblings_void_elements_and_comments_do_not_count_as_depth(string tag)
    {
        var html = $"<html><body><ul>{Repeat(tag + "text ", 10_000)}</ul></body></html>";

        Assert.Same(html, HtmlNesting.Cap(html, 512, out var dropped));
        Assert.Equal(0, dropped);
    }

    [Fact]
    public void Tags_inside_scripts_and_quoted_attributes_do_not_count_as_depth()
    {
        var html = $"<html><body><script>{Repeat("<div>", 10_000)}</script><a title=\"{Repeat("<div>", 10_000)}\">link</a></body></html>";

        Assert.Same(html, HtmlNesting.Cap(html, 512, out _));
    }

    [Fact]
    public void Ten_megabyte_text_node_is_read_and_segmented_within_bounds()
    {
        var html = $"<!doctype html><html><body><p>{Repeat("testimony ", 1_000_000)}</p></body></html>";

        var (result, took) = ReadOnSmallStack(new HtmlReader(), Input(html, "text/html"));

        Assert.True(Assert.IsType<Read>(result).Text.Length > 9_000_000);
        Assert.True(took < TimeSpan.FromSeconds(20), $"reading took {took}");
    }

    [Theory]
    [InlineData("word ")]
    [InlineData("x")]
    [InlineData("Share ")]
    [InlineData("x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x !")]
    public void Ten_megabyte_single_line_of_text_is_read_and_segmented_within_bounds(string unit)
    {
        var text = Repeat(unit, 10_000_000 / unit.Length);

        var (result, took) = ReadOnSmallStack(new PlainTextReader(), Input(text, "text/plain", "statement.txt"));

        Assert.Equal(text, Assert.IsType<Read>(result).Text);
        Assert.True(took < TimeSpan.FromSeconds(20), $"reading took {took}");
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_naming_the_limit()
    {
        var refused = Assert.IsType<Refused>(new PlainTextReader(ReadLimits.Default with { MaxTextCharacters = 1000 }).Read(Input(Repeat("a", 1001), "text/plain")));

        Assert.Equal(ReadProblem.TooLarge, refused.Problem);
        Assert.Contains("1,001 characters; the limit is 1,000", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_longer_than_the_limit_is_refused_before_parsing()
    {
        var refused = Assert.IsType<Refused>(new HtmlReader(ReadLimits.Default with { MaxTextCharacters = 1000 }).Read(Input($"<html><body>{Repeat(Paragraph, 20)}</body></html>", "text/html")));

        Assert.Equal(ReadProblem.TooLarge, refused.Problem);
    }

    [Fact]
    public void Feed_larger_than_the_limit_is_refused_before_parsing()
    {
        var refused = Assert.IsType<Refused>(new FeedReader(ReadLimits.Default with { MaxTextCharacters = 1000 }).Read(Input($"<rss><channel>{Repeat("<item><title>Court hearing</title></item>", 100)}</channel></rss>", "application/rss+xml")));

        Assert.Equal(ReadProblem.TooLarge, refused.Problem);
    }

    [Fact]
    public void Feed_with_an_external_entity_is_refused_without_reaching_for_it()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
            <rss version="2.0"><channel><title>Notes</title>
              <item><title>&secret;</title><link>https://notes.example.org/1</link><description>&secret;</description></item>
            </channel></rss>
            """;

        var refused = Assert.IsType<Refused>(new FeedReader().Read(Input(xxe, "application/rss+xml")));

        Assert.Equal(ReadProblem.Corrupt, refused.Problem);
    }

    // Found by this test: reading the item's text overflowed the stack and killed the process.
    [Fact]
    public void Feed_item_nested_a_hundred_thousand_elements_deep_is_refused_on_a_small_stack()
    {
        var xml = $"<rss version=\"2.0\"><channel><title>Deep</title><item><title>Hearing adjourned</title><description>{Repeat("<x>", 100_000)}text{Repeat("</x>", 100_000)}</description></item></channel></rss>";

        var (result, took) = ReadOnSmallStack(new FeedReader(), Input(xml, "application/rss+xml"));

        var refused = Assert.IsType<Refused>(result);
        Assert.Equal(ReadProblem.TooLarge, refused.Problem);
        Assert.Contains("deeper than 512 levels", refused.Detail, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(10), $"reading took {took}");
    }

    [Fact]
    public void Feed_item_with_markup_nested_a_few_levels_is_still_read()
    {
        var xml = $"<rss version=\"2.0\"><channel><title>Shallow</title><item><title>Hearing adjourned</title><description>{Repeat("<x>", 100)}The hearing was adjourned.{Repeat("</x>", 100)}</description></item></channel></rss>";

        var read = Assert.IsType<Read>(new FeedReader().Read(Input(xml, "application/rss+xml")));

        Assert.Single(read.Items);
    }

    [Fact]
    public void Utf8_encoded_surrogates_are_refused_as_invalid_encoding()
    {
        byte[] bytes = [.. "The court heard "u8, 0xED, 0xA0, 0x80, .. " the appeal."u8];

        var refused = Assert.IsType<Refused>(new PlainTextReader().Read(new SourceInput(bytes, "note.txt", Captured, "text/plain")));

        Assert.Equal(ReadProblem.InvalidEncoding, refused.Problem);
    }

    [Fact]
    public void Utf16_with_a_lone_surrogate_and_a_truncated_last_character_is_read_with_replacements()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Hearing adjourned "), 0x00, 0xD8, .. Encoding.Unicode.GetBytes(" again"), 0x41];

        var read = Assert.IsType<Read>(new PlainTextReader().Read(new SourceInput(bytes, "note.txt", Captured, "text/plain")));

        Assert.StartsWith("Hearing adjourned \uFFFD again", read.Text, StringComparison.Ordinal);
        Assert.All(DocumentSegmenter.Segment(read), d => Assert.Equal(d.Text.Length, d.Map.DocumentLength));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    public void Nul_laden_text_is_refused_as_binary(string hint)
    {
        var bytes = Encoding.UTF8.GetBytes(Repeat("The appeal\0 was heard.\0\0 ", 100));

        var refused = Assert.IsType<Refused>(SourceReaders.Default.Read(new SourceInput(bytes, "note", Captured, hint)));

        Assert.Equal(ReadProblem.Binary, refused.Problem);
    }

    public static TheoryData<string?, string, int> TinyFiles()
    {
        var data = new TheoryData<string?, string, int>();
        foreach (var (hint, origin) in new (string?, string)[] { ("text/plain", "a.txt"), ("text/html", "a.html"), ("application/pdf", "a.pdf"), ("application/rss+xml", "a.rss"), ("application/atom+xml", "a.atom"), (null, "a") })
        {
            foreach (var size in new[] { 0, 1 })
            {
                data.Add(hint, origin, size);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TinyFiles))]
    public void Zero_and_one_byte_files_of_every_media_type_end_as_a_read_or_a_named_refusal(string? hint, string origin, int size)
    {
        foreach (var b in size == 0 ? new byte[][] { [] } : [[(byte)'a'], [0], [0xFF], [(byte)'<'], [(byte)'%'], [(byte)'\n']])
        {
            var input = new SourceInput(b, origin, Captured, hint);
            foreach (var reader in new ISourceReader[] { new PlainTextReader(), new HtmlReader(), new PdfReader(), new FeedReader() })
            {
                AssertEndsWell(reader.Read(input));
            }
            AssertEndsWell(SourceReaders.Default.Read(input));
        }

        static void AssertEndsWell(ReadResult result)
        {
            if (result is Refused refused)
            {
                Assert.False(string.IsNullOrWhiteSpace(refused.Detail));
            }
            else
            {
                DocumentSegmenter.Segment(Assert.IsType<Read>(result));
            }
        }
    }
}
