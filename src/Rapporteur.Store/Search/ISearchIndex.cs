namespace Rapporteur.Store.Search;

/// <summary>A ranked hit: the document, its source, and a snippet with each match between U+0002 and U+0003.</summary>
public sealed record SearchHit(long DocumentId, long SourceId, string? Title, string Origin, string Snippet, double Score)
{
    /// <summary>A hit from a row of document id, source id, title, origin and snippet, scored by the engine's own measure.</summary>
    internal static SearchHit Read(System.Data.Common.DbDataReader row, double score) => new(
        row.GetInt64(0),
        row.GetInt64(1),
        row.IsDBNull(2) ? null : row.GetString(2),
        row.GetString(3),
        row.GetString(4).Replace('\n', ' '),
        score);
}

/// <summary>Full-text search over documents, through the database's own engine.</summary>
public interface ISearchIndex
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>Search by groups of phrases: all groups, any phrase of each (a person's spellings form one group).</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchTerms terms, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Adds newly stored documents to the index inside the caller's transaction, so the index
    /// and the table commit together. Where the database keeps the index itself, nothing is done.
    /// </summary>
    Task IndexAsync(IReadOnlyCollection<long> documentIds, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken);
}
