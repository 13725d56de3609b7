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
        // Rank and cut inside the index first: joining before the limit would look up every match's rows.
        command.CommandText = """
            WITH top AS (
                SELECT rowid AS id,
                       snippet(documents_fts, 1, char(2), char(3), '…', 16) AS snip,
                       bm25(documents_fts, 4.0, 1.0) AS score
                FROM documents_fts
                WHERE documents_fts MATCH $match
                ORDER BY score
                LIMIT $limit)
            SELECT d.Id, d.SourceId, d.Title, s.Origin, top.snip, top.score
            FROM top
            JOIN documents d ON d.Id = top.id
            JOIN sources s ON s.Id = d.SourceId
            ORDER BY top.score
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
