namespace Rapporteur.Core.Domain;

/// <summary>A half-open character range [Start, End) in a document's text.</summary>
public readonly record struct Span
{
    public Span(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Start = start;
        Length = length;
    }

    public int Start { get; }
    public int Length { get; }
    public int End => Start + Length;

    public static Span FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(Span other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(Span other) => other.Start < End && Start < other.End;

    public string Of(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start}..{End})";
}
