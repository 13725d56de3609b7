using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapporteur.Core.Extraction;
using Rapporteur.Core.Sources;
using Rapporteur.Store;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Jobs;
using Rapporteur.Store.Postgres;
using Rapporteur.Store.Review;

namespace Rapporteur.Bench;

/// <summary>
/// Kills the real `rapporteur` with SIGKILL while it ingests a generated corpus, runs the same
/// work again to completion, and checks that the store is whole: integrity, complete sources, a
/// search index in step with the documents, every input exactly once. Most trials kill once the
/// store holds more sources than a number drawn from the corpus's size, so the kills spread over
/// the storing; one in five kills at a random time, which may fall in start-up or in the name
/// resolution at the end. A run that ends before its kill is done again on a new store. On
/// SQLite, trials alternate between `ingest FOLDER` and `worker --drain` over an `enqueue`d
/// folder. Given a PostgreSQL server (<paramref name="postgres"/>), each trial runs two `worker
/// --drain` processes on a fresh database of that server and kills both, or one while the other goes on.
/// </summary>
public sealed class CrashHarness(string rapporteur, int articles, int seed, TextWriter log, string? postgres = null)
{
    /// <summary>A worker's lease in the trials: short, so the restarted worker takes over the dead one's jobs quickly.</summary>
    private const int LeaseSeconds = 2;

    /// <summary>Runs of one trial before it is given up as never killed: each ended before its kill.</summary>
    private const int MaxAttempts = 10;

