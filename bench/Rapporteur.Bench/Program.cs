using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rapporteur.Bench;
using Rapporteur.Core.Extraction;
using Rapporteur.Core.Names;
using Rapporteur.Core.Sources;
using Rapporteur.Store;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Postgres;

// Benchmarks, not tests: each prints one figure per line.
//   dotnet run -c Release --project bench/Rapporteur.Bench -- ingest [N]    generate N articles, ingest them into a fresh SQLite file (stored, indexed), then extract them
//   dotnet run -c Release --project bench/Rapporteur.Bench -- extract [N]   extraction alone on ~4 KB articles, one thread
//   dotnet run -c Release --project bench/Rapporteur.Bench -- prepare [N]   read + clean + segment on every core, nothing stored
//   dotnet run -c Release --project bench/Rapporteur.Bench -- fuzz [seconds] [reader]   mutated inputs through every reader (FuzzVerb.cs)
//   dotnet run -c Release --project bench/Rapporteur.Bench -- search [documents] [queries] [db] [--reuse]   search latency against the raw engine (SearchBench.cs)
//   dotnet run -c Release --project bench/Rapporteur.Bench -- workers [articles] [workers] [db]   ingest through the job queue by worker processes (WorkersBench.cs)
//   dotnet run -c Release --project bench/Rapporteur.Bench -- resolve [N]   resolve N generated name mentions (default 1,000,000) into persons
//   dotnet run -c Release --project bench/Rapporteur.Bench -- crash [trials] [articles] [seed] ["Host=..."]   kill `rapporteur` mid-ingest, restart, check the store (CrashHarness.cs)
var verb = args.Length > 0 ? args[0] : "ingest";
if (verb == "fuzz")
{
    return FuzzVerb.Run(args);
}
if (verb == "workers")
{
    return await WorkersBench.RunAsync(args);
}
if (verb == "search")
{
    return await SearchBench.RunAsync(args);
}
if (verb == "crash")
{
    var trials = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
    var articles = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
    var seed = args.Length > 3 && !PostgresConnection.IsConnectionString(args[3]) ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42;
    // A PostgreSQL connection string anywhere after the verb: workers on that server instead of SQLite files.
    var server = args.Skip(1).FirstOrDefault(PostgresConnection.IsConnectionString);
    var clock = Stopwatch.StartNew();
    var report = await new CrashHarness(Path.Combine(AppContext.BaseDirectory, "rapporteur.dll"), articles, seed, Console.Out, server).RunAsync(trials, CancellationToken.None);
    Console.WriteLine($"database {(server is null ? "sqlite" : "postgresql")}");
    Console.WriteLine(FormattableString.Invariant($"trials {report.Trials}"));
    Console.WriteLine(FormattableString.Invariant($"articles_per_trial {articles}"));
    Console.WriteLine(FormattableString.Invariant($"kills {report.Kills}"));
    Console.WriteLine(FormattableString.Invariant($"kills_with_part_of_the_corpus_stored {report.KillsMidWork}"));
    Console.WriteLine(FormattableString.Invariant($"kills_with_nothing_stored {report.KillsWithNothingStored}"));
    Console.WriteLine(FormattableString.Invariant($"kills_with_the_whole_corpus_stored {report.KillsWithAllStored}"));
    Console.WriteLine(FormattableString.Invariant($"kills_at_a_random_time {report.KillsAtARandomTime}"));
    // Runs that ended before their kill, done again on a new store; and trials that did so every time.
    Console.WriteLine(FormattableString.Invariant($"redos {report.Redos}"));
    Console.WriteLine(FormattableString.Invariant($"trials_never_killed {report.NotKilled}"));
    Console.WriteLine(FormattableString.Invariant($"violations {report.Violations.Count}"));
    Console.WriteLine(FormattableString.Invariant($"seconds {clock.Elapsed.TotalSeconds:0}"));
    return report.Violations.Count == 0 ? 0 : 1;
}
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : verb == "resolve" ? 1_000_000 : 10_000;
var generator = new ArticleGenerator(seed: 42);

if (verb == "resolve")
{
    // A few hundred thousand invented people for a million mentions: most people are named in two or three documents.
    var names = new NameMentionGenerator(seed: 42, peopleCount: Math.Max(1000, count * 3 / 10));
    var (records, truth) = names.Records(count);
    var mentions = records.Sum(r => r.Spellings.Count);
    GC.Collect();
    var clock = Stopwatch.StartNew();
    var resolution = Resolver.Default.Resolve(records, []);
    clock.Stop();
    var (purity, completeness) = ResolutionScore.Of(resolution, truth);
    Console.WriteLine(FormattableString.Invariant($"people {names.People}"));
    Console.WriteLine(FormattableString.Invariant($"mentions {mentions}"));
    Console.WriteLine(FormattableString.Invariant($"records {records.Count}"));
    Console.WriteLine(FormattableString.Invariant($"persons_found {resolution.Persons.Count}"));
    Console.WriteLine(FormattableString.Invariant($"resolve_seconds {clock.Elapsed.TotalSeconds:0.00}"));
    Console.WriteLine(FormattableString.Invariant($"resolve_mentions_per_second {mentions / clock.Elapsed.TotalSeconds:0}"));
    Console.WriteLine(FormattableString.Invariant($"mention_purity {purity:0.0000}"));
    Console.WriteLine(FormattableString.Invariant($"mention_completeness {completeness:0.0000}"));
    Console.WriteLine(FormattableString.Invariant($"peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000}"));
    return 0;
}

