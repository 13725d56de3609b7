namespace Rapporteur.Store.Feeds;

/// <summary>
/// A feed polled on a schedule: its validators for conditional requests, when it is next due, and
/// how its last poll went. A feed that keeps failing is polled less often, never dropped.
/// </summary>
public sealed class FeedRow
{
    public long Id { get; set; }
    public required string Url { get; set; }
    public TimeSpan Interval { get; set; }
    public string? ETag { get; set; }
    /// <summary>The Last-Modified header as the server sent it, to be sent back unchanged.</summary>
    public string? LastModified { get; set; }
    public DateTimeOffset NextPollAt { get; set; }
    public DateTimeOffset? LastPolledAt { get; set; }
    public string? LastOutcome { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
