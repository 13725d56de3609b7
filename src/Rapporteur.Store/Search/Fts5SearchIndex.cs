using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;

namespace Rapporteur.Store.Search;

/// <summary>SQLite FTS5 search, ranked by bm25, with the engine's own snippets.</summary>
public sealed class Fts5SearchIndex(RapporteurDb db) : ISearchIndex
{
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        SearchAsync(SearchTerms.Of(query), limit, cancellationToken);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchTerms terms, int limit, CancellationToken cancellationToken)
    {
        var match = SearchQuery.ToFts5(terms);
        if (match.Length == 0)
        {
            return [];
        }
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.Id, d.SourceId, d.Title, s.Origin,
                   snippet(documents_fts, 1, char(2), char(3), '…', 16) AS snip,
                   bm25(documents_fts, 4.0, 1.0) AS score
            FROM documents_fts
            JOIN documents d ON d.Id = documents_fts.rowid
            JOIN sources s ON s.Id = d.SourceId
            WHERE documents_fts MATCH $match
            ORDER BY score
            LIMIT $limit
            """;
        command.Parameters.Add(new SqliteParameter("$match", match));
        command.Parameters.Add(new SqliteParameter("$limit", limit));
        var hits = new List<SearchHit>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4).Replace('\n', ' '),
                -reader.GetDouble(5)));
        }
        return hits;
    }
}
