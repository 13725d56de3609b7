using System.Globalization;
using System.Text;
using Rapporteur.Core.Sources;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>
/// PDFs whose cross-reference no longer finds their objects are read from the objects themselves
/// in time linear in their size, or refused saying why; sound PDFs are read as they are.
/// </summary>
[Collection(HostileInputs.Collection)]
public sealed class DamagedPdfTests
{
    private static readonly DateTimeOffset Captured = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static ReadResult Read(byte[] pdf) =>
        new PdfReader().Read(new SourceInput(pdf, "damaged.pdf", Captured, "application/pdf"));

    private static (ReadResult Result, TimeSpan Took) Timed(byte[] pdf)
    {
        // The first read pays for JIT and PdfPig's font tables; it must not count against the bound.
        Read(TwoPages());
        // The reading thread's processor time, as the fuzz test counts it: other work on a busy machine is not the reader's.
        var clock = ThreadClock.Start();
        var result = Read(pdf);
        return (result, clock.Elapsed);
    }

    private static void AssertWithinTheBound(byte[] pdf, TimeSpan took) =>
        Assert.True(took < ReaderFuzzTests.Bound(pdf.Length), $"{pdf.Length:N0} bytes took {took.TotalMilliseconds:0} ms, more than {ReaderFuzzTests.Bound(pdf.Length).TotalMilliseconds:0} ms");

    private static void AssertReadOrNamedRefusal(ReadResult result)
    {
        Assert.True(result is Read || (result is Refused refused && !string.IsNullOrWhiteSpace(refused.Detail)), $"neither read nor refused with a reason: {result}");
    }

