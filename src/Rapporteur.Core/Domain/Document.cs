namespace Rapporteur.Core.Domain;

/// <summary>Text derived from a source, with a map from its characters back into the source text.</summary>
public sealed record Document
{
    public required string Text { get; init; }
    public string? Title { get; init; }
    public string? Language { get; init; }
    public DatePoint? Published { get; init; }
    public IReadOnlyList<string> Countries { get; init; } = [];
    public required OffsetMap Map { get; init; }
    /// <summary>Position among the documents of the same source (a listing page has several).</summary>
    public int Ordinal { get; init; }
}
