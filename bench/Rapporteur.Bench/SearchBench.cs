using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Store;
using Rapporteur.Store.Search;

namespace Rapporteur.Bench;

/// <summary>
/// Search latency at scale:
///   dotnet run -c Release --project bench/Rapporteur.Bench -- search [documents] [queries] [db] [--reuse]
/// Loads a generated corpus (1,000,000 short documents by default) into a fresh database (a SQLite
/// file in a temporary folder unless a PostgreSQL connection string is given), then runs 1-2 term
/// queries through the search interface (ranked, with snippets) and the same queries as the engine's
/// own raw query on the same data, each query twice on both, once going first and once second,
/// and prints p50/p99 of both and their ratio.
/// With --reuse after the arguments, a database that already holds exactly that many documents
/// (from an earlier run with the same count on the same db) is searched as it is, without
/// loading again; an empty one is loaded and kept, and one with any other count is refused.
/// Loading a million documents into PostgreSQL takes minutes; this lets the query phase be re-run.
/// </summary>
internal static class SearchBench
{
    public static async Task<int> RunAsync(string[] arguments)
    {
        var reuse = arguments.Contains("--reuse", StringComparer.Ordinal);
        var args = arguments.Where(a => a != "--reuse").ToArray();
        // Whole sources of ten documents each.
        var documents = (args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000) / 10 * 10;
        var queryCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var folder = Path.Combine(Path.GetTempPath(), "rapporteur-search-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var location = args.Length > 3 ? args[3] : Path.Combine(folder, "search.db");
        try
        {
            await using var db = await Database.OpenAsync(location, CancellationToken.None);
            var corpus = new SearchCorpus(seed: 7);
            var present = reuse ? await db.Documents.LongCountAsync() : 0;
            Console.WriteLine(FormattableString.Invariant($"provider {db.Database.ProviderName}"));
            Console.WriteLine(FormattableString.Invariant($"documents {documents}"));
            if (present == documents && documents > 0)
            {
                Console.WriteLine(FormattableString.Invariant($"reused_documents {present}"));
            }
            else if (present != 0)
            {
                await Console.Error.WriteLineAsync(FormattableString.Invariant($"--reuse: the database holds {present} documents, not {documents}; give an empty database or the same count"));
                return 1;
            }
            else
            {
                var load = Stopwatch.StartNew();
                await LoadAsync(db, corpus, documents);
                load.Stop();
                Console.WriteLine(FormattableString.Invariant($"load_seconds {load.Elapsed.TotalSeconds:0}"));
            }

            var index = Database.SearchIndex(db);
            var raw = RawQuery.For(db);
            var queries = corpus.Queries(queryCount);
            // One pass to warm caches and the JIT, then the measured passes.
            foreach (var q in queries.Take(20))
            {
                await index.SearchAsync(q, 10, CancellationToken.None);
                await raw.RunAsync(q, 10);
            }
            var ours = new List<double>();
            var engine = new List<double>();
            var hits = 0L;
            // Whichever side runs a query second finds the pages it reads in the database's buffers,
            // read there by the first. So every query runs twice on each side: in the first pass the
            // store goes first, in the second the raw query does.
            foreach (var storeFirst in (bool[])[true, false])
            {
                foreach (var q in queries)
                {
                    if (storeFirst)
                    {
                        hits += await TimeAsync(async () => (await index.SearchAsync(q, 10, CancellationToken.None)).Count, ours);
                        await TimeAsync(() => raw.RunAsync(q, 10), engine);
                    }
                    else
                    {
                        await TimeAsync(() => raw.RunAsync(q, 10), engine);
                        hits += await TimeAsync(async () => (await index.SearchAsync(q, 10, CancellationToken.None)).Count, ours);
                    }
                }
            }
            Console.WriteLine(FormattableString.Invariant($"queries {queries.Count}"));
            Console.WriteLine(FormattableString.Invariant($"mean_hits_per_query {(double)hits / ours.Count:0.0}"));
            Report("search", ours);
            Report("raw", engine);
            Console.WriteLine(FormattableString.Invariant($"p50_ratio {Percentile(ours, 0.5) / Percentile(engine, 0.5):0.00}"));
            Console.WriteLine(FormattableString.Invariant($"p99_ratio {Percentile(ours, 0.99) / Percentile(engine, 0.99):0.00}"));
            Console.WriteLine(FormattableString.Invariant($"peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>Runs one query, adds its milliseconds to the list, and returns how many hits it gave.</summary>
    private static async Task<int> TimeAsync(Func<Task<int>> query, List<double> milliseconds)
    {
        var clock = Stopwatch.StartNew();
        var hits = await query();
        milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        return hits;
    }

    private static void Report(string name, List<double> milliseconds)
    {
        Console.WriteLine(FormattableString.Invariant($"{name}_p50_ms {Percentile(milliseconds, 0.5):0.00}"));
        Console.WriteLine(FormattableString.Invariant($"{name}_p99_ms {Percentile(milliseconds, 0.99):0.00}"));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>
    /// Ten documents per source, 2,000 sources per transaction, through prepared inserts: the index
    /// is filled by the database's own triggers or generated columns, as on ingest.
    /// </summary>
    private static async Task LoadAsync(RapporteurDb db, SearchCorpus corpus, int documents)
    {
        const int perSource = 10;
        const int sourcesPerBatch = 2_000;
        var connection = db.Database.GetDbConnection();
        var now = DateTimeOffset.UtcNow;
        for (var first = 0; first < documents; first += perSource * sourcesPerBatch)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var source = Command(connection, transaction, """
                INSERT INTO sources ("Sha256", "MediaType", "Origin", "CapturedAt", "Sensitivity", "ByteCount", "Bytes", "Text")
                VALUES (@sha, 'text/plain', @origin, @at, 1, 0, @bytes, '') RETURNING "Id"
                """, "sha", "origin", "at", "bytes");
            // A source's documents in one statement: one round trip per source, not per document.
            await using var document = Command(connection, transaction,
                "INSERT INTO documents (\"SourceId\", \"Ordinal\", \"Title\", \"Text\", \"OffsetMap\", \"Mentions\") VALUES "
                + string.Join(", ", Enumerable.Range(0, perSource).Select(i => FormattableString.Invariant($"(@source, {i}, @title{i}, @text{i}, '[]', '[]')"))),
                ["source", .. Enumerable.Range(0, perSource).SelectMany(i => new[] { $"title{i}", $"text{i}" })]);
            for (var s = first; s < Math.Min(documents, first + (perSource * sourcesPerBatch)); s += perSource)
            {
                source.Parameters["sha"].Value = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(s)));
                source.Parameters["origin"].Value = FormattableString.Invariant($"generated/{s / perSource}.txt");
                source.Parameters["at"].Value = now;
                source.Parameters["bytes"].Value = Array.Empty<byte>();
                var sourceId = Convert.ToInt64(await source.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                document.Parameters["source"].Value = sourceId;
                for (var d = s; d < s + perSource; d++)
                {
                    var (title, text) = corpus.Document(d);
                    document.Parameters[$"title{d - s}"].Value = title;
                    document.Parameters[$"text{d - s}"].Value = text;
                }
                await document.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params IEnumerable<string> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>The engine's own ranked query with snippets, on the same table, without the store's layer.</summary>
    private sealed class RawQuery(DbConnection connection, string sql, Func<SearchTerms, string> match)
    {
        public static RawQuery For(RapporteurDb db)
        {
            var connection = db.Database.GetDbConnection();
            if (db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal))
            {
                return new RawQuery(connection, """
                    SELECT rowid, snippet(documents_fts, 1, char(2), char(3), '…', 16), bm25(documents_fts, 4.0, 1.0) AS score
                    FROM documents_fts WHERE documents_fts MATCH @match ORDER BY score LIMIT @limit
                    """, SearchQuery.ToFts5);
            }
            // The tsquery of all the query's words, from the database's own parser; the matches marked as the store marks them.
            const string options = "StartSel=\u0002, StopSel=\u0003, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1";
            return new RawQuery(connection, $$"""
                SELECT "Id", ts_headline('rapporteur_search', "Text", q, '{{options}}'),
                       ts_rank('{0, 0, 0.25, 1}', search, q, 1) AS score
                FROM documents, plainto_tsquery('rapporteur_search', @match) q
                WHERE search @@ q ORDER BY score DESC LIMIT @limit
                """, terms => string.Join(' ', terms.Groups.SelectMany(g => g)));
        }

        private DbCommand? command;

        // Prepared once, as the store's own search prepares its statement once. Returns the number of hits.
        public async Task<int> RunAsync(string query, int limit)
        {
            if (command is null)
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                var m = command.CreateParameter();
                m.ParameterName = "match";
                m.Value = "";
                command.Parameters.Add(m);
                var l = command.CreateParameter();
                l.ParameterName = "limit";
                l.Value = limit;
                command.Parameters.Add(l);
                await command.PrepareAsync();
            }
            command.Parameters["match"].Value = match(SearchTerms.Of(query));
            command.Parameters["limit"].Value = limit;
            await using var reader = await command.ExecuteReaderAsync();
            var hits = 0;
            while (await reader.ReadAsync())
            {
                _ = reader.GetValue(1);
                hits++;
            }
            return hits;
        }
    }
}

/// <summary>
/// Short fictional documents over a Zipf-distributed vocabulary of invented words, with names and
/// places mixed in, so that query terms have posting lists of every length, as in a real archive.
/// </summary>
internal sealed class SearchCorpus(int seed)
{
    private static readonly string[] Syllables = ["ka", "ri", "mo", "sa", "do", "nu", "ta", "be", "la", "zi", "go", "ra", "she", "yu", "to", "ba", "ni", "khu", "dja", "mir", "ol", "an", "er", "us"];
    private static readonly string[] Places = ["Dushanbe", "Khorog", "Khujand", "Bishkek", "Osh", "Almaty", "Astana", "Tashkent", "Nukus", "Samarkand", "Ashgabat", "Shymkent", "Karakol", "Termez"];
    private readonly string[] vocabulary = Vocabulary(seed, 30_000);
    private readonly double[] cumulative = Zipf(30_000);

    public (string Title, string Text) Document(int number)
    {
        var random = new Random(unchecked((seed * 7_919) + number));
        var title = $"{Places[random.Next(Places.Length)]} {Word(random)} {Word(random)}";
        var text = new StringBuilder();
        var words = 60 + random.Next(60);
        for (var i = 0; i < words; i++)
        {
            text.Append(i % 12 == 0 && i > 0 ? ". " : " ").Append(i % 17 == 5 ? Places[random.Next(Places.Length)] : Word(random));
        }
        return (title, text.Append('.').ToString().TrimStart());
    }

    /// <summary>One- and two-word queries, terms drawn from the frequent, the middling and the rare.</summary>
    public List<string> Queries(int count)
    {
        var random = new Random(seed + 1);
        var queries = new List<string>();
        for (var i = 0; i < count; i++)
        {
            string Term() => vocabulary[(i % 3) switch { 0 => random.Next(50), 1 => 50 + random.Next(2_000), _ => 2_050 + random.Next(20_000) }];
            queries.Add(i % 2 == 0 ? Term() : $"{Term()} {Term()}");
        }
        return queries;
    }

    private string Word(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return vocabulary[Math.Min(vocabulary.Length - 1, index < 0 ? ~index : index)];
    }

    private static string[] Vocabulary(int seed, int size)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            var word = new StringBuilder();
            for (var s = random.Next(2, 5); s > 0; s--)
            {
                word.Append(Syllables[random.Next(Syllables.Length)]);
            }
            words.Add(word.ToString());
        }
        return [.. words];
    }

    private static double[] Zipf(int size)
    {
        var weights = Enumerable.Range(1, size).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var cumulative = new double[size];
        var running = 0.0;
        for (var i = 0; i < size; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }
        return cumulative;
    }
}
