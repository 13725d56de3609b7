namespace Rapporteur.Store.Feeds;

/// <summary>What became of a request to watch a feed.</summary>
public abstract record FeedAddOutcome(string Url);
