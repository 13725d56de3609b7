using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Rapporteur.Store.Postgres;

namespace Rapporteur.Store.Search;

/// <summary>
/// PostgreSQL full-text search over the documents' generated tsvector column, ranked by ts_rank
/// with the title weighted as FTS5's bm25 weights it, with ts_headline snippets marked as FTS5 marks them.
/// </summary>
public sealed class PostgresSearchIndex(RapporteurDb db) : ISearchIndex
{
    // ts_rank's weights run D, C, B, A; the title is A and the text B: a title word counts four times a text word, as in bm25(4.0, 1.0).
    private const string Weights = "'{0, 0, 0.25, 1}'";

    // One fragment of about sixteen words around the matches, like FTS5's snippet(..., 16); the
    // query adds FTS5's ellipsis where the fragment leaves text out before or after it, and the
    // closing punctuation ts_headline drops when the fragment runs to the end.
    private static readonly string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1";

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        SearchAsync(SearchTerms.Of(query), limit, cancellationToken);

    /// <summary>The tsvector is a generated column of the row: PostgreSQL indexes each document as it is stored.</summary>
    public Task IndexAsync(IReadOnlyCollection<long> documentIds, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchTerms terms, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        using var command = (NpgsqlCommand)connection.CreateCommand();
        var query = ToTsQuery(terms, command);
        if (query.Length == 0)
        {
            return [];
        }
        // Rank and cut first, then make snippets for the page of hits only. Each step is fenced
        // (MATERIALIZED, OFFSET 0) because PostgreSQL would otherwise copy an expression into every
        // place that names it: ts_headline, which parses the whole text, would run once per reference.
        // The fragment opens the text when the text, less leading space, starts with it; it closes the
        // text when the text less its trailing space and punctuation ends with the fragment less the
        // same, and then the punctuation ts_headline dropped is put back. The limit is written in, not
        // bound: for a bound LIMIT the planner guesses a tenth of the rows, which makes the prepared
        // statement's generic plan look dearer than planning afresh, and every search would be planned.
        command.CommandText = $"""
            WITH q AS MATERIALIZED (SELECT {query} AS query),
            top AS (
                SELECT d."Id", ts_rank({Weights}, d.search, q.query, 1) AS score
                FROM documents d, q
                WHERE d.search @@ q.query
                ORDER BY score DESC, d."Id"
                LIMIT {limit.ToString(CultureInfo.InvariantCulture)}),
            hit AS MATERIALIZED (
                SELECT top."Id", top.score, d."SourceId", d."Title", d."Text",
                       ts_headline('{PostgresRapporteurDb.SearchConfiguration}', d."Text", q.query, @options) AS snip
                FROM top
                JOIN documents d ON d."Id" = top."Id"
                CROSS JOIN q)
            SELECT hit."Id", hit."SourceId", hit."Title", s."Origin",
                   CASE WHEN e.opens THEN '' ELSE '…' END
                   || hit.snip ||
                   CASE WHEN right(e.body, length(e.cut)) = e.cut
                        THEN rtrim(substr(hit."Text", length(e.body) - length(e.cut) + length(p.plain) + 1), E' \t\r\n') ELSE '…' END,
                   hit.score
            FROM hit
            JOIN sources s ON s."Id" = hit."SourceId"
            CROSS JOIN LATERAL (SELECT replace(replace(hit.snip, chr(2), ''), chr(3), '') AS plain OFFSET 0) p
            CROSS JOIN LATERAL (
                SELECT starts_with(ltrim(hit."Text", E' \t\r\n'), p.plain) AS opens,
                       rtrim(hit."Text", E' \t\r\n.,;:!?"') AS body,
                       rtrim(p.plain, E' \t\r\n.,;:!?"') AS cut
                OFFSET 0) e
            ORDER BY hit.score DESC, hit."Id"
            """;
        command.Parameters.Add(new NpgsqlParameter("options", NpgsqlDbType.Text) { Value = HeadlineOptions });
        // Npgsql keeps a prepared statement per text and connection: a search of a shape seen before
        // (as many groups and phrases, the same limit) is neither parsed nor planned again.
        await command.PrepareAsync(cancellationToken);
        var hits = new List<SearchHit>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(SearchHit.Read(reader, reader.GetFloat(5)));
        }
        return hits;
    }

    /// <summary>
    /// A tsquery expression for groups of phrases, each phrase a parameter read by phraseto_tsquery:
    /// (phrase OR phrase) AND (phrase). Phrases are rebuilt from their words, as for FTS5, and never
    /// become SQL or tsquery syntax. Empty when no group has a word.
    /// </summary>
    private static string ToTsQuery(SearchTerms terms, NpgsqlCommand command)
    {
        var groups = new List<string>();
        foreach (var group in terms.Groups)
        {
            var phrases = group.Select(p => string.Join(' ', SearchQuery.Terms(p))).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (phrases.Count == 0)
            {
                continue;
            }
            var alternatives = new StringBuilder("(");
            foreach (var phrase in phrases)
            {
                var name = "p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = phrase });
                if (alternatives.Length > 1)
                {
                    alternatives.Append(" || ");
                }
                alternatives.Append(CultureInfo.InvariantCulture, $"phraseto_tsquery('{PostgresRapporteurDb.SearchConfiguration}', @{name})");
            }
            groups.Add(alternatives.Append(')').ToString());
        }
        return string.Join(" && ", groups);
    }
}
