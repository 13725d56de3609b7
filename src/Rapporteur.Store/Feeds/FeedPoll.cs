namespace Rapporteur.Store.Feeds;

/// <summary>How one poll of a feed went.</summary>
public abstract record FeedPoll(long FeedId, string Url);
