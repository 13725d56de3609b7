namespace Rapporteur.Core.Domain;

/// <summary>
/// Maps document offsets to source-text offsets. Cleaning only drops or keeps whole runs of
/// characters, so the map is a list of runs copied verbatim from the source text.
/// </summary>
public sealed class OffsetMap
{
    private readonly Run[] runs;

    public OffsetMap(IEnumerable<Run> runs)
    {
        this.runs = [.. runs];
        var expected = 0;
        foreach (var run in this.runs)
        {
            if (run.DocumentStart != expected || run.Length < 0 || run.SourceStart < 0)
            {
                throw new ArgumentException("Runs must tile the document from 0 without gaps.", nameof(runs));
            }
            expected += run.Length;
        }
    }

    /// <summary>A run of <paramref name="Length"/> characters at the same text in document and source.</summary>
    public readonly record struct Run(int DocumentStart, int SourceStart, int Length);

    public IReadOnlyList<Run> Runs => runs;

    public int DocumentLength => runs.Length == 0 ? 0 : runs[^1].DocumentStart + runs[^1].Length;

    public static OffsetMap Identity(int length) => new([new Run(0, 0, length)]);

    /// <summary>The source-text offset of a document offset (the end of the text maps to the end of the last run).</summary>
    public int ToSource(int documentOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(documentOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(documentOffset, DocumentLength);
        int lo = 0, hi = runs.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (runs[mid].DocumentStart <= documentOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (runs.Length == 0)
        {
            return 0;
        }
        var run = runs[lo];
        return run.SourceStart + Math.Min(documentOffset - run.DocumentStart, run.Length);
    }

    /// <summary>A document span as a source-text span; a span crossing a dropped run covers it.</summary>
    public Span ToSource(Span span) => Span.FromBounds(ToSource(span.Start), span.Length == 0 ? ToSource(span.Start) : ToSource(span.End - 1) + 1);

    /// <summary>Compact text form for storage: "doc:src:len;..."</summary>
    public string Serialize() => string.Join(';', runs.Select(r => FormattableString.Invariant($"{r.DocumentStart}:{r.SourceStart}:{r.Length}")));

    public static OffsetMap Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new OffsetMap([]);
        }
        return new OffsetMap(text.Split(';').Select(part =>
        {
            var f = part.Split(':');
            return new Run(
                int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
        }));
    }
}