    private static byte[] TwoPages()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Hearing of the fictional blogger adjourned", 12, new PdfPoint(50, 750), font);
        builder.AddPage(PageSize.A4).AddText("Recommendations to the Oblast court", 12, new PdfPoint(50, 750), font);
        return builder.Build();
    }

    private static Read AssertReadAfterRepair(ReadResult result)
    {
        var read = Assert.IsType<Read>(result);
        Assert.Contains(read.Warnings, w => w.Contains("damaged", StringComparison.Ordinal));
        return read;
    }

    /// <summary>The seed and mutations of the fuzz test's failing case, with the repeated chunk repeated <paramref name="times"/> times.</summary>
    private static byte[] RepeatedPastItsCrossReference(int times)
    {
        var seeds = FuzzSeeds.For("pdf", Path.Combine(RepositoryRoot.Path, "sample", "articles"));
        var seed = seeds.Single(s => s.Name == "built.pdf");
        var other = seeds.Single(s => s.Name == "form.pdf");
        Mutation[] mutations = [new Mutation.Delete(-605, 368), new Mutation.Flip(220, 6), new Mutation.Repeat(7487134, 201, times)];
        return mutations.Aggregate(seed.Bytes, (input, m) => m.Apply(input, other.Bytes));
    }

    // Found by the fuzz test (CsCheck seed 0VSUKcyQ4CZ2): a stream object without its end, repeated
    // 581 times, moved every object after it away from where the cross-reference puts it. PdfPig
    // looked for each misplaced object by tokenizing the whole file again, and each copy of the
    // stream was read to the far end of the copies: 117 KB took 2 to 7 s.
    [Theory]
    [InlineData(581)]
    [InlineData(5000)]
    public void Pdf_with_a_stream_repeated_past_its_cross_reference_ends_within_the_fuzz_bound(int times)
    {
        var pdf = RepeatedPastItsCrossReference(times);

        var (result, took) = Timed(pdf);

        AssertReadOrNamedRefusal(result);
        AssertWithinTheBound(pdf, took);
    }

    [Fact]
    public void Thousands_of_unterminated_objects_before_a_document_end_within_the_bound_and_the_document_is_read()
    {
        // Each string runs on to the end of the file as far as a tokenizer knows.
        var junk = string.Concat(Enumerable.Repeat("9 0 obj\n<< /Title (never closed\nendobj\n", 25_000));
        var pdf = PdfBytes.Shifted(TwoPages(), junk);

        var (result, took) = Timed(pdf);

        var read = AssertReadAfterRepair(result);
        Assert.Contains("Recommendations to the Oblast court", read.Text, StringComparison.Ordinal);
        AssertWithinTheBound(pdf, took);
    }

    [Fact]
    public void Cross_reference_whose_entries_all_point_into_a_run_of_whitespace_ends_within_the_bound()
    {
        // A reader seeking to an offset skips the whitespace there (NUL is whitespace): each of the
        // twenty thousand entries points at the start of 256 KB of NUL bytes before object 1.
        const int entries = 20_000;
        const int run = 256 << 10;
        var document = PdfBytes.OnePageWith(PdfBytes.Stream(PdfBytes.Text("Bulletin of the fictional Oblast monitors")));
        var header = "%PDF-1.7\n".Length;
        var objects = document.AsSpan(header, document.AsSpan().LastIndexOf("xref"u8) - header);
        var table = new StringBuilder(FormattableString.Invariant($"xref\n0 {entries + 1}\n0000000000 65535 f \n"));
        for (var i = 0; i < entries; i++)
        {
            table.Append(FormattableString.Invariant($"{header:D10} 00000 n \n"));
        }
        var xref = header + run + objects.Length;
        table.Append(FormattableString.Invariant($"trailer\n<< /Size {entries + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        byte[] pdf = [.. document.AsSpan(0, header), .. new byte[run], .. objects, .. Encoding.ASCII.GetBytes(table.ToString())];

        var (result, took) = Timed(pdf);

        var read = AssertReadAfterRepair(result);
        Assert.Contains("Bulletin of the fictional Oblast monitors", read.Text, StringComparison.Ordinal);
        AssertWithinTheBound(pdf, took);
    }

    [Fact]
    public void Cross_reference_sections_nested_in_each_other_s_trailer_end_within_the_bound()
    {
        // Each section's trailer holds the next section in a string, and names it as /Prev: reading
        // a section reads every section nested inside it again.
        const int levels = 8_000;
        var document = PdfBytes.OnePageWith(PdfBytes.Stream(PdfBytes.Text("Bulletin of the fictional Oblast monitors")));
        var objects = document.AsSpan(0, document.AsSpan().LastIndexOf("xref"u8));
        var chain = new StringBuilder();
        var first = objects.Length;
        for (var level = 0; level < levels; level++)
        {
            var opening = "xref\n0 0\ntrailer\n<< /Prev 0000000000 /Note (";
            var next = first + ((level + 1) * opening.Length);
            chain.Append(level + 1 < levels ? opening.Replace("0000000000", next.ToString("D10", CultureInfo.InvariantCulture), StringComparison.Ordinal) : "xref\n0 0\ntrailer\n<< /Size 6 /Root 1 0 R");
        }
        chain.Append(" >>").Insert(chain.Length, ") >>", levels - 1).Append(FormattableString.Invariant($"\nstartxref\n{first}\n%%EOF\n"));
        byte[] pdf = [.. objects, .. Encoding.ASCII.GetBytes(chain.ToString())];

        var (result, took) = Timed(pdf);

        AssertReadOrNamedRefusal(result);
        AssertWithinTheBound(pdf, took);
    }

    [Fact]
    public void Sound_pdf_is_read_without_a_warning()
    {
        var read = Assert.IsType<Read>(Read(TwoPages()));

        Assert.Empty(read.Warnings);
        Assert.Contains("Hearing of the fictional blogger adjourned", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_whose_offsets_all_moved_is_read_with_a_warning()
    {
        var read = AssertReadAfterRepair(Read(PdfBytes.Shifted(TwoPages())));

        Assert.Contains("Hearing of the fictional blogger adjourned", read.Text, StringComparison.Ordinal);
        Assert.Contains("Recommendations to the Oblast court", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_cut_off_before_its_cross_reference_is_read()
    {
        var pdf = TwoPages();
        var end = pdf.AsSpan().LastIndexOf("endobj"u8) + "endobj".Length;

        var read = AssertReadAfterRepair(Read(pdf[..end]));

        Assert.Contains("Recommendations to the Oblast court", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_whose_content_stream_declares_the_wrong_length_is_read()
    {
        var content = PdfBytes.Text("Bulletin of the fictional Oblast monitors");
        byte[] stream = [.. "<< /Length 7 >>\nstream\n"u8, .. content, .. "\nendstream"u8];

        var read = AssertReadAfterRepair(Read(PdfBytes.Document(PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page(), stream, PdfBytes.Font)));

        Assert.Contains("Bulletin of the fictional Oblast monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_whose_data_spells_an_object_header_is_still_sound()
    {
        var read = Assert.IsType<Read>(Read(PdfBytes.OnePageWith(PdfBytes.Stream(PdfBytes.Text("see 9 0 obj and 4 0 obj")))));

        Assert.Empty(read.Warnings);
        Assert.Contains("see 9 0 obj and 4 0 obj", read.Text, StringComparison.Ordinal);
    }

    /// <summary>A one-page PDF whose content stream is <paramref name="content"/> then <paramref name="gap"/> before <c>endstream</c>.</summary>
    private static byte[] WithGapBeforeEndstream(byte[] content, string gap)
    {
        byte[] stream = [.. Encoding.ASCII.GetBytes(FormattableString.Invariant($"<< /Length {content.Length} >>\nstream\n")), .. content, .. Encoding.ASCII.GetBytes(gap), .. "endstream"u8];
        return PdfBytes.Document(PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page(), stream, PdfBytes.Font);
    }

    [Theory]
    [InlineData("\r\n\r\n")]
    [InlineData("\n\n\n")]
    [InlineData("  \n")]
    public void Sound_pdf_whose_stream_ends_in_more_whitespace_than_an_end_of_line_is_read_as_it_is(string gap)
    {
        var read = Assert.IsType<Read>(Read(WithGapBeforeEndstream(PdfBytes.Text("Bulletin of the fictional Oblast monitors"), gap)));

        Assert.Empty(read.Warnings);
        Assert.Contains("Bulletin of the fictional Oblast monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_spelling_its_end_keywords_before_more_whitespace_than_an_end_of_line_is_rebuilt_with_its_declared_length()
    {
        // Past two ends of line PdfPig reads on to an endstream, and data that spells endstream
        // then endobj ends it there; the declared length, which endstream follows, is what holds.
        var pdf = WithGapBeforeEndstream(PdfBytes.Text("the word endstream\nand the word endobj, then the rest"), "\n\n\n");

        var read = AssertReadAfterRepair(Read(pdf));

        Assert.Contains("then the rest", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sound_pdf_whose_stream_length_object_is_also_spelled_inside_a_later_stream_is_read_as_it_is()
    {
        // The content's length is object 6; object 7, an attached file, spells another "6 0 obj" in
        // its data, the last in the file, but the cross-reference places object 6 before it.
        var content = PdfBytes.Text("Bulletin of the fictional Oblast monitors");
        byte[] stream = [.. "<< /Length 6 0 R >>\nstream\n"u8, .. content, .. "\nendstream"u8];
        var attached = PdfBytes.Stream("%PDF-1.7\n6 0 obj\n3\nendobj\n"u8.ToArray(), "/Type /EmbeddedFile");
        var pdf = PdfBytes.Document(PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page(), stream, PdfBytes.Font, content.Length.ToString(CultureInfo.InvariantCulture), attached);

        var read = Assert.IsType<Read>(Read(pdf));

        Assert.Empty(read.Warnings);
        Assert.Contains("Bulletin of the fictional Oblast monitors", read.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> SeedPdfs() => [.. FuzzSeeds.For("pdf", Path.Combine(RepositoryRoot.Path, "sample", "articles")).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SeedPdfs))]
    public void Pdf_read_from_its_objects_alone_reads_as_it_did_whole(string name)
    {
        var pdf = FuzzSeeds.For("pdf", Path.Combine(RepositoryRoot.Path, "sample", "articles")).Single(s => s.Name == name).Bytes;
        var keyword = pdf.AsSpan().LastIndexOf("startxref"u8);
        byte[] lost = [.. pdf.AsSpan(0, keyword), .. "startxref\n0\n%%EOF\n"u8];

        var whole = Assert.IsType<Read>(Read(pdf));
        var rebuilt = AssertReadAfterRepair(Read(lost));

        Assert.Empty(whole.Warnings);
        Assert.Equal(whole.Text, rebuilt.Text);
        Assert.Equal(whole.Title, rebuilt.Title);
        Assert.Equal(whole.PublishedAt, rebuilt.PublishedAt);
    }

    /// <summary>
    /// A PDF 1.5 file: catalog, page tree, page and font packed in an object stream, found through a
    /// cross-reference stream; <paramref name="inserted"/> goes after the header, uncounted.
    /// </summary>
    private static byte[] Compressed(string inserted = "")
    {
        string[] packed = [PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page(), PdfBytes.Font];
        long[] numbers = [1, 2, 3, 5];
        var index = new StringBuilder();
        var body = new StringBuilder();
        for (var i = 0; i < packed.Length; i++)
        {
            index.Append(FormattableString.Invariant($"{numbers[i]} {body.Length} "));
            body.Append(packed[i]).Append('\n');
        }
        var objects = PdfBytes.Deflated(Encoding.ASCII.GetBytes(index.ToString() + body), 0);

        using var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Write("%PDF-1.5\n" + inserted);
        var content = output.Position;
        Write("4 0 obj\n");
        output.Write(PdfBytes.Stream(PdfBytes.Text("Packed by the fictional monitors")));
        Write("\nendobj\n");
        var stream = output.Position;
        Write("6 0 obj\n");
        output.Write(PdfBytes.Stream(objects, FormattableString.Invariant($"/Type /ObjStm /N 4 /First {index.Length} /Filter /FlateDecode")));
        Write("\nendobj\n");
        var xref = output.Position - inserted.Length;
        // Type, then offset or containing stream, then generation or index: widths 1, 4 and 2.
        (int Type, long Second, int Third)[] rows = [(0, 0, 65535), (2, 6, 0), (2, 6, 1), (2, 6, 2), (1, content - inserted.Length, 0), (2, 6, 3), (1, stream - inserted.Length, 0), (1, xref, 0)];
        var table = rows.SelectMany(r => new[] { (byte)r.Type, (byte)(r.Second >> 24), (byte)(r.Second >> 16), (byte)(r.Second >> 8), (byte)r.Second, (byte)(r.Third >> 8), (byte)r.Third }).ToArray();
        Write("7 0 obj\n");
        output.Write(PdfBytes.Stream(table, "/Type /XRef /W [1 4 2] /Size 8 /Root 1 0 R"));
        Write(FormattableString.Invariant($"\nendobj\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    [Fact]
    public void Pdf_with_an_object_stream_is_read_without_a_warning()
    {
        var read = Assert.IsType<Read>(Read(Compressed()));

        Assert.Empty(read.Warnings);
        Assert.Contains("Packed by the fictional monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_with_an_object_stream_whose_offsets_moved_is_read_from_the_unpacked_objects()
    {
        var read = AssertReadAfterRepair(Read(Compressed("% a line added after the file was written\n")));

        Assert.Contains("Packed by the fictional monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_pdf_whose_update_moved_an_object_out_of_its_object_stream_is_read_from_the_update()
    {
        // The update writes page 3 anew, outside the object stream, with new content; a stray
        // object of two values sends the file to be rebuilt.
        var original = Compressed();
        var previous = original.AsSpan().LastIndexOf("7 0 obj"u8);
        using var output = new MemoryStream();
        output.Write(original);
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        var page = output.Position;
        Write("3 0 obj\n" + PdfBytes.Page().Replace("/Contents 4 0 R", "/Contents 8 0 R", StringComparison.Ordinal) + "\nendobj\n");
        var content = output.Position;
        Write("8 0 obj\n");
        output.Write(PdfBytes.Stream(PdfBytes.Text("Updated by the fictional monitors")));
        Write("\nendobj\n9 0 obj\n(a stray object) (of two values)\nendobj\n");
        var xref = output.Position;
        Write(FormattableString.Invariant($"xref\n0 1\n0000000000 65535 f \n3 1\n{page:D10} 00000 n \n8 1\n{content:D10} 00000 n \n"));
        Write(FormattableString.Invariant($"trailer\n<< /Size 10 /Root 1 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n"));

        var read = AssertReadAfterRepair(Read(output.ToArray()));

        Assert.Contains("Updated by the fictional monitors", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Packed by the fictional monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_pdf_with_an_object_whose_value_is_a_reference_is_read_through_it()
    {
        // The catalog reaches the page tree through object 6, whose value is only a reference to it.
        var pdf = PdfBytes.Document("<< /Type /Catalog /Pages 6 0 R >>", PdfBytes.OnePage, PdfBytes.Page(), PdfBytes.Stream(PdfBytes.Text("Bulletin of the fictional Oblast monitors")), PdfBytes.Font, "2 0 R");

        var whole = Assert.IsType<Read>(Read(pdf));
        var rebuilt = AssertReadAfterRepair(Read(PdfBytes.Shifted(pdf)));

        Assert.Contains("Bulletin of the fictional Oblast monitors", whole.Text, StringComparison.Ordinal);
        Assert.Equal(whole.Text, rebuilt.Text);
    }

    [Fact]
    public void Damaged_pdf_with_an_object_stream_no_filter_can_decode_is_read_without_it()
    {
        // A filter named by a reference: PdfPig's filters take it for a name and fail to cast it.
        var broken = PdfBytes.Stream("1 0 << >>"u8.ToArray(), "/Type /ObjStm /N 1 /First 4 /Filter [3 0 R]");
        var pdf = PdfBytes.Shifted(PdfBytes.Document(PdfBytes.Catalog, PdfBytes.OnePage, PdfBytes.Page(), PdfBytes.Stream(PdfBytes.Text("Bulletin of the fictional Oblast monitors")), PdfBytes.Font, broken));

        var read = AssertReadAfterRepair(Read(pdf));

        Assert.Contains("Bulletin of the fictional Oblast monitors", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_pdf_without_a_catalog_is_refused_as_corrupt_saying_so()
    {
        // The trailer's root is object 1, a number here, and no other object is a catalog.
        var pdf = PdfBytes.Shifted(PdfBytes.Document("42", PdfBytes.OnePage, PdfBytes.Page(), PdfBytes.Stream(PdfBytes.Text("No root")), PdfBytes.Font));

        var refused = Assert.IsType<Refused>(Read(pdf));

        Assert.Equal(ReadProblem.Corrupt, refused.Problem);
        Assert.Contains("no document catalog", refused.Detail, StringComparison.Ordinal);
    }
}
