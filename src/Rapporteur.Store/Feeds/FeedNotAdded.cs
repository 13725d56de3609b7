namespace Rapporteur.Store.Feeds;

/// <summary>The feed is not watched, and why.</summary>
public sealed record FeedNotAdded(string Url, string Reason) : FeedAddOutcome(Url);
