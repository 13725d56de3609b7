namespace Rapporteur.Core.Sources;

/// <summary>
/// How much work one source may cost a reader. Hostile files (a PDF that inflates to gigabytes,
/// markup nested a hundred thousand levels deep) meet these and are refused or flattened instead
/// of exhausting memory, the stack or the clock. The defaults are far above any real report.
/// </summary>
public sealed record ReadLimits
{
    public static ReadLimits Default { get; } = new();

    /// <summary>The most text a source may yield; a longer text is refused as too large.</summary>
    public int MaxTextCharacters { get; init; } = 32 * 1024 * 1024;

    /// <summary>Pages read from one PDF; a longer PDF is refused before its pages are read.</summary>
    public int MaxPdfPages { get; init; } = 5_000;

    /// <summary>All bytes the PDF's compressed streams may inflate to, added up over the whole read.</summary>
    public long MaxPdfDecodedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Content one PDF page may make the layout run through, each drawing of a form counted again.</summary>
    public long MaxPdfPageContentBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Objects one PDF may hold: its object headers, its cross-reference entries, and the objects
    /// its references name. Each costs memory however few bytes spell it, so a PDF with more is
    /// refused as it is scanned. Sound PDFs rarely hold a tenth of the default.
    /// </summary>
    public int MaxPdfObjects { get; init; } = 1_000_000;

    /// <summary>Wall-clock time for one PDF, checked between pages.</summary>
    public TimeSpan PdfTimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Element nesting allowed in markup: deeper HTML tags are dropped (their text stays) before
    /// parsing; a deeper feed is refused, since reading an element's text recurses.
    /// </summary>
    public int MaxMarkupDepth { get; init; } = 512;

    /// <summary>A refusal that names the size and the limit it broke.</summary>
    internal static Refused TooLarge(string what, long size, long limit, string unit = "characters") =>
        new(ReadProblem.TooLarge, FormattableString.Invariant($"the {what} is {size:N0} {unit}; the limit is {limit:N0}"));
}
