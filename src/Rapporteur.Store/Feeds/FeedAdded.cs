namespace Rapporteur.Store.Feeds;

/// <summary>The feed is watched, first poll due now.</summary>
public sealed record FeedAdded(string Url, long FeedId) : FeedAddOutcome(Url);
