using System.Text;
using Rapporteur.Core.Sources;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>PDFs built to exhaust memory or time end as a refusal that names the limit they met.</summary>
[Collection(HostileInputs.Collection)]
public sealed class HostilePdfTests
{
    private static readonly DateTimeOffset Captured = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Line = PdfBytes.Text("Bulletin of the fictional Oblast monitors");

    private static ReadResult Read(byte[] pdf, ReadLimits? limits = null, TimeProvider? time = null) =>
        new PdfReader(limits ?? ReadLimits.Default, time ?? TimeProvider.System).Read(new SourceInput(pdf, "hostile.pdf", Captured, "application/pdf"));

    private static Refused AssertTooLarge(ReadResult result, string named)
    {
        var refused = Assert.IsType<Refused>(result);
        Assert.Equal(ReadProblem.TooLarge, refused.Problem);
        Assert.Contains(named, refused.Detail, StringComparison.Ordinal);
        return refused;
    }

    [Fact]
    public void Hand_written_pdf_is_read()
    {
        var read = Assert.IsType<Read>(Read(PdfBytes.OnePageWith(PdfBytes.Stream(Line))));

        Assert.Contains("fictional Oblast monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Flate_stream_inflating_to_a_gigabyte_is_refused_before_it_is_inflated()
    {
        var bomb = PdfBytes.Deflated(Line, 1L << 30);
        var pdf = PdfBytes.OnePageWith(PdfBytes.Stream(bomb, "/Filter /FlateDecode"));
        Assert.True(pdf.Length < 2_000_000, $"the bomb is {pdf.Length} bytes");

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var refused = AssertTooLarge(Read(pdf), "268,435,456 bytes");
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Contains("compressed streams", refused.Detail, StringComparison.Ordinal);
        Assert.True(allocated < 64L * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Flate_stream_past_a_configured_budget_is_refused_naming_that_budget()
    {
        var pdf = PdfBytes.OnePageWith(PdfBytes.Stream(PdfBytes.Deflated(Line, 4 << 20), "/Filter /FlateDecode"));

        AssertTooLarge(Read(pdf, ReadLimits.Default with { MaxPdfDecodedBytes = 1 << 20 }), "1,048,576 bytes");
    }

    [Fact]
    public void Flate_inside_flate_is_bounded_at_every_layer()
    {
        var inner = PdfBytes.Deflated(Line, 64 << 20);
        var outer = PdfBytes.Deflated(inner, 0);
        var pdf = PdfBytes.OnePageWith(PdfBytes.Stream(outer, "/Filter [/FlateDecode /FlateDecode]"));

        AssertTooLarge(Read(pdf, ReadLimits.Default with { MaxPdfDecodedBytes = 16 << 20 }), "16,777,216 bytes");
    }

    [Fact]
    public void Run_length_stream_inflating_to_a_gigabyte_is_refused()
    {
        // 129 then a byte: that byte 128 times. Eight million such pairs make a gigabyte.
        var runs = new byte[(8 << 20) * 2 + 1];
        for (var i = 0; i + 1 < runs.Length; i += 2)
        {
            runs[i] = 129;
            runs[i + 1] = (byte)' ';
        }
        runs[^1] = 128;
        byte[] data = [(byte)(Line.Length - 1), .. Line, .. runs];

        AssertTooLarge(Read(PdfBytes.OnePageWith(PdfBytes.Stream(data, "/Filter /RunLengthDecode"))), "compressed streams");
    }

    [Fact]
    public void Forms_drawing_forms_ten_times_over_nine_levels_are_refused_before_layout()
    {
        // A few kilobytes that would make PdfPig lay out a hundred million lines of text.
        const int levels = 9;
        var objects = new List<object> { PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page("/XObject << /X0 6 0 R >>"), PdfBytes.Stream("/X0 Do\n"u8.ToArray()), PdfBytes.Font };
        for (var level = 0; level < levels; level++)
        {
            var last = level == levels - 1;
            var body = last ? Line : Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"q /X{level + 1} Do Q\n", 10)));
            var resources = last ? "/Resources << /Font << /F1 5 0 R >> >>" : $"/Resources << /XObject << /X{level + 1} {7 + level} 0 R >> /Font << /F1 5 0 R >> >>";
            objects.Add(PdfBytes.Stream(body, "/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources));
        }

        var clock = Rapporteur.Core.Tests.Fuzz.ThreadClock.Start(); // processor time: a busy machine does not count
        AssertTooLarge(Read(PdfBytes.Document([.. objects])), "page 1 of the PDF");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the refusal took {clock.Elapsed}");
    }

    [Fact]
    public void Form_drawn_a_few_times_is_laid_out()
    {
        var objects = new object[]
        {
            PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page("/XObject << /Stamp 6 0 R >>"), PdfBytes.Stream("q /Stamp Do Q q /Stamp Do Q\n"u8.ToArray()), PdfBytes.Font,
            PdfBytes.Stream(Line, "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"),
        };

        var read = Assert.IsType<Read>(Read(PdfBytes.Document(objects)));

        Assert.Contains("fictional Oblast monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_tree_naming_one_node_ten_times_over_eight_levels_ends_within_bounds()
    {
        var objects = new List<object>
        {
            PdfBytes.Catalog,
            $"<< /Type /Pages /Kids [{string.Concat(Enumerable.Repeat("6 0 R ", 10))}] /Count 100000000 >>",
            PdfBytes.Page(), PdfBytes.Stream(Line), PdfBytes.Font,
        };
        for (var level = 0; level < 8; level++)
        {
            var kid = level < 7 ? 7 + level : 3;
            objects.Add($"<< /Type /Pages /Parent 2 0 R /Kids [{string.Concat(Enumerable.Repeat($"{kid} 0 R ", 10))}] /Count {(long)Math.Pow(10, 8 - level)} >>");
        }

        var clock = Rapporteur.Core.Tests.Fuzz.ThreadClock.Start(); // processor time: a busy machine does not count
        var result = Read(PdfBytes.Document([.. objects]));

        Assert.True(result is Rapporteur.Core.Sources.Read or Refused);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"reading took {clock.Elapsed}");
    }

    [Fact]
    public void Pdf_of_more_object_headers_than_the_limit_is_refused_before_they_are_all_held()
    {
        // Eight bytes an object, and each object found costs memory many times that.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + string.Concat(Enumerable.Repeat("1 0 obj ", 1_000_001)));

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        AssertTooLarge(Read(pdf), "objects than the limit of 1,000,000");
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(allocated < 8L * pdf.Length, $"reading {pdf.Length:N0} bytes allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Damaged_pdf_referring_to_more_missing_objects_than_the_limit_is_refused()
    {
        var references = string.Concat(Enumerable.Range(100, 2_000).Select(n => FormattableString.Invariant($"{n} 0 R ")));
        var pdf = PdfBytes.Shifted(PdfBytes.Document(PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page(), PdfBytes.Stream(Line), PdfBytes.Font, $"[{references}]"));

        AssertTooLarge(Read(pdf, ReadLimits.Default with { MaxPdfObjects = 1_000 }), "objects than the limit of 1,000");
    }

    [Fact]
    public void Pdf_whose_cross_reference_lists_more_objects_than_the_limit_is_refused()
    {
        var document = PdfBytes.OnePageWith(PdfBytes.Stream(Line));
        var xref = document.AsSpan().LastIndexOf("xref"u8);
        var table = new StringBuilder("xref\n0 2001\n0000000000 65535 f \n");
        for (var i = 0; i < 2_000; i++)
        {
            table.Append("0000000009 00000 n \n");
        }
        table.Append(FormattableString.Invariant($"trailer\n<< /Size 2001 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        byte[] pdf = [.. document.AsSpan(0, xref), .. Encoding.ASCII.GetBytes(table.ToString())];

        AssertTooLarge(Read(pdf, ReadLimits.Default with { MaxPdfObjects = 1_000 }), "objects than the limit of 1,000");
    }

    private static byte[] FivePages()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var page = 1; page <= 5; page++)
        {
            builder.AddPage(PageSize.A4).AddText($"Page {page} of the fictional monitors' report on the Oblast courts", 12, new PdfPoint(50, 750), font);
        }
        return builder.Build();
    }

    [Fact]
    public void Pdf_with_more_pages_than_the_limit_is_refused_before_reading_them()
    {
        AssertTooLarge(Read(FivePages(), ReadLimits.Default with { MaxPdfPages = 3 }), "5 pages; the limit is 3");
    }

    [Fact]
    public void Pdf_whose_text_passes_the_limit_is_refused_at_the_page_that_passed_it()
    {
        AssertTooLarge(Read(FivePages(), ReadLimits.Default with { MaxTextCharacters = 100 }), "at page 2 of 5");
    }

    [Fact]
    public void Pdf_that_outruns_the_time_budget_is_refused_between_pages()
    {
        var time = new SteppingClock(TimeSpan.FromSeconds(25));

        AssertTooLarge(Read(FivePages(), time: time), "stopped after page 2 of 5");
    }

    [Fact]
    public void Draw_counting_reads_names_and_operators_as_the_content_grammar_does()
    {
        var draws = PdfDrawCost.CountDraws("q /X0 Do Q /X1 Do/X1 Do (Do \\) Do) Tj /Done 1 Tf"u8);

        Assert.Equal(1, draws["X0"]);
        Assert.Equal(2, draws["X1"]);
        Assert.False(draws.ContainsKey("Done"));
    }

    /// <summary>A clock that moves on by a fixed step each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref now, step.Ticks) - step.Ticks;
    }
}
