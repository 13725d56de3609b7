namespace Rapporteur.Store;

/// <summary>A stored source: the captured bytes, their hash, and what reading them gave.</summary>
public sealed class SourceRow
{
    public long Id { get; set; }
    public required string Sha256 { get; set; }
    public required string MediaType { get; set; }
    public required string Origin { get; set; }
    public DateTimeOffset CapturedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? Title { get; set; }
    public string? Publisher { get; set; }
    public string? Language { get; set; }
    public int Sensitivity { get; set; } = 1;
    public long? ParentId { get; set; }
    public long ByteCount { get; set; }
    public required byte[] Bytes { get; set; }
    /// <summary>The reader's text of the source, which document offset maps point into.</summary>
    public required string Text { get; set; }
    public List<DocumentRow> Documents { get; set; } = [];
}

/// <summary>A document derived from a source, with its offset map into the source text.</summary>
public sealed class DocumentRow
{
    public long Id { get; set; }
    public long SourceId { get; set; }
    public SourceRow? Source { get; set; }
    public int Ordinal { get; set; }
    public string? Title { get; set; }
    public required string Text { get; set; }
    public required string OffsetMap { get; set; }
    public string? Published { get; set; }
    public string? Language { get; set; }
    /// <summary>
    /// Where stores before the extraction stage kept what extraction found; no longer read or
    /// written ("[]" for new documents; older ones keep what was copied to <see cref="DocumentMentionsRow"/>).
    /// The mentions have a table of their own, so storing them leaves this row and its search vector untouched.
    /// </summary>
    public string Mentions { get; set; } = "[]";
}

/// <summary>What extraction found in a document's text, as JSON: [[kind, start, length, value], ...].</summary>
public sealed class DocumentMentionsRow
{
    public long DocumentId { get; set; }
    public required string Mentions { get; set; }
}

/// <summary>
/// A document whose suggestions were stored since names were last resolved: the next resolution
/// must read it. The extraction stage adds the row in the commit that stores the suggestions; a
/// resolution takes the rows away before it reads.
/// </summary>
public sealed class PendingNamesRow
{
    public long DocumentId { get; set; }
}

/// <summary>
/// A stored document that waits for the extraction stage. A trigger adds the row with the
/// document; the stage claims rows for a while (a lease, so a claim by a process that died runs
/// out) and takes each away in the commit that stores the document's mentions and suggestions.
/// </summary>
public sealed class PendingExtractionRow
{
    public long DocumentId { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>An input that could not be ingested, by name and reason; nothing else of it is stored.</summary>
public sealed class FailureRow
{
    public long Id { get; set; }
    public required string Origin { get; set; }
    public string? Sha256 { get; set; }
    public required string Problem { get; set; }
    public required string Detail { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A machine suggestion awaiting review: a claim about a person or an event, with its evidence
/// span, the rule and extractor version that produced it, and its review status.
/// </summary>
public sealed class SuggestionRow
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    /// <summary>"event", "person" or "organization".</summary>
    public required string Kind { get; set; }
    /// <summary>The event type, or "name" for a person or organisation.</summary>
    public required string Predicate { get; set; }
    public string? Subject { get; set; }
    /// <summary>The claim's attributes as JSON (date, term, articles, court, variants, roles).</summary>
    public required string Value { get; set; }
    public string? Date { get; set; }
    public int EvidenceStart { get; set; }
    public int EvidenceLength { get; set; }
    public required string Quote { get; set; }
    public required string Rule { get; set; }
    public required string ExtractorVersion { get; set; }
    public double Confidence { get; set; }
    public string Status { get; set; } = "suggested";
    public int Sensitivity { get; set; } = 1;
}
