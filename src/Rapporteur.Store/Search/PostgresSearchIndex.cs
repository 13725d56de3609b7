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

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchTerms terms, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
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
        command.CommandText = $"""
            WITH q AS (SELECT {query} AS query),
            ranked AS (
                SELECT d."Id", ts_rank({Weights}, d.search, q.query, 1) AS score
                FROM documents d, q
                WHERE d.search @@ q.query
                ORDER BY score DESC, d."Id"
                LIMIT @limit)
            SELECT d."Id", d."SourceId", d."Title", s."Origin",
                   CASE WHEN h.at <= 1 + length(d."Text") - length(ltrim(d."Text", E' \t\r\n')) THEN '' ELSE '…' END
                   || h.snip ||
                   CASE WHEN h.at + length(h.plain) > length(rtrim(d."Text", E' \t\r\n.,;:!?"'))
                        THEN rtrim(substr(d."Text", h.at + length(h.plain)), E' \t\r\n') ELSE '…' END,
                   ranked.score
            FROM ranked
            JOIN documents d ON d."Id" = ranked."Id"
            JOIN sources s ON s."Id" = d."SourceId"
            CROSS JOIN q
            CROSS JOIN LATERAL (SELECT ts_headline('{PostgresRapporteurDb.SearchConfiguration}', d."Text", q.query, @options) AS snip) hl
            CROSS JOIN LATERAL (SELECT replace(replace(hl.snip, chr(2), ''), chr(3), '') AS plain) p
            CROSS JOIN LATERAL (SELECT hl.snip, p.plain, position(p.plain IN d."Text") AS at) h
            ORDER BY ranked.score DESC, d."Id"
            """;
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        command.Parameters.Add(new NpgsqlParameter("options", NpgsqlDbType.Text) { Value = HeadlineOptions });
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
