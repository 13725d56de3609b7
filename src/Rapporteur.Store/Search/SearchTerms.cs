namespace Rapporteur.Store.Search;

/// <summary>
/// A query as groups of phrases: every group must match, any phrase of a group will do. A plain
/// query is one group per word; a person's name becomes one group holding each of their spellings.
/// </summary>
public sealed record SearchTerms(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    /// <summary>What a user typed: every word must occur.</summary>
    public static SearchTerms Of(string query) => new([.. SearchQuery.Terms(query).Select(t => (IReadOnlyList<string>)[t])]);

    public bool IsEmpty => Groups.All(g => g.Count == 0);
}
