using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapporteur.Core.Sources;
using Rapporteur.Store;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Jobs;
using Rapporteur.Store.Postgres;
using Rapporteur.Store.Review;

namespace Rapporteur.Bench;

/// <summary>
/// Kills the real `rapporteur` at a random moment while it ingests a generated corpus, runs the
/// same work again to completion, and checks that the store is whole: integrity, complete
/// sources, a search index in step with the documents, every input exactly once. On SQLite,
/// trials alternate between `ingest FOLDER` and `worker --drain` over an `enqueue`d folder. Given
/// a PostgreSQL server (<paramref name="postgres"/>), each trial runs two `worker --drain`
/// processes on a fresh database of that server and kills both, or one while the other goes on.
/// </summary>
public sealed class CrashHarness(string rapporteur, int articles, int seed, TextWriter log, string? postgres = null)
{
    /// <summary>A worker's lease in the trials: short, so the restarted worker takes over the dead one's jobs quickly.</summary>
    private const int LeaseSeconds = 2;

    public async Task<CrashReport> RunAsync(int trials, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var root = Path.Combine(Path.GetTempPath(), "rapporteur-crash-" + Guid.NewGuid().ToString("N")[..8]);
        var violations = new List<string>();
        int kills = 0, midWork = 0, finished = 0;
        // Per kind of run: when its first line of output came (start-up done, something committed)
        // and when it ended, measured once uninterrupted and shortened whenever a run ends before
        // its kill; kills land anywhere from the second half of start-up (opening the store) to the end.
        var timing = new Dictionary<Kind, (TimeSpan First, TimeSpan End)>();
        try
        {
            for (var trial = 0; trial < trials; trial++)
            {
                var kind = postgres is not null ? Kind.Workers : trial % 2 == 1 ? Kind.Worker : Kind.Ingest;
                var folder = Path.Combine(root, trial.ToString(CultureInfo.InvariantCulture));
                var inputs = Path.Combine(folder, "in");
                var db = postgres is null ? Path.Combine(folder, "r.db") : TrialDatabase(postgres, trial);
                var expected = WriteCorpus(inputs, seed * 7919 + trial);
                var lease = LeaseSeconds.ToString(CultureInfo.InvariantCulture);
                string[] work = kind == Kind.Ingest
                    ? ["ingest", inputs, "--db", db]
                    : ["worker", "--drain", "--concurrency", "2", "--lease", lease, "--db", db];
                var processes = kind == Kind.Workers ? 2 : 1;
                // The schema (and, for workers, the queue) is made before any kill: the trial is about ingestion.
                await PrepareStoreAsync(db, kind == Kind.Ingest ? null : inputs, cancellationToken);
                if (!timing.TryGetValue(kind, out var times))
                {
                    var calibration = await RunAsync(work, processes, null, 0, cancellationToken);
                    times = timing[kind] = (calibration.FirstOutput ?? calibration.Elapsed, calibration.Elapsed);
                    // That run did the whole job; the trial starts again from an empty store.
                    await RemoveStoreAsync(db, folder);
                    await PrepareStoreAsync(db, kind == Kind.Ingest ? null : inputs, cancellationToken);
                }
                var from = times.First.TotalMilliseconds * 0.5;
                var killAfter = TimeSpan.FromMilliseconds(from + random.NextDouble() * Math.Max(1, times.End.TotalMilliseconds - from));
                // With two workers, every other trial kills one and lets the other take over its jobs.
                var victims = kind == Kind.Workers && trial % 2 == 1 ? 1 : processes;
                var run = await RunAsync(work, processes, killAfter, victims, cancellationToken);
                if (run.Killed)
                {
                    kills++;
                    var stored = await StoredAsync(db, cancellationToken);
                    if (stored > 0 && stored < expected.Count)
                    {
                        midWork++;
                    }
                }
                else
                {
                    finished++;
                    // The machine got faster than when it was measured: aim the next kills inside this run's length.
                    timing[kind] = (times.First, run.Elapsed * 0.9);
                }
                await RunAsync(work, 1, null, 0, cancellationToken);
                foreach (var violation in await CheckAsync(db, expected, kind != Kind.Ingest, cancellationToken))
                {
                    var line = FormattableString.Invariant($"violation trial {trial} ({kind}, {(run.Killed ? $"{victims} of {processes} killed" : "not killed")} after {killAfter.TotalMilliseconds:0} ms): {violation}");
                    log.WriteLine(line);
                    violations.Add(line);
                }
                await RemoveStoreAsync(db, folder);
                Directory.Delete(folder, recursive: true);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        return new CrashReport(trials, kills, midWork, finished, violations);
    }

    private static async Task<int> StoredAsync(string db, CancellationToken cancellationToken)
    {
        int count;
        await using (var store = await Database.OpenAsync(db, cancellationToken))
        {
            count = await store.Sources.CountAsync(cancellationToken);
        }
        SqliteConnection.ClearAllPools();
        return count;
    }

    private enum Kind
    {
        Ingest,
        Worker,
        Workers,
    }

    // A database of its own per trial on the server, without pooling so that it can be dropped.
    private string TrialDatabase(string server, int trial) =>
        new NpgsqlConnectionStringBuilder(server) { Database = FormattableString.Invariant($"rapporteur_crash_{seed}_{trial}_{Guid.NewGuid().ToString("N")[..6]}"), Pooling = false }.ConnectionString;

    private static async Task RemoveStoreAsync(string db, string folder)
    {
        SqliteConnection.ClearAllPools();
        if (!PostgresConnection.IsConnectionString(db))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "r.db*"))
            {
                File.Delete(file);
            }
            return;
        }
        var builder = new NpgsqlConnectionStringBuilder(db);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task PrepareStoreAsync(string db, string? enqueue, CancellationToken cancellationToken)
    {
        await using (var store = await Database.OpenAsync(db, cancellationToken))
        {
            if (enqueue is not null)
            {
                await new JobQueue(store, TimeProvider.System).EnqueueAsync([enqueue], cancellationToken);
            }
        }
        SqliteConnection.ClearAllPools();
    }

