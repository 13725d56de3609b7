namespace Rapporteur.Store.Jobs;

/// <summary>
/// One ingestion job: a target to fetch and store, its state, its attempts, and the lease of the
/// worker that holds it. A lease that runs out without being renewed means the worker died.
/// </summary>
public sealed class JobRow
{
    public long Id { get; set; }
    public JobKind Kind { get; set; }
    /// <summary>A file path, an address, or for a feed item its link (the key by which it counts as seen).</summary>
    public required string Target { get; set; }
    public JobState State { get; set; } = JobState.Waiting;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    /// <summary>Why the last attempt failed, in the reader's or the network's words.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The source the job stored or found already stored; none for a feed, which becomes item jobs.</summary>
    public long? SourceId { get; set; }
    /// <summary>The watched feed an item came from.</summary>
    public long? FeedId { get; set; }
    /// <summary>A feed item's page as the feed carried it; the feed is not fetched again for it.</summary>
    public byte[]? Payload { get; set; }
}
