namespace Rapporteur.Core.Domain;

/// <summary>Where a fact is written: a document, a span in it, and the quoted text.</summary>
public sealed record Evidence
{
    public Evidence(long documentId, Span span, string quote)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documentId);
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Length != span.Length)
        {
            throw new ArgumentException("The quote must be the text under the span.", nameof(quote));
        }
        DocumentId = documentId;
        Span = span;
        Quote = quote;
    }

    public long DocumentId { get; }
    public Span Span { get; }
    public string Quote { get; }
}
