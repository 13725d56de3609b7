namespace Rapporteur.Store.Search;

/// <summary>A person a query names: id, display name, every spelling, and in how many documents they are named.</summary>
public sealed record PersonHit(long Id, string Name, IReadOnlyList<string> Spellings, int Documents);
