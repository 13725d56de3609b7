using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Sources;
using Rapporteur.Store;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Jobs;
using Rapporteur.Store.Review;

namespace Rapporteur.Bench;

/// <summary>
/// Kills the real `rapporteur` at a random moment while it ingests a generated corpus into a
/// SQLite file, runs the same work again to completion, and checks that the store is whole:
/// integrity, complete sources, a search index in step with the documents, every input exactly
/// once. Trials alternate between `ingest FOLDER` and `worker --drain` over an `enqueue`d folder.
/// </summary>
public sealed class CrashHarness(string rapporteur, int articles, int seed, TextWriter log)
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
        var timing = new Dictionary<bool, (TimeSpan First, TimeSpan End)>();
        try
        {
            for (var trial = 0; trial < trials; trial++)
            {
                var worker = trial % 2 == 1;
                var folder = Path.Combine(root, trial.ToString(CultureInfo.InvariantCulture));
                var inputs = Path.Combine(folder, "in");
                var db = Path.Combine(folder, "r.db");
                var expected = WriteCorpus(inputs, seed * 7919 + trial);
                string[] work = worker
                    ? ["worker", "--drain", "--concurrency", "2", "--lease", LeaseSeconds.ToString(CultureInfo.InvariantCulture), "--db", db]
                    : ["ingest", inputs, "--db", db];
                // The schema (and, for a worker, the queue) is made before any kill: the trial is about ingestion.
                await PrepareStoreAsync(db, worker ? inputs : null, cancellationToken);
                if (!timing.TryGetValue(worker, out var times))
                {
                    var calibration = await RunAsync(work, null, cancellationToken);
                    times = timing[worker] = (calibration.FirstOutput ?? calibration.Elapsed, calibration.Elapsed);
                    // That run did the whole job; the trial starts again from an empty store.
                    SqliteConnection.ClearAllPools();
                    foreach (var file in Directory.EnumerateFiles(folder, "r.db*"))
                    {
                        File.Delete(file);
                    }
                    await PrepareStoreAsync(db, worker ? inputs : null, cancellationToken);
                }
                var from = times.First.TotalMilliseconds * 0.5;
                var killAfter = TimeSpan.FromMilliseconds(from + random.NextDouble() * Math.Max(1, times.End.TotalMilliseconds - from));
                var run = await RunAsync(work, killAfter, cancellationToken);
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
                    timing[worker] = (times.First, run.Elapsed * 0.9);
                }
                await RunAsync(work, null, cancellationToken);
                foreach (var violation in await CheckAsync(db, expected, worker, cancellationToken))
                {
                    var line = FormattableString.Invariant($"violation trial {trial} ({(worker ? "worker" : "ingest")}, killed after {killAfter.TotalMilliseconds:0} ms): {violation}");
                    log.WriteLine(line);
                    violations.Add(line);
                }
                SqliteConnection.ClearAllPools();
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
    /// Runs `rapporteur` with <paramref name="args"/>; with <paramref name="killAfter"/>, sends it
    /// SIGKILL then unless it has ended. A run that ends by itself must exit 0.
    /// </summary>
    private async Task<Run> RunAsync(string[] args, TimeSpan? killAfter, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(rapporteur);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = new Process { StartInfo = start };
        var clock = Stopwatch.StartNew();
        var output = new StringBuilder();
        long firstOutput = -1;
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
        var exited = process.WaitForExitAsync(cancellationToken);
        var killed = false;
        if (killAfter is { } after && await Task.WhenAny(exited, Task.Delay(after, cancellationToken)) != exited)
        {
            // SIGKILL on Unix: no finally blocks, no disposal, no flush; what is on disk is all there is.
            process.Kill();
            killed = true;
        }
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        if (!killed && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`rapporteur {string.Join(' ', args)}` exited {process.ExitCode}:\n{output}");
        }
        var first = Interlocked.Read(ref firstOutput);
        return new Run(killed, first < 0 ? null : TimeSpan.FromTicks(first * TimeSpan.TicksPerSecond / Stopwatch.Frequency), clock.Elapsed);
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
            ("documents missing from the search index", "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM documents_fts_docsize z WHERE z.id = d.Id)"),
            ("search index rows without a document", "SELECT count(*) FROM documents_fts_docsize z WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.Id = z.id)"),
            ("documents without a source", "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.Id = d.SourceId)"),
            ("suggestions without a document", "SELECT count(*) FROM suggestions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.Id = m.DocumentId)"),
            ("sources stored twice (same SHA-256)", "SELECT count(*) FROM (SELECT Sha256 FROM sources GROUP BY Sha256 HAVING count(*) > 1)"),
            ("inputs recorded as failed", "SELECT count(*) FROM failures"),
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
