using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Rapporteur.Core.Sources;

/// <summary>The text layer of a PDF, page by page (PdfPig). A scanned PDF without text is refused.</summary>
/// <remarks>
/// A PDF is a program as much as a file: its streams may inflate a thousandfold and its pages
/// may draw each other. So the objects, the decoded bytes, the page count, the text and the
/// time are all bounded (<see cref="ReadLimits"/>), and a PDF past any of them is refused as too large.
/// </remarks>
public sealed class PdfReader(ReadLimits limits, TimeProvider time) : ISourceReader
{
    public PdfReader()
        : this(ReadLimits.Default, TimeProvider.System)
    {
    }

    public int Claims(SourceInput input) =>
        input.Bytes.AsSpan().StartsWith("%PDF-"u8) ? 2
        : input.MediaTypeHint?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true || input.Extension == ".pdf" ? 1
        : 0;

    public ReadResult Read(SourceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Bytes.Length == 0)
        {
            return new Refused(ReadProblem.Empty, "the file is empty (0 bytes)");
        }
        if (input.Bytes.AsSpan(0, Math.Min(1024, input.Bytes.Length)).IndexOf("%PDF-"u8) < 0)
        {
            return new Refused(ReadProblem.Corrupt, "not a PDF: no %PDF- header");
        }
        var budget = new PdfStreamBudget(limits.MaxPdfDecodedBytes);
        var started = time.GetTimestamp();
        try
        {
            // PdfPig's own recovery of a damaged file can take time quadratic in its size; a
            // damaged file is rebuilt first, in linear time, and PdfPig reads the rebuilt copy.
            if (!PdfRepair.TryReadable(input.Bytes, budget, limits.MaxPdfObjects, out var readable, out var rebuilt, out var refused))
            {
                return refused;
            }
            using var pdf = PdfDocument.Open(readable, new ParsingOptions { UseLenientParsing = true, FilterProvider = budget });
            var pages = pdf.NumberOfPages;
            if (pages > limits.MaxPdfPages)
            {
                return ReadLimits.TooLarge("PDF", pages, limits.MaxPdfPages, "pages");
            }
            if (PdfDrawCost.Check(pdf, budget, limits.MaxPdfPageContentBytes, pages) is { } tooCostly)
            {
                return new Refused(ReadProblem.TooLarge, tooCostly);
            }
            var text = new StringBuilder();
            for (var number = 1; number <= pages; number++)
            {
                // PdfPig cannot be interrupted inside a page, so the clock is read between pages;
                // the decoding budget is what bounds the work of any one page.
                if (time.GetElapsedTime(started) > limits.PdfTimeBudget)
                {
                    return new Refused(ReadProblem.TooLarge, FormattableString.Invariant($"reading the PDF took longer than {limits.PdfTimeBudget.TotalSeconds:0} s (stopped after page {number - 1} of {pages})"));
                }
                var pageText = ContentOrderTextExtractor.GetText(pdf.GetPage(number));
                if (text.Length > 0)
                {
                    text.Append("\n\n");
                }
                text.Append(pageText.AsSpan().Trim());
                if (budget.Exceeded is { } exceeded)
                {
                    return new Refused(ReadProblem.TooLarge, exceeded);
                }
                if (text.Length > limits.MaxTextCharacters)
                {
                    return new Refused(ReadProblem.TooLarge, FormattableString.Invariant($"the PDF's text passes the limit of {limits.MaxTextCharacters:N0} characters (at page {number} of {pages})"));
                }
            }
            if (string.IsNullOrWhiteSpace(text.ToString()))
            {
                return new Refused(ReadProblem.NoText, "the PDF has no text layer (a scan needs OCR first)");
            }
            var title = pdf.Information.Title;
            return new Read("application/pdf", text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal))
            {
                Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
                PublishedAt = PdfDate(pdf.Information.CreationDate),
                Warnings = rebuilt ? ["the PDF was damaged (its cross-reference did not find its objects); it was read from the objects found in the file"] : [],
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            if (budget.Exceeded is { } exceeded)
            {
                return new Refused(ReadProblem.TooLarge, exceeded);
            }
            return new Refused(ReadProblem.Corrupt, "the PDF is damaged and cannot be read: " + Shorten(e.Message));
        }
    }

    private static string Shorten(string message) => message.Length <= 160 ? message : message[..160] + "…";

    // PDF dates look like D:20250314093000+01'00'
    private static DateTimeOffset? PdfDate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var digits = value.StartsWith("D:", StringComparison.Ordinal) ? value[2..] : value;
        if (digits.Length >= 8 && DateTime.TryParseExact(digits[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
        {
            return new DateTimeOffset(day, TimeSpan.Zero);
        }
        return null;
    }
}
