namespace Rapporteur.Store.Feeds;

/// <summary>The feed was read: how many items it carries and how many were new and queued.</summary>
public sealed record FeedRead(long FeedId, string Url, int Items, int NewItems) : FeedPoll(FeedId, Url);
