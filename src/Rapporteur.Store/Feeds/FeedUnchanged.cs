namespace Rapporteur.Store.Feeds;

/// <summary>The server answered 304: nothing new since the last poll.</summary>
public sealed record FeedUnchanged(long FeedId, string Url) : FeedPoll(FeedId, Url);
