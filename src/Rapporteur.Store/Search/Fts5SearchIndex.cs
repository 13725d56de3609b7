using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;

namespace Rapporteur.Store.Search;

/// <summary>SQLite FTS5 search, ranked by bm25, with the engine's own snippets.</summary>
public sealed class Fts5SearchIndex(RapporteurDb db) : ISearchIndex
{
    // Rank and cut inside the index first: joining before the limit would look up every match's
    // rows. The few rows left are put back in order here, which spares SQLite a sorter.
    private const string Sql = """
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
        """;

    // Belongs to the context's connection and is finalised with it.
    private SqliteCommand? command;
    private SqliteCommand? index;

    /// <summary>
    /// One statement for all the documents of a commit. FTS5 writes what it holds in memory as a
    /// new segment of the index whenever a savepoint opens, so a row-by-row trigger under the
    /// savepoint of each source made one small segment per source, and merging them cost more
    /// than storing the rows; indexed together, the documents of a commit make one segment.
    /// </summary>
    public async Task IndexAsync(IReadOnlyCollection<long> documentIds, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        ArgumentNullException.ThrowIfNull(transaction);
        if (documentIds.Count == 0)
        {
            return;
        }
        var connection = (SqliteConnection)transaction.Connection!;
        if (index is null || index.Connection != connection)
        {
            index?.Dispose();
            index = connection.CreateCommand();
            index.CommandText = """
                INSERT INTO documents_fts(rowid, title, text)
                SELECT d."Id", d."Title", d."Text" FROM documents d
                WHERE d."Id" IN (SELECT value FROM json_each($ids))
                """;
            index.Parameters.Add(new SqliteParameter("$ids", SqliteType.Text));
        }
        index.Transaction = (SqliteTransaction)transaction;
        index.Parameters["$ids"].Value = "[" + string.Join(',', documentIds) + "]";
        await index.ExecuteNonQueryAsync(cancellationToken);
    }

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
        // One prepared statement for the index's life: compiling the query costs more than running it on most searches.
        if (command is null || command.Connection != connection)
        {
            command?.Dispose();
            command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = Sql;
            command.Parameters.Add(new SqliteParameter("$match", SqliteType.Text));
            command.Parameters.Add(new SqliteParameter("$limit", SqliteType.Integer));
            command.Prepare();
        }
        command.Parameters["$match"].Value = match;
        command.Parameters["$limit"].Value = limit;
        var hits = new List<SearchHit>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(SearchHit.Read(reader, -reader.GetDouble(5)));
        }
        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits;
    }
}
