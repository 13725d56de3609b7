namespace Rapporteur.Store.Search;

/// <summary>A ranked hit: the document, its source, and a snippet with each match between U+0002 and U+0003.</summary>
public sealed record SearchHit(long DocumentId, long SourceId, string? Title, string Origin, string Snippet, double Score);

/// <summary>Full-text search over documents, through the database's own engine.</summary>
public interface ISearchIndex
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>Search by groups of phrases: all groups, any phrase of each (a person's spellings form one group).</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchTerms terms, int limit, CancellationToken cancellationToken);
}
