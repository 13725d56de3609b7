namespace Rapporteur.Store.Feeds;

/// <summary>The poll failed; the feed waits longer before the next one.</summary>
public sealed record FeedPollFailed(long FeedId, string Url, string Reason, int ConsecutiveFailures, DateTimeOffset NextPollAt) : FeedPoll(FeedId, Url);