if (verb == "extract")
{
    var articles = Enumerable.Range(0, Math.Min(count, 2000)).Select(generator.Next).ToArray();
    // Warm-up on other articles than the measured ones, for the first 15 seconds of the process:
    // loading the lexicons, compiling the patterns and the JIT's tiers (profile-guided, so a
    // method is compiled three times before its final code) are paid here, and reported apart
    // from the steady rate a long-running worker sees.
    var warmup = Stopwatch.StartNew();
    var warmupArticles = 0;
    while (warmup.Elapsed < TimeSpan.FromSeconds(15))
    {
        Extractor.Default.Extract(generator.Next(count + warmupArticles));
        warmupArticles++;
    }
    warmup.Stop();
    Console.WriteLine(FormattableString.Invariant($"warmup_articles {warmupArticles}"));
    Console.WriteLine(FormattableString.Invariant($"warmup_articles_per_second {warmupArticles / warmup.Elapsed.TotalSeconds:0}"));
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    long bytes = 0;
    for (var i = 0; i < count; i++)
    {
        var text = articles[i % articles.Length];
        bytes += Encoding.UTF8.GetByteCount(text);
        Extractor.Default.Extract(text);
    }
    clock.Stop();
    Console.WriteLine(FormattableString.Invariant($"articles {count}"));
    Console.WriteLine(FormattableString.Invariant($"mean_article_bytes {bytes / count}"));
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    Console.WriteLine(FormattableString.Invariant($"extract_articles_per_second {count / clock.Elapsed.TotalSeconds:0}"));
    // Per second of processor time (garbage collection included): steadier than the wall clock on a busy machine.
    Console.WriteLine(FormattableString.Invariant($"extract_articles_per_cpu_second {count / cpu.TotalSeconds:0}"));
    Console.WriteLine(FormattableString.Invariant($"allocated_kb_per_article {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024 / count}"));
    Console.WriteLine(FormattableString.Invariant($"gc_collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms"));
    Console.WriteLine(FormattableString.Invariant($"peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000}"));
    return 0;
}

if (verb == "prepare")
{
    // Read + clean + segment on every core, nothing stored: the ceiling for the ingest stage.
    var clock = Stopwatch.StartNew();
    var degree = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degree }, i => Ingestion.Prepare(new SourceInput(Encoding.UTF8.GetBytes(generator.Next(i)), $"generated/{i}.txt", DateTimeOffset.UtcNow, "text/plain"), SourceReaders.Default));
    clock.Stop();
    Console.WriteLine(FormattableString.Invariant($"articles {count}"));
    Console.WriteLine(FormattableString.Invariant($"prepare_articles_per_second {count / clock.Elapsed.TotalSeconds:0}"));
    Console.WriteLine(FormattableString.Invariant($"gc_collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms"));
    Console.WriteLine(FormattableString.Invariant($"peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000}"));
    return 0;
}

var folder = Path.Combine(Path.GetTempPath(), "rapporteur-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    await using var db = await Database.OpenAsync(Path.Combine(folder, "bench.db"), CancellationToken.None);
    using var ingestion = new Ingestion(db, SourceReaders.Default, TimeProvider.System);
    var clock = Stopwatch.StartNew();
    long bytes = 0;
    var inputs = Enumerable.Range(0, count).Select(i => (Func<CancellationToken, Task<Fetched>>)(_ =>
    {
        var data = Encoding.UTF8.GetBytes(generator.Next(i));
        Interlocked.Add(ref bytes, data.Length);
        return Task.FromResult<Fetched>(new FetchedInput(new SourceInput(data, $"generated/{i}.txt", DateTimeOffset.UtcNow, "text/plain")));
    }));
    var parallelism = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
    await ingestion.IngestAllAsync(inputs, parallelism, _ => Task.CompletedTask, CancellationToken.None);
    var ingested = clock.Elapsed;
    // The next stage, as `rapporteur ingest` runs it after storing: every stored document extracted, its suggestions stored.
    using var extraction = new ExtractionStage(db, TimeProvider.System, ExtractionStage.NewOwner(), TimeSpan.FromMinutes(5));
    var extracted = await extraction.RunAsync(parallelism, _ => Task.CompletedTask, CancellationToken.None);
    clock.Stop();
    Console.WriteLine(FormattableString.Invariant($"articles {count}"));
    Console.WriteLine(FormattableString.Invariant($"mean_article_bytes {bytes / count}"));
    // Read, clean, segment, store and index: the ingest stage, up to the commit that makes every article searchable.
    Console.WriteLine(FormattableString.Invariant($"ingest_articles_per_second {count / ingested.TotalSeconds:0}"));
    Console.WriteLine(FormattableString.Invariant($"extraction_documents_per_second {extracted.Documents / (clock.Elapsed - ingested).TotalSeconds:0} ({extracted.Documents} documents, {extracted.Suggestions} suggestions)"));
    Console.WriteLine(FormattableString.Invariant($"both_stages_articles_per_second {count / clock.Elapsed.TotalSeconds:0}"));
    Console.WriteLine(FormattableString.Invariant($"peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000}"));
}
finally
{
    Directory.Delete(folder, recursive: true);
}
return 0;