    // The generated articles, with a few copies under other names: the store must hold each text once.
    private HashSet<string> WriteCorpus(string folder, int corpusSeed)
    {
        Directory.CreateDirectory(folder);
        var generator = new ArticleGenerator(corpusSeed);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < articles; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(generator.Next(i));
            File.WriteAllBytes(Path.Combine(folder, FormattableString.Invariant($"{i:00000}.txt")), bytes);
            if (i % 20 == 0)
            {
                File.WriteAllBytes(Path.Combine(folder, FormattableString.Invariant($"{i:00000}-copy.txt")), bytes);
            }
            hashes.Add(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        return hashes;
    }

    private sealed record Run(bool Killed, TimeSpan? FirstOutput, TimeSpan Elapsed);

    /// <summary>
    /// Runs <paramref name="count"/> copies of `rapporteur` with <paramref name="args"/> at once;
    /// with <paramref name="killAfter"/>, sends SIGKILL then to the first <paramref name="victims"/>
    /// still running. A copy that ends by itself must exit 0.
    /// </summary>
    private async Task<Run> RunAsync(string[] args, int count, TimeSpan? killAfter, int victims, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var children = Enumerable.Range(0, count).Select(_ => new Child(rapporteur, args, clock)).ToList();
        var killed = false;
        try
        {
            var all = Task.WhenAll(children.Select(c => c.Exited(cancellationToken)));
            if (killAfter is { } after && await Task.WhenAny(all, Task.Delay(after, cancellationToken)) != all)
            {
                foreach (var child in children.Where(c => !c.HasExited).Take(victims))
                {
                    // SIGKILL on Unix: no finally blocks, no disposal, no flush; what is on disk is all there is.
                    child.Kill();
                    killed = true;
                }
            }
            await all;
            clock.Stop();
            foreach (var child in children.Where(c => !c.WasKilled && c.ExitCode != 0))
            {
                throw new InvalidOperationException($"`rapporteur {string.Join(' ', args)}` exited {child.ExitCode}:\n{child.Output}");
            }
            var first = children.Select(c => c.FirstOutput).Where(t => t is not null).DefaultIfEmpty(null).Min();
            return new Run(killed, first, clock.Elapsed);
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    /// <summary>One `rapporteur` process, its output gathered and the moment of its first line noted.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private long firstOutput = -1;

        public Child(string rapporteur, string[] args, Stopwatch clock)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(rapporteur);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is null)
                {
                    return;
                }
                Interlocked.CompareExchange(ref firstOutput, clock.ElapsedTicks, -1);
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            };
            process.ErrorDataReceived += (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public bool HasExited => process.HasExited;

        public bool WasKilled { get; private set; }

        public int ExitCode => process.ExitCode;

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public TimeSpan? FirstOutput => Interlocked.Read(ref firstOutput) is var first and >= 0 ? TimeSpan.FromTicks(first * TimeSpan.TicksPerSecond / Stopwatch.Frequency) : null;

        public Task Exited(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

        public void Kill()
        {
            process.Kill();
            WasKilled = true;
        }

        public void Dispose() => process.Dispose();
    }

    /// <summary>
    /// PostgreSQL's own checks: every table's heap and every B-tree index against its table
    /// (amcheck), the stored search vector against the one its text gives now, and the GIN
    /// index finding the same documents as a scan of the table for the most and least common words.
    /// </summary>
    private static async Task<List<string>> PostgresIntegrityAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        async Task<List<string>> Column(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
            }
            return values;
        }
        await Column("CREATE EXTENSION IF NOT EXISTS amcheck");
        var damaged = await Column("""
            SELECT c.relname || ': ' || v.msg FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL verify_heapam(c.oid) v WHERE c.relkind = 'r' AND n.nspname = 'public'
            """);
        problems.AddRange(damaged.Select(d => "heap check: " + d));
        try
        {
            // Raises on the first index that disagrees with its table or with itself.
            await Column("""
                SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.amname = 'btree' AND n.nspname = 'public'
                """);
        }
        catch (PostgresException e)
        {
            problems.Add("B-tree index check: " + e.MessageText);
        }
        var config = PostgresRapporteurDb.SearchConfiguration;
        var stale = (await Column($"""
            SELECT count(*) FROM documents WHERE search IS DISTINCT FROM
                (setweight(to_tsvector('{config}', coalesce("Title", '')), 'A') || setweight(to_tsvector('{config}', "Text"), 'B'))
            """))[0];
        if (stale != "0")
        {
            problems.Add($"documents whose search vector is not their text's: {stale}");
        }
        var words = await Column("""
            (SELECT word FROM ts_stat('SELECT search FROM documents') ORDER BY ndoc DESC, word LIMIT 3)
            UNION (SELECT word FROM ts_stat('SELECT search FROM documents') ORDER BY ndoc, word LIMIT 3)
            """);
        foreach (var word in words)
        {
            var query = $"SELECT count(*) FROM documents WHERE search @@ to_tsquery('{config}', quote_literal('{word.Replace("'", "''", StringComparison.Ordinal)}'))";
            await Column("SET enable_seqscan = off");
            var byIndex = (await Column(query))[0];
            await Column("RESET enable_seqscan; SET enable_indexscan = off; SET enable_bitmapscan = off");
            var byScan = (await Column(query))[0];
            await Column("RESET enable_indexscan; RESET enable_bitmapscan");
            if (byIndex != byScan)
            {
                problems.Add($"search index finds {byIndex} documents for \"{word}\" where the table holds {byScan}");
            }
        }
        return problems;
    }

    /// <summary>The invariants of a store after a crash and a restart; each broken one in words.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(string path, IReadOnlySet<string> expected, bool worker, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using var db = await Database.OpenAsync(path, cancellationToken);
        var connection = db.Database.GetDbConnection();
        async Task<string> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "";
        }
        if (db is PostgresRapporteurDb)
        {
            problems.AddRange(await PostgresIntegrityAsync(connection, cancellationToken));
        }
        else
        {
            var integrity = await Scalar("PRAGMA integrity_check");
            if (integrity != "ok")
            {
                problems.Add("integrity_check: " + integrity);
            }
            try
            {
                // Checks the full-text index against the documents table it indexes.
                await Scalar("INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)");
            }
            catch (SqliteException e)
            {
                problems.Add("search index integrity-check: " + e.Message);
            }
            foreach (var (what, sql) in new[]
            {
                ("documents missing from the search index", "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM documents_fts_docsize z WHERE z.id = d.\"Id\")"),
                ("search index rows without a document", "SELECT count(*) FROM documents_fts_docsize z WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.\"Id\" = z.id)"),
            })
            {
                if (await Scalar(sql) is var count and not "0")
                {
                    problems.Add($"{what}: {count}");
                }
            }
        }
        foreach (var (what, sql) in new[]
        {
            ("documents without a source", "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.\"Id\" = d.\"SourceId\")"),
            ("suggestions without a document", "SELECT count(*) FROM suggestions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.\"Id\" = m.\"DocumentId\")"),
            ("sources stored twice (same SHA-256)", "SELECT count(*) FROM (SELECT \"Sha256\" FROM sources GROUP BY \"Sha256\" HAVING count(*) > 1) twice"),
            ("inputs recorded as failed", "SELECT count(*) FROM failures"),
            ("documents still waiting for names to be resolved", "SELECT count(*) FROM names_pending"),
        })
        {
            var count = await Scalar(sql);
            if (count != "0")
            {
                problems.Add($"{what}: {count}");
            }
        }
        var sources = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.Sha256, s.Origin, s.MediaType, s.CapturedAt, s.Bytes }).ToListAsync(cancellationToken);
        var stored = sources.Select(s => s.Sha256).ToHashSet(StringComparer.Ordinal);
        if (sources.Count != expected.Count || !stored.SetEquals(expected))
        {
            problems.Add(FormattableString.Invariant($"sources {sources.Count} for {expected.Count} distinct inputs; missing {expected.Except(stored).Count()}, unexpected {stored.Except(expected).Count()}"));
        }
        var documents = await db.Documents.AsNoTracking().GroupBy(d => d.SourceId).Select(g => new { SourceId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.SourceId, g => g.Count, cancellationToken);
        var suggestions = await db.Suggestions.AsNoTracking().Join(db.Documents, m => m.DocumentId, d => d.Id, (m, d) => d.SourceId).GroupBy(s => s).Select(g => new { SourceId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.SourceId, g => g.Count, cancellationToken);
        foreach (var source in sources)
        {
            // What a complete source holds is what preparing its bytes again gives.
            var prepared = Ingestion.Prepare(new SourceInput(source.Bytes, source.Origin, source.CapturedAt, source.MediaType), SourceReaders.Default);
            var wantDocuments = prepared.Documents.Count;
            var wantSuggestions = prepared.Extractions.Select((e, i) => Suggestions.Of(0, prepared.Documents[i].Text, e).Count()).Sum();
            var haveDocuments = documents.GetValueOrDefault(source.Id);
            var haveSuggestions = suggestions.GetValueOrDefault(source.Id);
            if (haveDocuments != wantDocuments || haveSuggestions != wantSuggestions)
            {
                problems.Add(FormattableString.Invariant($"source {source.Id} ({source.Origin}) is incomplete: {haveDocuments} of {wantDocuments} documents, {haveSuggestions} of {wantSuggestions} suggestions"));
            }
        }
        if (worker)
        {
            var unfinished = await db.Jobs.AsNoTracking().CountAsync(j => j.State != JobState.Done, cancellationToken);
            if (unfinished > 0)
            {
                problems.Add(FormattableString.Invariant($"jobs not done after the restart ran to the end: {unfinished}"));
            }
        }
        return problems;
    }
}
