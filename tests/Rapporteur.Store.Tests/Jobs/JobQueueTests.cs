using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Rapporteur.Store.Jobs;

namespace Rapporteur.Store.Tests.Jobs;

/// <summary>
/// The queue and the worker on a real database per test, SQLite and PostgreSQL; the clock is a FakeTimeProvider so
/// leases and backoff are moved by the test, and each worker slot opens its own connection.
/// </summary>
public abstract class JobQueueTests(StoreKind kind) : IAsyncLifetime
{
    public sealed class OnSqlite() : JobQueueTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : JobQueueTests(StoreKind.Postgres);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "rapporteur-jobs-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
    // One client for all tests, as an application keeps one.
    private static readonly HttpClient Http = new();
    private RapporteurDb db = null!;

    private TestDatabases databases = null!;

    private string DbPath => databases.Location("r");

    public async Task InitializeAsync()
    {
        databases = new TestDatabases(kind, folder);
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        db = await Database.OpenAsync(DbPath, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        databases.Remove();
        Directory.Delete(folder, recursive: true);
    }

    private JobQueue Queue => new(db, clock);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, "in", name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Article(string person, string city, int number) => $"""
        {city} Court Fines Journalist {person} (report {number})

        A district court in {city} fined the journalist {person} on Monday for an article about the seizure of farmland near the city. {person} said that the hearing lasted twenty minutes and that the judge refused to hear the farmers who had given interviews.

        The Committee for the Protection of Press Freedom in {city} said the fine was the third against a local reporter this year.
        """;

    private Worker Worker(WorkerOptions? options = null, TimeProvider? time = null) =>
        new(token => Database.OpenAsync(DbPath, token), Http, options ?? new WorkerOptions { Drain = true }, time ?? clock);

    private static async Task<(WorkerSummary Summary, List<WorkerEvent> Events)> DrainAsync(Worker worker)
    {
        var events = new ConcurrentQueue<WorkerEvent>();
        var summary = await worker.RunAsync(e =>
        {
            events.Enqueue(e);
            return Task.CompletedTask;
        }, CancellationToken.None);
        return (summary, [.. events]);
    }

    private async Task<List<JobRow>> JobsAsync() => await db.Jobs.AsNoTracking().OrderBy(j => j.Id).ToListAsync();

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Enqueue_and_drain_stores_every_input_exactly_once()
    {
        var a = Write("a.txt", Article("Aibek Dzhumabaev", "Naryn", 1));
        var b = Write("b.txt", Article("Saltanat Ermekova", "Talas", 2));
        var c = Write("c.txt", Article("Ruslan Toktogulov", "Jalal-Abad", 3));
        // The same file twice, and a copy of one under another name.
        var copy = Write("copy-of-a.txt", File.ReadAllText(a));

        var queued = await Queue.EnqueueAsync([a, b, c, a, copy], CancellationToken.None);
        var (summary, _) = await DrainAsync(Worker());

        Assert.All(queued, q => Assert.IsType<JobEnqueued>(q));
        Assert.Equal(3, summary.Stored);
        Assert.Equal(2, summary.Duplicates);
        Assert.Equal(3, await db.Sources.CountAsync());
        var jobs = await JobsAsync();
        Assert.All(jobs, j => Assert.Equal(JobState.Done, j.State));
        Assert.All(jobs, j => Assert.NotNull(j.SourceId));
        Assert.Equal(jobs[0].SourceId, jobs[3].SourceId);
        Assert.Equal(jobs[0].SourceId, jobs[4].SourceId);
        Assert.Equal(3, jobs.Select(j => j.SourceId).Distinct().Count());
    }

    [Fact]
    public async Task A_worker_whose_store_times_out_at_start_tries_again_and_drains_the_queue()
    {
        var a = Write("a.txt", Article("Aibek Dzhumabaev", "Naryn", 1));
        await Queue.EnqueueAsync([a], CancellationToken.None);
        var refusals = 0;
        // The first two opens time out, as against a server too busy to answer in time.
        var worker = new Worker(
            token => Interlocked.Increment(ref refusals) <= 2 ? throw new TimeoutException("the server did not answer in time") : Database.OpenAsync(DbPath, token),
            Http,
            new WorkerOptions { Drain = true, IdlePoll = TimeSpan.FromMilliseconds(20) },
            TimeProvider.System);

        var (summary, _) = await DrainAsync(worker);

        Assert.True(refusals > 2);
        Assert.Equal(1, summary.Stored);
        Assert.Equal(JobState.Done, Assert.Single(await JobsAsync()).State);
    }

    [Fact]
    public async Task A_folder_becomes_one_job_per_file_and_a_missing_path_is_refused_by_name()
    {
        Write("a.txt", Article("Aibek Dzhumabaev", "Naryn", 1));
        Write("b.txt", Article("Saltanat Ermekova", "Talas", 2));
        var missing = Path.Combine(folder, "no-such-report.txt");

        var queued = await Queue.EnqueueAsync([Path.Combine(folder, "in"), missing], CancellationToken.None);

        Assert.Equal(2, queued.OfType<JobEnqueued>().Count());
        var refused = Assert.Single(queued.OfType<EnqueueRefused>());
        Assert.Equal(missing, refused.Target);
        Assert.Equal("no such file or folder", refused.Reason);
        Assert.Equal(2, await db.Jobs.CountAsync());
    }

    [Fact]
    public async Task Two_workers_draining_one_queue_do_no_job_twice()
    {
        var paths = Enumerable.Range(1, 40).Select(i => Write($"{i:00}.txt", Article(i % 2 == 0 ? "Aibek Dzhumabaev" : "Saltanat Ermekova", i % 3 == 0 ? "Naryn" : "Karakol", i))).ToList();
        await Queue.EnqueueAsync(paths, CancellationToken.None);

        // Real time here: the two workers race for real, each with two slots on connections of their own.
        var options = new WorkerOptions { Drain = true, Concurrency = 2, IdlePoll = TimeSpan.FromMilliseconds(50) };
        var first = DrainAsync(Worker(options, TimeProvider.System));
        var second = DrainAsync(Worker(options, TimeProvider.System));
        var results = await Task.WhenAll(first, second);

        var handled = results.SelectMany(r => r.Events).Where(e => e.Kind is WorkerEventKind.Stored or WorkerEventKind.Duplicate).Select(e => e.JobId!.Value).ToList();
        Assert.Equal(40, handled.Count);
        Assert.Equal(40, handled.Distinct().Count());
        Assert.Equal(40, results.Sum(r => r.Summary.Stored));
        Assert.Equal(40, await db.Sources.CountAsync());
        var jobs = await JobsAsync();
        Assert.All(jobs, j => Assert.Equal((JobState.Done, 1), (j.State, j.Attempts)));
        // Names were resolved over every document by whichever worker went idle last, and no document waits.
        Assert.Contains(results.SelectMany(r => r.Events), e => e.Kind == WorkerEventKind.NamesResolved);
        Assert.False(await db.NamesPending.AnyAsync());
        Assert.Equal(2, await db.PersonEntities.CountAsync());
    }

    [Fact]
    public async Task A_live_lease_keeps_a_job_from_other_workers_and_an_expired_one_does_not()
    {
        var path = Write("a.txt", Article("Aibek Dzhumabaev", "Naryn", 1));
        await Queue.EnqueueAsync([path], CancellationToken.None);
        var taken = await Queue.ClaimAsync("a worker that dies", TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.NotNull(taken);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(await Queue.ClaimAsync("another worker", TimeSpan.FromSeconds(60), CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        var (summary, _) = await DrainAsync(Worker());

        Assert.Equal(1, summary.Stored);
        var job = Assert.Single(await JobsAsync());
        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(2, job.Attempts);
        Assert.Null(job.LeaseOwner);
        Assert.Equal(1, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task Never_tried_jobs_are_claimed_in_a_batch_and_a_job_tried_before_only_alone()
    {
        var paths = Enumerable.Range(1, 5).Select(i => Write($"{i}.txt", Article("Aibek Dzhumabaev", "Naryn", i))).ToList();
        await Queue.EnqueueAsync(paths, CancellationToken.None);
        var nothingTried = await Queue.ClaimTriedAsync("batch worker", TimeSpan.FromSeconds(60), CancellationToken.None);
        var died = await Queue.ClaimAsync("a worker that dies", TimeSpan.FromSeconds(60), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(61));

        var batch = await Queue.ClaimFreshAsync("batch worker", TimeSpan.FromSeconds(60), 3, CancellationToken.None);
        var rest = await Queue.ClaimFreshAsync("batch worker", TimeSpan.FromSeconds(60), 3, CancellationToken.None);
        var none = await Queue.ClaimFreshAsync("batch worker", TimeSpan.FromSeconds(60), 3, CancellationToken.None);
        var retaken = await Queue.ClaimTriedAsync("another worker", TimeSpan.FromSeconds(60), CancellationToken.None);

        // The job whose worker died is never part of a batch: it might be the input that killed it.
        Assert.Null(nothingTried);
        Assert.Equal([paths[1], paths[2], paths[3]], batch.Select(j => j.Target));
        Assert.Equal([paths[4]], rest.Select(j => j.Target));
        Assert.Empty(none);
        Assert.Equal((died!.Id, 2), (retaken!.Id, retaken.Attempts));
        Assert.All(batch.Concat(rest), j => Assert.Equal((JobState.Running, 1, "batch worker"), (j.State, j.Attempts, j.LeaseOwner)));
    }

    [Fact]
    public async Task A_worker_stores_a_batch_and_marks_each_job_with_its_own_source()
    {
        var paths = Enumerable.Range(1, 7).Select(i => Write($"{i}.txt", Article(i % 2 == 0 ? "Aibek Dzhumabaev" : "Saltanat Ermekova", "Talas", i))).ToList();
        paths.Add(Write("copy.txt", Article("Saltanat Ermekova", "Talas", 1)));
        await Queue.EnqueueAsync(paths, CancellationToken.None);

        var (summary, events) = await DrainAsync(Worker(new WorkerOptions { Drain = true, Batch = 3 }));

        Assert.Equal((7, 1), (summary.Stored, summary.Duplicates));
        var jobs = await JobsAsync();
        var sources = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Origin);
        // Each job names the source its own file became; the copy names the first file's.
        Assert.All(jobs.Take(7), j => Assert.Equal(j.Target, sources[j.SourceId!.Value]));
        Assert.Equal(paths[0], sources[jobs[7].SourceId!.Value]);
        Assert.All(jobs, j => Assert.Equal((JobState.Done, 1), (j.State, j.Attempts)));
        // One line per job in queue order; the two stages take turns, so after each batch of jobs
        // the documents it stored go through extraction; the names are resolved once nothing waits.
        Assert.Equal(paths, events.Where(e => e.Kind is WorkerEventKind.Stored or WorkerEventKind.Duplicate).Select(e => e.Target));
        Assert.Equal("job job job extraction job job job extraction job job extraction names", string.Join(' ', events.Select(e => e.Target == "extraction" || e.Target == "names" ? e.Target : "job")));
        Assert.Equal(7, summary.Extracted);
        Assert.Equal(2, events[^1].Names!.Persons);
        Assert.False(await db.ExtractionPending.AnyAsync());
        Assert.Equal(7, await db.Suggestions.Where(s => s.Kind == "person").Select(s => s.DocumentId).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_worker_extracts_and_resolves_what_an_earlier_one_stored_before_it_died()
    {
        // Stored, then the process died before extraction and resolution: the documents wait for both.
        using (var ingestion = new Store.Ingest.Ingestion(db, Core.Sources.SourceReaders.Default, clock))
        {
            await ingestion.IngestAsync(new Core.Sources.SourceInput(Encoding.UTF8.GetBytes(Article("Saltanat Ermekova", "Talas", 3)), "talas.txt", clock.GetUtcNow(), "text/plain"), CancellationToken.None);
        }
        // Names wait from the commit that stores suggestions, so nothing waits for them yet.
        Assert.False(await db.NamesPending.AnyAsync());
        Assert.True(await db.ExtractionPending.AnyAsync());

        var (summary, events) = await DrainAsync(Worker());

        Assert.Equal((0, 1), (summary.Stored, summary.Extracted));
        Assert.Equal([WorkerEventKind.Extracted, WorkerEventKind.NamesResolved], events.Select(e => e.Kind));
        Assert.False(await db.NamesPending.AnyAsync());
        Assert.False(await db.ExtractionPending.AnyAsync());
        Assert.Equal(1, await db.PersonEntities.CountAsync());
    }

    [Fact]
    public async Task A_worker_that_lost_its_lease_cannot_finish_the_job_over_the_new_holder()
    {
        await Queue.EnqueueAsync([Write("a.txt", Article("Aibek Dzhumabaev", "Naryn", 1))], CancellationToken.None);
        var first = await Queue.ClaimAsync("slow worker", TimeSpan.FromSeconds(60), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(61));
        var second = await Queue.ClaimAsync("second worker", TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(first!.Id, second!.Id);
        Assert.False(await Queue.FailAsync(first.Id, "slow worker", "too late", CancellationToken.None));
        Assert.True(await Queue.CompleteAsync(second.Id, "second worker", null, CancellationToken.None));
        Assert.Equal(JobState.Done, Assert.Single(await JobsAsync()).State);
    }

    [Fact]
    public async Task An_unreachable_address_is_retried_with_growing_waits_then_failed_with_its_reason()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/2026/03/khorog-hearing.html";
        await Queue.EnqueueAsync([url], CancellationToken.None);
        var options = new WorkerOptions { Drain = true, MaxAttempts = 3, Backoff = TimeSpan.FromSeconds(10) };

        var (first, _) = await DrainAsync(Worker(options));
        var job = Assert.Single(await JobsAsync());
        Assert.Equal(1, first.Retrying);
        Assert.Equal((JobState.Waiting, 1), (job.State, job.Attempts));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(10), job.NextAttemptAt);
        Assert.Contains("cannot connect", job.LastError, StringComparison.Ordinal);

        // Not due yet: a drain does nothing.
        clock.Advance(TimeSpan.FromSeconds(9));
        var (early, _) = await DrainAsync(Worker(options));
        Assert.Equal(0, early.Retrying + early.Failed);

        clock.Advance(TimeSpan.FromSeconds(1));
        await DrainAsync(Worker(options));
        job = Assert.Single(await JobsAsync());
        Assert.Equal((JobState.Waiting, 2), (job.State, job.Attempts));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(20), job.NextAttemptAt);

        clock.Advance(TimeSpan.FromSeconds(20));
        var (last, events) = await DrainAsync(Worker(options));
        job = Assert.Single(await JobsAsync());
        Assert.Equal(1, last.Failed);
        Assert.Equal((JobState.Failed, 3), (job.State, job.Attempts));
        Assert.Contains("cannot connect", job.LastError, StringComparison.Ordinal);
        Assert.Contains("gave up after 3 attempts", job.LastError, StringComparison.Ordinal);
        Assert.Equal(url, Assert.Single(events).Target);
        Assert.Equal(url, (await db.Failures.SingleAsync()).Origin);
    }

    [Fact]
    public async Task An_empty_file_fails_at_once_with_the_readers_reason_and_the_others_are_stored()
    {
        var good = Write("good.txt", Article("Aibek Dzhumabaev", "Naryn", 1));
        var empty = Write("empty.txt", "");
        await Queue.EnqueueAsync([empty, good], CancellationToken.None);

        var (summary, _) = await DrainAsync(Worker());

        Assert.Equal((1, 1, 0), (summary.Stored, summary.Failed, summary.Retrying));
        var jobs = await JobsAsync();
        Assert.Equal((JobState.Failed, 1), (jobs[0].State, jobs[0].Attempts));
        Assert.Contains("empty", jobs[0].LastError, StringComparison.Ordinal);
        Assert.Equal(JobState.Done, jobs[1].State);
        Assert.Equal(empty, (await db.Failures.SingleAsync()).Origin);
    }

    [Fact]
    public async Task Retrying_failed_jobs_queues_them_again_and_a_fixed_input_then_goes_in()
    {
        var report = Write("report.txt", "");
        await Queue.EnqueueAsync([report], CancellationToken.None);
        await DrainAsync(Worker());
        File.WriteAllText(report, Article("Saltanat Ermekova", "Talas", 7));

        var requeued = await Queue.RetryFailedAsync(CancellationToken.None);
        var waiting = Assert.Single(await JobsAsync());
        // Put back, it is still a job that failed once: never part of a batch.
        Assert.Empty(await Queue.ClaimFreshAsync("batch worker", TimeSpan.FromSeconds(60), 16, CancellationToken.None));
        var (summary, _) = await DrainAsync(Worker());

        Assert.Equal(1, requeued);
        Assert.Equal((JobState.Waiting, 0), (waiting.State, waiting.Attempts));
        Assert.Equal(1, summary.Stored);
        Assert.Equal(JobState.Done, Assert.Single(await JobsAsync()).State);
    }

    [Fact]
    public async Task Claim_statement_skips_locked_rows_on_postgres_only()
    {
        // SQLite has one writer at a time and no row locks; PostgreSQL workers skip each other's claimed rows.
        var sql = JobQueue.ClaimSql(db.Database.ProviderName);
        if (kind == StoreKind.Postgres)
        {
            Assert.Contains("FOR UPDATE SKIP LOCKED", sql, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("FOR UPDATE", sql, StringComparison.Ordinal);
        }
        Assert.Contains("RETURNING", sql, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_feed_address_becomes_one_job_per_item_and_each_item_one_source()
    {
        await using var server = await Feeds.FeedServer.StartAsync();
        server.Add("Osh lawyer summoned", "https://osh-herald.example/2026/03/lawyer-summoned", "The lawyer Mirlan Osmonaliev was summoned to the Osh prosecutor's office on Tuesday.");
        server.Add("Batken reporter questioned", "https://osh-herald.example/2026/03/reporter-questioned", "The reporter Cholpon Abdraimova was questioned for six hours in Batken.");
        await Queue.EnqueueAsync([server.Url], CancellationToken.None);

        var (summary, _) = await DrainAsync(Worker());

        Assert.Equal((1, 2), (summary.Expanded, summary.Stored));
        var jobs = await JobsAsync();
        Assert.Equal([JobKind.Url, JobKind.Item, JobKind.Item], jobs.Select(j => j.Kind));
        Assert.All(jobs, j => Assert.Equal(JobState.Done, j.State));
        Assert.Null(jobs[0].SourceId);
        var origins = await db.Sources.Select(s => s.Origin).OrderBy(o => o).ToListAsync();
        Assert.Equal(["https://osh-herald.example/2026/03/lawyer-summoned", "https://osh-herald.example/2026/03/reporter-questioned"], origins);
    }
}
