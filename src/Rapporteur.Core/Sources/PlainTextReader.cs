namespace Rapporteur.Core.Sources;

/// <summary>Plain text in UTF-8, UTF-16 with a BOM, or Windows-1251.</summary>
public sealed class PlainTextReader(ReadLimits limits) : ISourceReader
{
    public PlainTextReader()
        : this(ReadLimits.Default)
    {
    }

    public int Claims(SourceInput input) =>
        input.MediaTypeHint?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true ? 2
        : input.Extension is ".txt" or ".text" or ".md" ? 1
        : 0;

    public ReadResult Read(SourceInput input)
    {
        var decoded = TextDecoding.Decode(input.Bytes, out var text, out _);
        if (decoded is Refused refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Refused(ReadProblem.NoText, "the file holds only white space");
        }
        if (text.Length > limits.MaxTextCharacters)
        {
            return ReadLimits.TooLarge("text", text.Length, limits.MaxTextCharacters);
        }
        return new Read("text/plain", text);
    }
}
