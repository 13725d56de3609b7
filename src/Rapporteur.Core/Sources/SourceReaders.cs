namespace Rapporteur.Core.Sources;

/// <summary>Chooses the reader that claims an input most strongly; plain text is the last resort.</summary>
public sealed class SourceReaders
{
    private readonly ISourceReader[] readers;

    public SourceReaders(IEnumerable<ISourceReader> readers) => this.readers = [.. readers];

    public static SourceReaders Default { get; } = new([new PdfReader(), new FeedReader(), new HtmlReader(), new PlainTextReader()]);

    public ReadResult Read(SourceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Bytes.Length == 0)
        {
            return new Refused(ReadProblem.Empty, "the file is empty (0 bytes)");
        }
        ISourceReader? best = null;
        var bestClaim = 0;
        foreach (var reader in readers)
        {
            var claim = reader.Claims(input);
            if (claim > bestClaim)
            {
                best = reader;
                bestClaim = claim;
            }
        }
        best ??= readers.OfType<PlainTextReader>().FirstOrDefault();
        if (best is null)
        {
            return new Refused(ReadProblem.Unsupported, $"no reader for {input.MediaTypeHint ?? input.Extension}");
        }
        return best.Read(input);
    }
}
