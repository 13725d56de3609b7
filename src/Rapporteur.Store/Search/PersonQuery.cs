namespace Rapporteur.Store.Search;

/// <summary>A query read for the persons it names, and the search terms with each person's name widened to all their spellings.</summary>
public sealed record PersonQuery(IReadOnlyList<PersonHit> Persons, SearchTerms Terms);
