using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>Real inputs to mutate: the bundled sample articles, and a few small ones built for each reader.</summary>
public static class FuzzSeeds
{
    public sealed record Seed(string Name, byte[] Bytes);

    public static IReadOnlyList<Seed> For(string target, string sampleFolder)
    {
        var samples = Directory.GetFiles(sampleFolder).Order(StringComparer.Ordinal).Select(f => new Seed(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        IEnumerable<Seed> Samples(string extension) => samples.Where(s => s.Name.EndsWith(extension, StringComparison.Ordinal));
        return target switch
        {
            "text" => [.. Samples(".txt"), .. Text()],
            "html" => [.. Samples(".html"), .. Html()],
            "pdf" => [.. Samples(".pdf"), .. Pdf()],
            "feed" => [.. Feeds()],
            _ => [.. samples, .. Text(), .. Html(), .. Pdf(), .. Feeds()],
        };
    }

    private const string Story = "The fictional monitors of the Oblast Bulletin said the hearing of the blogger Anvar Tolibov was adjourned again on Tuesday.";

    private static IEnumerable<Seed> Text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        yield return new("small.txt", Encoding.UTF8.GetBytes(Story + "\n\nShare on Facebook\nPage 1 of 3\n"));
        yield return new("utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Story)]);
        yield return new("cp1251.txt", Encoding.GetEncoding(1251).GetBytes("Суд в Оше снова отложил слушание по делу вымышленного блогера."));
    }

    private static IEnumerable<Seed> Html()
    {
        yield return new("small.html", Encoding.UTF8.GetBytes($"<!doctype html><html lang=\"en\"><head><title>Hearing adjourned</title><meta property=\"article:published_time\" content=\"2025-03-14T09:00:00Z\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Hearing adjourned</h1><p>{Story}</p><p>{Story}</p></article><footer>Contact us</footer></body></html>"));
        yield return new("listing.html", Encoding.UTF8.GetBytes($"<html><body>{string.Concat(Enumerable.Range(1, 3).Select(i => $"<article><h2>Court hears appeal number {i} of the bulletin</h2><p>{Story}</p></article>"))}</body></html>"));
    }

    private static IEnumerable<Seed> Pdf()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Hearing of the fictional blogger adjourned", 12, new PdfPoint(50, 750), font);
        builder.AddPage(PageSize.A4).AddText("Recommendations to the Oblast court", 12, new PdfPoint(50, 750), font);
        yield return new("built.pdf", builder.Build());
        yield return new("flate.pdf", PdfBytes.OnePageWith(PdfBytes.Stream(PdfBytes.Deflated(PdfBytes.Text("Hearing adjourned again"), 1000), "/Filter /FlateDecode")));
        yield return new("form.pdf", PdfBytes.Document(
            PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page("/XObject << /Stamp 6 0 R >>"), PdfBytes.Stream("q /Stamp Do Q q /Stamp Do Q\n"u8.ToArray()), PdfBytes.Font,
            PdfBytes.Stream(PdfBytes.Text("Stamped by the monitors"), "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>")));
    }

    private static IEnumerable<Seed> Feeds()
    {
        yield return new("feed.rss", Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Oblast Bulletin</title>
            <item><title>Hearing adjourned</title><link>https://bulletin.example.org/1</link><pubDate>Fri, 14 Mar 2025 09:30:00 GMT</pubDate><description>{Story}</description></item>
            <item><title>Appeal heard</title><link>https://bulletin.example.org/2</link><content:encoded><![CDATA[<p>{Story}</p><p>{Story}</p>]]></content:encoded></item>
            </channel></rss>
            """));
        yield return new("feed.atom", Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Monitors' notes</title>
            <entry><title>Hearing adjourned</title><link href="https://notes.example.org/1"/><published>2025-02-05T08:15:00+05:00</published><content type="html">&lt;p&gt;{Story}&lt;/p&gt;</content></entry>
            </feed>
            """));
    }
}
