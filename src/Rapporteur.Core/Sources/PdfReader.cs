using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Rapporteur.Core.Sources;

/// <summary>The text layer of a PDF, page by page (PdfPig). A scanned PDF without text is refused.</summary>
public sealed class PdfReader : ISourceReader
{
    public int Claims(SourceInput input) =>
        input.Bytes.AsSpan().StartsWith("%PDF-"u8) ? 2
        : input.MediaTypeHint?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true || input.Extension == ".pdf" ? 1
        : 0;

    public ReadResult Read(SourceInput input)
    {
        if (input.Bytes.Length == 0)
        {
            return new Refused(ReadProblem.Empty, "the file is empty (0 bytes)");
        }
        if (input.Bytes.AsSpan(0, Math.Min(1024, input.Bytes.Length)).IndexOf("%PDF-"u8) < 0)
        {
            return new Refused(ReadProblem.Corrupt, "not a PDF: no %PDF- header");
        }
        try
        {
            using var pdf = PdfDocument.Open(input.Bytes, new ParsingOptions { UseLenientParsing = true });
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                var pageText = ContentOrderTextExtractor.GetText(page);
                if (text.Length > 0)
                {
                    text.Append("\n\n");
                }
                text.Append(pageText.Trim());
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
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
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
