using System.Text;
using Rapporteur.Core.Sources;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Rapporteur.Core.Tests.Sources;

public sealed class PdfReaderTests
{
    private static readonly DateTimeOffset Captured = new(2025, 7, 16, 10, 0, 0, TimeSpan.Zero);

    private static ReadResult ReadBytes(byte[] bytes, string origin = "briefing.pdf") =>
        new PdfReader().Read(new SourceInput(bytes, origin, Captured, "application/pdf"));

    private static byte[] TwoPagePdf()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PageSize.A4);
        first.AddText("Shahlo Rajabova was detained in Khujand", 12, new PdfPoint(50, 750), font);
        first.AddText("Her lawyer was refused access for ten days", 12, new PdfPoint(50, 730), font);
        var second = builder.AddPage(PageSize.A4);
        second.AddText("Recommendations to the authorities", 12, new PdfPoint(50, 750), font);
        return builder.Build();
    }

    [Fact]
    public void Text_written_into_a_pdf_comes_back()
    {
        var read = Assert.IsType<Read>(ReadBytes(TwoPagePdf()));

        Assert.Equal("application/pdf", read.MediaType);
        Assert.Contains("Shahlo Rajabova was detained in Khujand", read.Text, StringComparison.Ordinal);
        Assert.Contains("Her lawyer was refused access for ten days", read.Text, StringComparison.Ordinal);
        Assert.Contains("Recommendations to the authorities", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_come_back_in_order()
    {
        var read = Assert.IsType<Read>(ReadBytes(TwoPagePdf()));

        Assert.True(
            read.Text.IndexOf("Khujand", StringComparison.Ordinal) < read.Text.IndexOf("Recommendations", StringComparison.Ordinal),
            "the first page's text comes before the second's");
    }

    [Fact]
    public void Bytes_with_a_pdf_header_and_nothing_else_are_refused_as_corrupt()
    {
        var refused = Assert.IsType<Refused>(ReadBytes(Encoding.ASCII.GetBytes("%PDF-1.4 garbage")));

        Assert.Equal(ReadProblem.Corrupt, refused.Problem);
    }

    [Fact]
    public void Bytes_without_a_pdf_header_are_refused_as_corrupt()
    {
        var refused = Assert.IsType<Refused>(ReadBytes(Encoding.ASCII.GetBytes("This is not a PDF at all, only a note named like one.")));

        Assert.Equal(ReadProblem.Corrupt, refused.Problem);
    }

    [Fact]
    public void Pdf_whose_pages_hold_no_text_is_refused_as_having_no_text()
    {
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);

        var refused = Assert.IsType<Refused>(ReadBytes(builder.Build()));

        Assert.Equal(ReadProblem.NoText, refused.Problem);
    }

    [Fact]
    public void Sample_briefing_pdf_is_read()
    {
        var path = Path.Combine(RepositoryRoot.Path, "sample", "articles", "briefing-2025-tajikistan.pdf");

        var read = Assert.IsType<Read>(ReadBytes(File.ReadAllBytes(path), path));

        Assert.Contains("Pamir Legal Aid Bureau", read.Text, StringComparison.Ordinal);
        Assert.Contains("Farrukh Nurmatzoda", read.Text, StringComparison.Ordinal);
        Assert.Contains("Recommendations", read.Text, StringComparison.Ordinal);
    }
}