    public async Task<CrashReport> RunAsync(int trials, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        // Poll intervals and waits take their own draws, so a trial's aim does not hang on how often the store was polled.
        var jitter = new Random(seed + 1);
        var root = Path.Combine(Path.GetTempPath(), "rapporteur-crash-" + Guid.NewGuid().ToString("N")[..8]);
        var violations = new List<string>();
        int kills = 0, nothingStored = 0, midWork = 0, allStored = 0, atRandomTimes = 0, redos = 0, notKilled = 0;
        // Per kind of run, for the kills at a random time: how long it takes, measured once
        // uninterrupted and shortened whenever such a run ends before its kill.
        var lengths = new Dictionary<Kind, TimeSpan>();
        try
        {
            for (var trial = 0; trial < trials; trial++)
            {
                var kind = postgres is not null ? Kind.Workers : trial % 2 == 1 ? Kind.Worker : Kind.Ingest;
                // 5 is odd, so these alternate between the kinds (and, with two workers, between the victims).
                var atRandomTime = trial % 5 == 2;
                var folder = Path.Combine(root, trial.ToString(CultureInfo.InvariantCulture));
                var inputs = Path.Combine(folder, "in");
                var db = postgres is null ? Path.Combine(folder, "r.db") : TrialDatabase(postgres, trial);
                var expected = WriteCorpus(inputs, seed * 7919 + trial);
                var lease = LeaseSeconds.ToString(CultureInfo.InvariantCulture);
                string[] work = kind == Kind.Ingest
                    ? ["ingest", inputs, "--db", db]
                    : ["worker", "--drain", "--concurrency", "2", "--lease", lease, "--db", db];
                var processes = kind == Kind.Workers ? 2 : 1;
                // With two workers, every other trial kills one and lets the other take over its jobs.
                var victims = kind == Kind.Workers && trial % 2 == 1 ? 1 : processes;
                Aim aim;
                Run run;
                for (var attempt = 1; ; attempt++)
                {
                    // The schema (and, for workers, the queue) is made before any kill: the trial is about ingestion.
                    await PrepareStoreAsync(db, kind == Kind.Ingest ? null : inputs, cancellationToken);
                    if (atRandomTime && !lengths.ContainsKey(kind))
                    {
                        lengths[kind] = (await RunAsync(work, processes, null, null, 0, jitter, cancellationToken)).Elapsed;
                        // That run did the whole job; the trial starts again from an empty store.
                        await RemoveStoreAsync(db, folder);
                        await PrepareStoreAsync(db, kind == Kind.Ingest ? null : inputs, cancellationToken);
                    }
                    aim = atRandomTime
                        ? new Aim(TimeSpan.FromMilliseconds(random.NextDouble() * lengths[kind].TotalMilliseconds), null)
                        : new Aim(null, random.Next(expected.Count));
                    run = await RunAsync(work, processes, db, aim, victims, jitter, cancellationToken);
                    if (run.StoredAtKill is not null || attempt == MaxAttempts)
                    {
                        break;
                    }
                    redos++;
                    if (atRandomTime)
                    {
                        // The machine got faster than when it was measured: aim the next kills inside this run's length.
                        lengths[kind] = run.Elapsed * 0.9;
                    }
                    await RemoveStoreAsync(db, folder);
                }
                if (run.StoredAtKill is { } stored)
                {
                    kills++;
                    atRandomTimes += atRandomTime ? 1 : 0;
                    if (stored == 0)
                    {
                        nothingStored++;
                    }
                    else if (stored < expected.Count)
                    {
                        midWork++;
                    }
                    else
                    {
                        allStored++;
                    }
                }
                else
                {
                    notKilled++;
                }
                await RunAsync(work, 1, null, null, 0, jitter, cancellationToken);
                foreach (var violation in await CheckAsync(db, expected, kind != Kind.Ingest, cancellationToken))
                {
                    var how = run.StoredAtKill is { } atKill
                        ? FormattableString.Invariant($"{victims} of {processes} killed {aim}, {run.KilledAt?.TotalMilliseconds:0} ms in, {atKill} sources stored then")
                        : FormattableString.Invariant($"not killed in {MaxAttempts} runs");
                    var line = FormattableString.Invariant($"violation trial {trial} ({kind}, {how}): {violation}");
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
        return new CrashReport(trials, kills, nothingStored, midWork, allStored, atRandomTimes, redos, notKilled, violations);
    }

    /// <summary>
    /// When to kill: at a time after the start (<paramref name="At"/>), or once the store holds
    /// more than <paramref name="Beyond"/> sources.
    /// </summary>
    private sealed record Aim(TimeSpan? At, int? Beyond)
    {
        public override string ToString() => At is { } at
            ? FormattableString.Invariant($"at {at.TotalMilliseconds:0} ms")
            : FormattableString.Invariant($"once more than {Beyond} sources were stored");
    }

    /// <summary>A connection of the harness's own to the trial's store, to count its sources while `rapporteur` writes.</summary>
    private static async Task<DbConnection> OpenCounterAsync(string db, CancellationToken cancellationToken)
    {
        // Read-only on SQLite: in WAL mode a reader neither waits for the writer nor holds it up,
        // and it cannot checkpoint, so what a killed writer left is still there for the restart to recover.
        DbConnection connection = PostgresConnection.IsConnectionString(db)
            ? new NpgsqlConnection(db)
            : new SqliteConnection($"Data Source={Path.GetFullPath(db)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<int> StoredAsync(DbConnection counter, CancellationToken cancellationToken)
    {
        await using var command = counter.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sources";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits for <paramref name="aim"/>'s moment; false if every process ended first. A count is
    /// seen at the first poll after the commit that made it; so once it is past the aim, a further
    /// random part of the last gap between two counts is waited, and the kill lands anywhere
    /// before the next commit rather than just after one.
    /// </summary>
    private static async Task<bool> DueAsync(Aim aim, Task all, DbConnection counter, Random jitter, CancellationToken cancellationToken)
    {
        if (aim.At is { } at)
        {
            return await Task.WhenAny(all, Task.Delay(at, cancellationToken)) != all;
        }
        var clock = Stopwatch.StartNew();
        var last = 0;
        TimeSpan? changed = null, gap = null;
        while (!all.IsCompleted)
        {
            var stored = await StoredAsync(counter, cancellationToken);
            if (stored > last)
            {
                // The first change's gap would be start-up, not the time between commits.
                gap = changed is { } before ? clock.Elapsed - before : null;
                changed = clock.Elapsed;
                last = stored;
            }
            if (stored > aim.Beyond)
            {
                var wait = gap is { } between ? TimeSpan.FromMilliseconds(jitter.NextDouble() * Math.Min(between.TotalMilliseconds, 1000)) : TimeSpan.Zero;
                return await Task.WhenAny(all, Task.Delay(wait, cancellationToken)) != all;
            }
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(20 + jitter.Next(31)), cancellationToken));
        }
        return false;
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

    /// <summary>How long a run took and, when it was killed, when that was and how many sources the store held then.</summary>
    private sealed record Run(TimeSpan Elapsed, TimeSpan? KilledAt, int? StoredAtKill);

    /// <summary>
    /// Runs <paramref name="count"/> copies of `rapporteur` with <paramref name="args"/> at once;
    /// given an <paramref name="aim"/>, sends SIGKILL at its moment to the first
    /// <paramref name="victims"/> still running and counts the sources in <paramref name="db"/>
    /// just before, its own connection closed. A copy that ends by itself must exit 0.
    /// </summary>
    private async Task<Run> RunAsync(string[] args, int count, string? db, Aim? aim, int victims, Random jitter, CancellationToken cancellationToken)
    {
        // Opened before the processes start, so the first poll costs no connecting.
        await using var counter = aim is not null && db is not null ? await OpenCounterAsync(db, cancellationToken) : null;
        var clock = Stopwatch.StartNew();
        var children = Enumerable.Range(0, count).Select(_ => new Child(rapporteur, args)).ToList();
        TimeSpan? killedAt = null;
        int? storedAtKill = null;
        try
        {
            var all = Task.WhenAll(children.Select(c => c.Exited(cancellationToken)));
            if (aim is not null && counter is not null && await DueAsync(aim, all, counter, jitter, cancellationToken))
            {
                // Counted just before the kill, and the harness's connection closed before it: a
                // connection still open at the kill would keep SQLite's shared WAL index alive, and
                // the restart would not have to recover it as it must after a real crash.
                var stored = await StoredAsync(counter, cancellationToken);
                await counter.CloseAsync();
                foreach (var child in children.Where(c => !c.HasExited).Take(victims))
                {
                    // SIGKILL on Unix: no finally blocks, no disposal, no flush; what is on disk is all there is.
                    child.Kill();
                    killedAt = clock.Elapsed;
                    storedAtKill = stored;
                }
            }
            if (counter is not null)
            {
                // Closed before anything else opens the store: the restart finds it as the kill left it.
                await counter.CloseAsync();
            }
            await all;
            clock.Stop();
            foreach (var child in children.Where(c => !c.WasKilled && c.ExitCode != 0))
            {
                throw new InvalidOperationException($"`rapporteur {string.Join(' ', args)}` exited {child.ExitCode}:\n{child.Output}");
            }
            return new Run(clock.Elapsed, killedAt, storedAtKill);
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    /// <summary>One `rapporteur` process, its output gathered.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        public Child(string rapporteur, string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(rapporteur);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            process = new Process { StartInfo = start };
            DataReceivedEventHandler gather = (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            };
            process.OutputDataReceived += gather;
            process.ErrorDataReceived += gather;
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

        public Task Exited(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

        public void Kill()
        {
            process.Kill();
            WasKilled = true;
        }

        public void Dispose()
        {
            // A run the harness gave up on (it threw) must not go on writing behind the next trial.
            if (!process.HasExited)
            {
                process.Kill();
            }
            process.Dispose();
        }
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
            ("documents still waiting for extraction", "SELECT count(*) FROM extraction_pending"),
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
            var wantSuggestions = prepared.Documents.Sum(d => Suggestions.Of(0, d.Text, Extractor.Default.Extract(d.Text, d.Published)).Count());
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
