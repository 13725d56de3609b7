using System.Text;
using Rapporteur.Core.Sources;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Rapporteur.Core.Tests.Sources;

public sealed class SourceReadersTests
{
    private static readonly DateTimeOffset Captured = new(2025, 5, 2, 12, 0, 0, TimeSpan.Zero);

    private const string Html = """
        <!DOCTYPE html>
        <html><head><title>Journalist Malika Nazarova questioned in Tashkent</title></head>
        <body><article><h1>Journalist Malika Nazarova questioned in Tashkent</h1>
        <p>Malika Nazarova, a reporter for a regional weekly, was questioned for three hours on Tuesday about an interview she recorded with farmers in Syrdarya province. She said investigators asked her to name the people who had helped her find the farmers.</p>
        <p>Her editor said the weekly would keep the interview online and that Nazarova had broken no law.</p>
        </body></html>
        """;

    private static SourceInput Input(byte[] bytes, string origin, string? hint) => new(bytes, origin, Captured, hint);

    private static byte[] SmallPdf()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Statement on the arrest of Rustam Valiev in Nukus", 12, new PdfPoint(50, 750), font);
        return builder.Build();
    }

    [Theory]
    [InlineData("statement.txt", "text/plain")]
    [InlineData("statement.txt", null)]
    [InlineData("download", null)]
    public void Pdf_is_chosen_by_its_magic_bytes_whatever_the_name(string origin, string? hint)
    {
        var read = Assert.IsType<Read>(SourceReaders.Default.Read(Input(SmallPdf(), origin, hint)));

        Assert.Equal("application/pdf", read.MediaType);
        Assert.Contains("Rustam Valiev", read.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page.txt", "text/plain")]
    [InlineData("page", null)]
    [InlineData("https://weekly.example.uz/nazarova", "application/octet-stream")]
    public void Html_is_chosen_by_its_doctype_whatever_the_name(string origin, string? hint)
    {
        var read = Assert.IsType<Read>(SourceReaders.Default.Read(Input(Encoding.UTF8.GetBytes(Html), origin, hint)));

        Assert.Equal("text/html", read.MediaType);
        Assert.Equal("Journalist Malika Nazarova questioned in Tashkent", read.Title);
        Assert.DoesNotContain("<p>", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_with_a_utf8_bom_is_still_chosen_by_its_doctype()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Html)];

        var read = Assert.IsType<Read>(SourceReaders.Default.Read(Input(bytes, "page.txt", "text/plain")));

        Assert.Equal("text/html", read.MediaType);
    }

    [Fact]
    public void Rss_is_chosen_by_its_root_element()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Nukus notes</title>
              <item><title>Rustam Valiev released</title><link>https://notes.example.uz/valiev</link><description>Rustam Valiev was released after ten days.</description></item>
            </channel></rss>
            """;

        var read = Assert.IsType<Read>(SourceReaders.Default.Read(Input(Encoding.UTF8.GetBytes(rss), "feed.xml", "text/xml")));

        Assert.Equal("application/rss+xml", read.MediaType);
        Assert.Single(read.Items);
    }

    [Fact]
    public void Unknown_text_falls_back_to_plain_text()
    {
        var read = Assert.IsType<Read>(SourceReaders.Default.Read(Input(Encoding.UTF8.GetBytes("Rustam Valiev was released in Nukus."), "note", null)));

        Assert.Equal("text/plain", read.MediaType);
        Assert.Equal("Rustam Valiev was released in Nukus.", read.Text);
    }

    [Fact]
    public void Empty_input_is_refused_before_any_reader_runs()
    {
        var refused = Assert.IsType<Refused>(SourceReaders.Default.Read(Input([], "page.html", "text/html")));

        Assert.Equal(ReadProblem.Empty, refused.Problem);
    }
}
